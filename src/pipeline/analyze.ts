import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { compileCodebook } from '../core/coding/compileCodebook.js';
import { codebookTerms } from '../core/codebook/Codebook.js';
import { Interrupted } from '../core/errors.js';
import { UNREAD_STATUSES } from '../core/types.js';
import type { GivenMetadata } from '../core/metadata/inferMetadata.js';
import type { DocumentSummary } from '../core/tables/buildTables.js';
import { csvHeader, csvRows } from '../export/csv.js';
import { outlineOf } from '../core/tables/CodebookOutline.js';
import { selectDocuments } from '../core/tables/selectDocuments.js';
import { sha256 } from '../io/hash.js';
import { readFile } from 'node:fs/promises';
import { DEFAULT_TABLE_OPTIONS, type TableOutputOptions } from './tableOutputs.js';
import { sourceKindOf } from '../io/extract/extractDocument.js';
import { listInputs } from '../io/listInputs.js';
import { OutputStage } from '../io/OutputStage.js';
import { loadCodebooks } from '../io/readCodebook.js';
import { readMetadataCsv } from '../io/readMetadataCsv.js';
import { addWords, dictionaryId, segment, segmenterCalls, segmenterLoaded, segmenterLoadMs } from '../io/segmenter.js';
import { TokenCache } from '../io/TokenCache.js';
import { XlsxWriter } from '../io/XlsxWriter.js';
import type { Table } from '../core/tables/Table.js';
import { PreparedCache } from '../io/PreparedCache.js';
import { prepareDocument, withUnit, type PreparedDocument } from '../core/prepareDocument.js';
import { DEFAULT_UNIT, type CodingUnit } from '../core/clauses/segmentText.js';
import { defaultCacheDir, extractionSpace } from '../io/ExtractionCache.js';
import { DEFAULT_PDF_ENGINE, type ExtractorOptions } from './extractStage.js';
import { ExtractPhase, type Extracted } from './extractPhase.js';
import { loadManualOverrides, type NotApplied } from './manualOverrides.js';
import { mapInOrder } from './mapInOrder.js';
import { PART_CLAUSES, PART_INFO, type PartInfo, type Shard } from './PartialResult.js';
import { clauseColumns, processDocument, type DocumentInput } from './processDocument.js';
import { markDuplicate } from './markDuplicates.js';
import { DuplicateFinder, type DuplicateCandidate } from '../core/duplicates/findDuplicates.js';
import { summaryOutputs } from './summaryTables.js';
import { writeReportHtml } from './writeReportHtml.js';
import { VERSION } from './version.js';
import { rerunSettings } from './rerunSettings.js';

export interface AnalyzeOptions {
  corpus: string;
  out: string;
  /** Codebook files: the first is the main codebook, the others add columns and cross-tab counts. */
  codebooks: string[];
  metadata?: string;
  /** Manual codes to apply over the automatic ones (default: codings/manual.csv when it exists). */
  manual?: string;
  /** The unit of coding; default: the main codebook's `unit`, else `item`. */
  unit?: CodingUnit;
  /** Filters, names and formats of the tables and figures. */
  tables?: TableOutputOptions;
  /** Extraction settings: jobs, time limits, size limit, cache (also where the token cache lives). */
  extraction?: ExtractorOptions;
  /** Process only this share of the documents and write a partial result for `merge`. */
  shard?: Shard;
  /** Stops the run between documents (Ctrl-C); the run then throws Interrupted. */
  signal?: AbortSignal;
  /** Progress of each phase: first every document is extracted (or found in the cache), then coded. */
  onProgress?: (done: number, total: number, file: string, phase: 'extract' | 'code') => void;
  /** Called once the output stage exists, so a second Ctrl-C can remove its temporary files at once. */
  onStage?: (stage: OutputStage) => void;
}

export interface AnalyzeReport {
  /** The main codebook the run coded with, and the unit. */
  codebook: { name: string; version: string; file: string };
  unit: CodingUnit;
  documents: DocumentSummary[];
  skipped: string[];
  outputs: string[];
  /** Documents that could not be read (UNREAD_STATUSES: failed, refused, needs_ocr, needs_conversion, empty). */
  problems: DocumentSummary[];
  /** Manual codes applied, and those not applied with the reason (they stay in the file). */
  manual: { file: string | null; applied: number; notApplied: NotApplied[] };
  /** Documents whose text came from the extraction cache, and those extracted in this run. */
  extraction: { hits: number; extracted: number };
}

/** Zero-padded document ids in corpus order: D001, D002, ... (wider when the corpus is larger). */
/** formatCell looks columns up by name; clause rows have no numeric kinds, so any column list will do. */
const CLAUSE_TABLE_COLUMNS: string[] = [];

