import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CodingUnit } from '../core/clauses/segmentText.js';
import { Interrupted } from '../core/errors.js';
import type { DocumentSummary } from '../core/tables/buildTables.js';
import { UNREAD_STATUSES } from '../core/types.js';
import { csvHeader } from '../export/csv.js';
import { collectGarbage } from '../io/collectGarbage.js';
import { defaultCacheDir, extractionSpace } from '../io/ExtractionCache.js';
import { OutputStage } from '../io/OutputStage.js';
import { PreparedCache } from '../io/PreparedCache.js';
import { dictionaryId, favourMemoryWithDictionary, segmenterLoaded } from '../io/segmenter.js';
import { TokenCache } from '../io/TokenCache.js';
import { toXlsx } from '../io/toXlsx.js';
import { codingThreads, CodeWorkers } from './CodeWorkers.js';
import { codePhase, type CodedRun } from './codePhase.js';
import type { ExtractorOptions } from './Extractor.js';
import { ExtractPhase, type Extracted } from './ExtractPhase.js';
import type { NotApplied } from './manualOverrides.js';
import { PART_CLAUSES, PART_INFO, type PartInfo } from './PartInfo.js';
import type { Shard } from './parseShard.js';
import { planRun, type RunPlan } from './planRun.js';
import { clauseColumns } from '../core/tables/clauseColumns.js';
import { runManifest, type ExtractionRecord } from './runManifest.js';
import { writeSummaryOutputs } from './summaryOutputs.js';
import type { TableOutputOptions } from './tableOutputs.js';
import { ReportClauseBlocks, type EncodedBlocks } from './ReportClauseBlocks.js';
import { writeReportHtml } from './writeReportHtml.js';

/**
 * From this many documents, loading nodejieba's dictionary also makes V8 favour memory over speed
 * (io/favourMemory.ts): peak memory then stays nearly flat in corpus size (5 % more CPU); smaller
 * runs, far from the memory limit, keep their speed.
 */
const FAVOUR_MEMORY_FROM = 2000;

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

/**
 * Runs the whole job on a corpus folder: read, split, code, count, and write the tables. Two phases:
 * extraction fills the cache with every core busy (ExtractPhase), then coding streams the documents
 * back from the cache in corpus order, once the PDF reader processes are gone, so peak memory is the larger
 * of the two, never their sum. A bounded number of documents is in flight at a time: clause rows go
 * to disk as each document is coded and only the small per-document summaries stay in memory, so
 * memory does not grow with the corpus. Every output is staged under a temporary name and renamed
 * at the end; a stopped run has cached all it extracted and resumes from there.
 */
export async function analyze(options: AnalyzeOptions): Promise<AnalyzeReport> {
  const started = performance.now();
  // The codebook, filters and metadata are checked before anything is read or written.
  const plan = await planRun(options);
  // A large run holds the dictionary beside a heap that grows with the corpus: memory comes first there.
  favourMemoryWithDictionary(plan.selected.length >= FAVOUR_MEMORY_FROM);
  const extraction = options.extraction ?? {};
  const cacheDir = extraction.cacheDir ?? defaultCacheDir();
  const tokens = new TokenCache(cacheDir, dictionaryId(), extraction.useCache !== false);
  const phase = new ExtractPhase(extraction);
  const preparedCache = new PreparedCache(cacheDir, extraction.useCache !== false, extractionSpace(phase.engine));
  const stage = await OutputStage.open(options.out);
  options.onStage?.(stage);
  const clauses = stage.stream(options.shard ? PART_CLAUSES : 'clauses.csv');
  const interrupted = (done: number) => new Interrupted(String(options.signal?.reason ?? 'a signal'), done, plan.selected.length);
  let coded: CodedRun;
  let record: ExtractionRecord;
  const blocks = options.shard ? null : new ReportClauseBlocks(stage, plan.outlines[0]!, plan.outlines, plan.tableOptions.conditions);
  let workers: CodeWorkers | null = null;
  let encoded: EncodedBlocks | undefined;
  try {
    const extracted: Extracted[] = new Array(plan.selected.length);
    const t1 = performance.now();
    const read = await phase.run(options.corpus, plan.selected.map((d) => d.file), extracted, (done, file) => options.onProgress?.(done, plan.selected.length, file, 'extract'), options.signal);
    if (options.signal?.aborted) throw interrupted(read);
    record = extractionRecord(extracted, performance.now() - t1);
    // The phases' garbage goes before the next phase grows the heap (and, in a cold run, beside
    // nodejieba's dictionary). A run that extracted nothing left little (a 30 MB heap at 1,000
    // documents), and one that never loaded the dictionary has room to spare: each collection
    // cost a re-code 10-15 ms for nothing.
    if (record.extracted > 0) collectGarbage();
    const t = performance.now();
    if (!options.shard) await clauses.write(csvHeader(clauseColumns(plan.books.slice(1).map((b) => b.codebook.name)), { bom: plan.tableOptions.bom }));
    workers = extraction.useCache === false ? null : codeWorkers(plan, extracted, phase, cacheDir, { prepared: preparedCache, tokens });
    coded = await codePhase(plan, extracted, { phase, preparedCache, tokens, clauses, blocks, workers }, options);
    encoded = await blocks?.finish();
    if (segmenterLoaded()) collectGarbage();
    record.codeMs = performance.now() - t;
    record.extracted += coded.extractedAgain;
    record.fromCache -= coded.extractedAgain;
    if (options.signal?.aborted) throw interrupted(coded.written);
  } catch (err) {
    await stage.abort();
    throw err;
  } finally {
    await phase.close();
    await workers?.close();
  }
  const run = runManifest({ options, plan, coded, extraction: record, phase, tokens, started });
  await writeRunOutputs(stage, plan, coded, run, options, encoded);
  const outputs = await stage.commit();
  const main = plan.books[0]!;
  return {
    codebook: { name: main.codebook.name, version: main.codebook.version, file: main.file },
    unit: plan.unit,
    documents: coded.summaries,
    skipped: plan.skipped,
    outputs,
    problems: coded.summaries.filter((d) => UNREAD_STATUSES.includes(d.status)),
    // A shard sees only its share of the clauses: a code for another shard's clause is not "gone".
    manual: { file: plan.manual.file, applied: plan.manual.applied(), notApplied: options.shard ? [] : plan.manual.notApplied() },
    extraction: { hits: record.fromCache, extracted: record.extracted },
  };
}

/**
 * Coding workers for a run whose every document is in the extraction, prepared and token caches (a
 * re-code without new terms; an analyze of a corpus coded before), as many as codingThreads gives (none for a small run or a busy
 * machine): they code from the prepared and token caches, and the main thread only writes. None for
 * manual codes (applied and counted on the main thread), or when some document was extracted now
 * (then its pages are prepared here).
 */
function codeWorkers(plan: RunPlan, extracted: readonly Extracted[], phase: ExtractPhase, cacheDir: string, caches: { prepared: PreparedCache; tokens: TokenCache }): CodeWorkers | null {
  // A worker hands back a document whose entries are missing, after reading it: a new term (no
  // token entries) or a change of the preparing code would send every document twice.
  // The number first: most runs have none, and looking for every entry costs a stat each.
  const threads = codingThreads(phase.jobs, extracted.length);
  if (threads < 2 || plan.manual.codes > 0 || !extracted.every((e) => e?.cached && caches.prepared.has(e.sha256) && caches.tokens.has(e.sha256))) return null;
  return CodeWorkers.start(threads, {
    codebooks: plan.books.map((b) => b.codebook),
    unit: plan.unit,
    cacheDir,
    space: extractionSpace(phase.engine),
    dictionary: dictionaryId(),
    columns: clauseColumns(plan.books.slice(1).map((b) => b.codebook.name)),
    main: plan.outlines[0]!,
  });
}

/** What extraction found: documents read now and from the cache, time by kind of document (for benchmarks, never in tables). */
function extractionRecord(extracted: readonly Extracted[], extractMs: number): ExtractionRecord {
  const record: ExtractionRecord = { fromCache: 0, extracted: 0, extractMs, codeMs: 0, byKind: {} };
  for (const e of extracted) {
    if (e.cached) record.fromCache++;
    else record.extracted++;
    record.byKind[e.kind] = { documents: (record.byKind[e.kind]?.documents ?? 0) + 1, ms: (record.byKind[e.kind]?.ms ?? 0) + e.ms };
  }
  return record;
}

/** A shard's part (its summaries, clause ranges and duplicate keys), or the run's tables and run.json. */
async function writeRunOutputs(stage: OutputStage, plan: RunPlan, coded: CodedRun, run: ReturnType<typeof runManifest>, options: AnalyzeOptions, blocks: EncodedBlocks | undefined): Promise<void> {
  const engine = (k: number) => (coded.engines[k] ? { pdf_engine: coded.engines[k] } : {});
  try {
    if (options.shard) {
      const parts = plan.selected.map((d, k) => ({ index: d.index, summary: coded.summaries[k]!, clauses: coded.ranges[k]!, duplicate_key: coded.duplicateKeys[k]!, ...engine(k) }));
      const info: PartInfo = { format: PART_INFO.format, shard: options.shard, documents_total: plan.documentFiles.length, corpus_files: plan.documentFiles, skipped: plan.skipped, run, tables: plan.tableOptions, parts };
      await stage.put(PART_INFO.file, JSON.stringify(info, null, 2) + '\n');
    } else {
      const made = await writeSummaryOutputs(stage, plan.outlines, coded.summaries, plan.tableOptions);
      // report.html with the tables just built and the clause blocks encoded while coding.
      const page = { out: options.out, clausesCsv: join(options.out, 'clauses.csv'), corpus: options.corpus, codebooks: plan.outlines, documents: coded.summaries, tables: plan.tableOptions };
      await writeReportHtml({ ...page, built: made.tables, run: { stage, blocks: blocks! } });
      const inputs = coded.summaries.map((d, k) => ({ file: d.file, sha256: d.sha256, ...engine(k) }));
      await stage.put('run.json', JSON.stringify({ ...run, inputs, skipped: plan.skipped, tables: made.manifest }, null, 2) + '\n');
    }
  } catch (err) {
    await stage.abort();
    throw err;
  }
}