export function documentId(index: number, total: number): string {
  return `D${String(index + 1).padStart(Math.max(3, String(total).length), '0')}`;
}

/** Documents a run reads: the corpus's readable files, with ids given over the whole corpus. */
export async function corpusDocuments(corpus: string): Promise<{ files: string[]; documents: string[]; skipped: string[] }> {
  const files = await listInputs(corpus);
  return { files, documents: files.filter((f) => sourceKindOf(f) !== null), skipped: files.filter((f) => sourceKindOf(f) === null) };
}

/**
 * Runs the whole job on a corpus folder: read, split, code, count, and write the tables. Two phases:
 * extraction fills the cache with every core busy (ExtractPhase), then coding streams the documents
 * back from the cache in corpus order, once the PDF workers are gone, so peak memory is the larger
 * of the two, never their sum. A bounded number of documents is in flight at a time: clause rows go
 * to disk as each document is coded and only the small per-document summaries stay in memory, so
 * memory does not grow with the corpus. Every output is staged under a temporary name and renamed
 * at the end; a stopped run has cached all it extracted and resumes from there.
 */
export async function analyze(options: AnalyzeOptions): Promise<AnalyzeReport> {
  const started = performance.now();
  // The codebook is checked before anything is read or written: a bad one stops the run with nothing written.
  const books = await loadCodebooks(options.codebooks);
  const loaded = books[0]!;
  const unit = options.unit ?? loaded.codebook.unit ?? DEFAULT_UNIT;
  const { files, documents: documentFiles, skipped } = await corpusDocuments(options.corpus);
  const outlines = books.map((b) => outlineOf(b.codebook, b.sha256));
  const tableOptions = options.tables ?? DEFAULT_TABLE_OPTIONS;
  // A filter naming an unknown field or category is a usage error before anything is read.
  selectDocuments([], tableOptions.conditions, outlines);
  const metadataPath = options.metadata ?? join(options.corpus, 'metadata.csv');
  const hasMetadata = options.metadata !== undefined || existsSync(metadataPath);
  const metadata: Map<string, GivenMetadata> = hasMetadata ? await readMetadataCsv(metadataPath) : new Map();
  const metadataHash = hasMetadata ? sha256(await readFile(metadataPath)) : null;

  const manual = await loadManualOverrides(options.manual, loaded.codebook.leaves.map((l) => l.id));

  for (const b of books) addWords(codebookTerms(b.codebook));
  const compiled = books.map((b) => compileCodebook(b.codebook));
  const dictionary = dictionaryId();
  const extraction = options.extraction ?? {};
  const tokens = new TokenCache(extraction.cacheDir ?? defaultCacheDir(), dictionary, extraction.useCache !== false);
  const phase = new ExtractPhase(extraction);
  // Loads exceljs on the other core while documents are read and coded (a shard writes no tables).
  const xlsx = options.shard ? null : new XlsxWriter();
  const preparedCache = new PreparedCache(extraction.cacheDir ?? defaultCacheDir(), extraction.useCache !== false, extractionSpace(phase.engine));
  const prepared = { hits: 0, misses: 0 };
  const total = documentFiles.length;
  const selected = documentFiles.map((file, index) => ({ file, index })).filter((d) => !options.shard || d.index % options.shard.count === options.shard.index);
  // The engine that read each PDF (a file poppler cannot open is read by pdf-parse under auto).
  const engines: Array<string | null> = new Array(selected.length).fill(null);

  const stage = await OutputStage.open(options.out);
  options.onStage?.(stage);
  const clausesOut = stage.stream(options.shard ? PART_CLAUSES : 'clauses.csv');
  const summaries: DocumentSummary[] = [];
  const duplicates = new DuplicateFinder();
  const duplicateKeys: DuplicateCandidate[] = [];
  const ranges: Array<[number, number]> = [];
  let written = 0;
  const timing = { extractMs: 0, codingMs: 0, codeMs: 0, textBytes: 0, extracted: 0, fromCache: 0 };
  // Extraction time by kind of document (pdf, pdf-ocr, html, txt, docx): for benchmarks, never in tables.
  const byKind: Record<string, { documents: number; ms: number }> = {};
  const interrupted = (done: number) => new Interrupted(String(options.signal?.reason ?? 'a signal'), done, selected.length);
  try {
    const extracted: Extracted[] = new Array(selected.length);
    const t1 = performance.now();
    const read = await phase.run(options.corpus, selected.map((d) => d.file), extracted, (done, file) => options.onProgress?.(done, selected.length, file, 'extract'), options.signal);
    timing.extractMs = performance.now() - t1;
    if (options.signal?.aborted) throw interrupted(read);
    for (const e of extracted) {
      if (e.cached) timing.fromCache++;
      else timing.extracted++;
      byKind[e.kind] = { documents: (byKind[e.kind]?.documents ?? 0) + 1, ms: (byKind[e.kind]?.ms ?? 0) + e.ms };
    }

    const t2 = performance.now();
    if (!options.shard) await clausesOut.write(csvHeader(clauseColumns(books.slice(1).map((b) => b.codebook.name)), { bom: tableOptions.bom }));
    const emitted = await mapInOrder(
      selected.length,
      8,
      async (k) => {
        const e = extracted[k]!;
        // A document prepared before (same content, same code) needs neither its pages nor normalizing.
        const cached = e.held ? null : await preparedCache.get(e.sha256);
        const ready = cached ? withUnit(cached, unit) : null;
        const { outcome, extractedAgain } = ready ? { outcome: { ok: true as const, prepared: ready }, extractedAgain: false } : await phase.outcomeOf(options.corpus, e);
        return { e, outcome, extractedAgain, doc: await tokens.forDocument(e.sha256, segment) };
      },
      async (k, { e, outcome, extractedAgain, doc }) => {
        const t0 = performance.now();
        // Pages extracted in this run, or not prepared before, are prepared here, and cached when their extraction is.
        let input: DocumentInput;
        let toCache: PreparedDocument | null = null;
        // An entry cached before engines were recorded was read by pdf-parse, the only engine then.
        if (outcome.ok && sourceKindOf(e.file) === 'pdf') engines[k] = ('prepared' in outcome ? outcome.prepared.engine : outcome.document.engine) ?? 'pdf-parse';
        if (!outcome.ok || 'prepared' in outcome) {
          input = outcome;
          if (outcome.ok) prepared.hits++;
        } else {
          input = { ok: true, prepared: prepareDocument(outcome.document, unit) };
          prepared.misses++;
          if (outcome.cacheable) toCache = input.prepared;
        }
        const processed = processDocument(documentId(selected[k]!.index, total), e.file, e.sha256, input, metadata.get(e.file), compiled, { segment: doc.segment, manual: manual.forDocument });
        // What stays in memory for the whole run (the summary, the duplicate key) is copied: its
        // strings (title, issuer, 文号, ...) are slices of the document's text, and a V8 slice keeps
        // the whole text alive. Measured: without the copy a re-code of 5,000 documents no longer fits
        // in a 64 MB heap (it does with it).
        const coded = { ...processed, summary: structuredClone(processed.summary), duplicateKey: structuredClone(processed.duplicateKey) };
        // Documents come in id order, so each is checked against the earlier ones as it is coded; a
        // shard sees only its share, so there the merge decides (it gets every document's key).
        const r = options.shard ? coded : markDuplicate(duplicates, coded);
        if (options.shard) duplicateKeys.push(coded.duplicateKey);
        timing.codingMs += performance.now() - t0;
        if (extractedAgain) {
          timing.extracted++;
          timing.fromCache--;
        }
        // The text coded (a duplicate is coded before it is recognised, so its clauses count here).
        for (const row of coded.clauseRows) timing.textBytes += Buffer.byteLength(String(row[5]));
        const chunk = csvRows({ name: 'clauses', columns: CLAUSE_TABLE_COLUMNS, rows: r.clauseRows });
        await clausesOut.write(chunk);
        const bytes = Buffer.byteLength(chunk);
        ranges.push([written, bytes]);
        written += bytes;
        summaries.push(r.summary);
        await doc.save().catch(() => undefined);
        if (toCache) await preparedCache.put(e.sha256, toCache).catch(() => undefined);
        options.onProgress?.(summaries.length, selected.length, e.file, 'code');
      },
      options.signal,
    );
    timing.codeMs = performance.now() - t2;
    if (options.signal?.aborted) throw interrupted(emitted);
  } catch (err) {
    await stage.abort();
    await xlsx?.close();
    throw err;
  } finally {
    await phase.close();
  }

  const codebook = loaded.codebook;
  const run = {
    tool: 'policy-code',
    version: VERSION,
    codebook: { name: codebook.name, version: codebook.version, file: loaded.file, sha256: loaded.sha256 },
    further_codebooks: books.slice(1).map((b) => ({ name: b.codebook.name, version: b.codebook.version, file: b.file, sha256: b.sha256 })),
    corpus: options.corpus,
    unit,
    rerun: rerunSettings(options.corpus, books.map((b) => b.file), hasMetadata ? metadataPath : null, manual.file, unit),
    options: { codebooks: options.codebooks, metadata: options.metadata ?? null, manual: options.manual ?? null, unit: options.unit ?? null, jobs: phase.jobs, pdf_engine: extraction.pdfEngine ?? DEFAULT_PDF_ENGINE },
    pdf_engine: phase.engine,
    metadata: metadataHash ? { file: metadataPath, sha256: metadataHash } : null,
    counts: { ...runCounts(files.length, skipped.length, summaries), from_cache: timing.fromCache, manual_codes_applied: manual.applied() },
    manual: { file: manual.file, codes: manual.codes, applied: manual.applied(), not_applied: options.shard ? [] : manual.notApplied().map((n) => ({ clause_id: n.clauseId, file: n.file, text: n.text, reason: n.reason })) },
    cache: {
      extraction: { hits: timing.fromCache, extracted: timing.extracted },
      prepared,
      tokens: { dictionary, ...tokens.stats, segmenter_calls: segmenterCalls(), segmenter_loaded: segmenterLoaded() },
    },
    // coding: normalize, split, segment and match, on the main thread, without the dictionary's load.
    timings_ms: {
      extract_phase: Math.round(timing.extractMs),
      code_phase: Math.round(timing.codeMs),
      coding: Math.round(timing.codingMs - segmenterLoadMs()),
      segmenter_load: Math.round(segmenterLoadMs()),
      total: Math.round(performance.now() - started),
      extract_by_kind: byKind,
    },
    text_bytes: timing.textBytes,
  };
  try {
    if (options.shard) {
      const info: PartInfo = { format: PART_INFO.format, shard: options.shard, documents_total: total, corpus_files: documentFiles, skipped, run, tables: tableOptions, parts: selected.map((d, k) => ({ index: d.index, summary: summaries[k]!, clauses: ranges[k]!, duplicate_key: duplicateKeys[k]!, ...(engines[k] ? { pdf_engine: engines[k] } : {}) })) };
      await stage.put(PART_INFO.file, JSON.stringify(info, null, 2) + '\n');
    } else {
      const made = await summaryOutputs(outlines, summaries, { ...tableOptions, ...(xlsx ? { xlsx: (t: readonly Table[]) => xlsx.write(t) } : {}) });
      for (const [name, content] of made.files) await stage.put(name, content);
      await stage.put('run.json', JSON.stringify({ ...run, inputs: summaries.map((d, k) => ({ file: d.file, sha256: d.sha256, ...(engines[k] ? { pdf_engine: engines[k] } : {}) })), skipped, tables: made.manifest }, null, 2) + '\n');
    }
  } catch (err) {
    await stage.abort();
    throw err;
  } finally {
    await xlsx?.close();
  }
  const outputs = await stage.commit();
  if (!options.shard) {
    const page = { out: options.out, clausesCsv: join(options.out, 'clauses.csv'), corpus: options.corpus, codebooks: outlines, documents: summaries, tables: tableOptions };
    outputs.push((await writeReportHtml(page)).file);
  }
  return {
    codebook: { name: codebook.name, version: codebook.version, file: loaded.file },
    unit,
    documents: summaries,
    skipped,
    outputs,
    problems: summaries.filter((d) => UNREAD_STATUSES.includes(d.status)),
    // A shard sees only its share of the clauses: a code for another shard's clause is not "gone".
    manual: { file: manual.file, applied: manual.applied(), notApplied: options.shard ? [] : manual.notApplied() },
    extraction: { hits: timing.fromCache, extracted: timing.extracted },
  };
}

export function runCounts(files: number, skipped: number, documents: readonly DocumentSummary[]) {
  const count = (s: string) => documents.filter((d) => d.status === s).length;
  return {
    files,
    documents: documents.length,
    ok: count('ok'),
    failed: count('failed'),
    empty: count('empty'),
    needs_ocr: count('needs_ocr'),
    needs_conversion: count('needs_conversion'),
    refused: count('refused'),
    duplicate: count('duplicate'),
    // Counted policies whose text resembles an earlier one, and counted policies without a province.
    similar_counted: documents.filter((d) => d.status === 'ok' && d.similarTo).length,
    unknown_province: documents.filter((d) => d.status === 'ok' && d.province === null).length,
    not_policy: count('not_policy'),
    skipped,
    clauses: documents.reduce((a, d) => a + d.clauses, 0),
    coded_clauses: documents.reduce((a, d) => a + d.codedClauses, 0),
    in_scope_clauses: documents.reduce((a, d) => a + d.inScopeClauses, 0),
  };
}
