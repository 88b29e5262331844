import { join } from 'node:path';
import { compileCodebook } from '../core/coding/codeClause.js';
import { codebookTerms } from '../core/codebook/Codebook.js';
import type { GivenMetadata } from '../core/metadata/inferMetadata.js';
import { documentsTable, type DocumentSummary } from '../core/tables/buildTables.js';
import { outlineOf } from '../core/tables/CodebookOutline.js';
import { selectDocuments } from '../core/tables/selectDocuments.js';
import { serializeSummaries, SUMMARIES_FILE } from '../core/tables/summariesFile.js';
import { sha256 } from '../io/hash.js';
import { readFile } from 'node:fs/promises';
import { toCsv } from '../export/csv.js';
import { sourceKindOf } from '../io/extract/extractDocument.js';
import { listInputs } from '../io/listInputs.js';
import { loadCodebooks } from '../io/readCodebook.js';
import { readMetadataCsv } from '../io/readMetadataCsv.js';
import { addWords, segment } from '../io/segmenter.js';
import { writeOutputs } from '../io/writeOutputs.js';
import { existsSync } from 'node:fs';
import { clauseColumns, processDocument, type ProcessedDocument } from './processDocument.js';
import { Extractor, type ExtractorOptions } from './extractStage.js';
import { loadManualOverrides, type NotApplied } from './manualOverrides.js';
import { DEFAULT_TABLE_OPTIONS, tableOutputs, type TableOutputOptions } from './tableOutputs.js';
import { VERSION } from './version.js';

export interface AnalyzeOptions {
  corpus: string;
  out: string;
  /** Codebook files: the first is the main codebook, the others add columns and cross-tab counts. */
  codebooks: string[];
  metadata?: string;
  /** Manual codes to apply over the automatic ones (default: codings/manual.csv when it exists). */
  manual?: string;
  /** Extraction settings: jobs, time limits, size limit, cache. */
  extraction?: ExtractorOptions;
  /** Filters, names and formats of the tables and figures. */
  tables?: TableOutputOptions;
  onProgress?: (done: number, total: number, file: string) => void;
}

export interface AnalyzeReport {
  documents: DocumentSummary[];
  skipped: string[];
  outputs: string[];
  /** Documents that could not be read (failed, needs_ocr, empty). */
  problems: DocumentSummary[];
  /** Manual codes applied, and those not applied with the reason (they stay in the file). */
  manual: { file: string | null; applied: number; notApplied: NotApplied[] };
}

/** Zero-padded document ids in corpus order: D001, D002, ... (wider when the corpus is larger). */
export function documentId(index: number, total: number): string {
  return `D${String(index + 1).padStart(Math.max(3, String(total).length), '0')}`;
}

/** Runs the whole job on a corpus folder: read, split, code, count, and write the tables. */
export async function analyze(options: AnalyzeOptions): Promise<AnalyzeReport> {
  const started = Date.now();
  // The codebook is checked before anything is read or written: a bad one stops the run with nothing written.
  const books = await loadCodebooks(options.codebooks);
  const loaded = books[0]!;
  const outlines = books.map((b) => outlineOf(b.codebook, b.sha256));
  const tableOptions = options.tables ?? DEFAULT_TABLE_OPTIONS;
  // A filter naming an unknown field or category is a usage error before anything is read.
  selectDocuments([], tableOptions.conditions, outlines);
  const files = await listInputs(options.corpus);
  const metadataPath = options.metadata ?? join(options.corpus, 'metadata.csv');
  const hasMetadata = options.metadata !== undefined || existsSync(metadataPath);
  const metadata: Map<string, GivenMetadata> = hasMetadata ? await readMetadataCsv(metadataPath) : new Map();
  const metadataHash = hasMetadata ? sha256(await readFile(metadataPath)) : null;

  const manual = await loadManualOverrides(options.manual, loaded.codebook.leaves.map((l) => l.id));

  for (const b of books) addWords(codebookTerms(b.codebook));
  const compiled = books.map((b) => compileCodebook(b.codebook));
  const documentsFiles = files.filter((f) => sourceKindOf(f) !== null);
  const skipped = files.filter((f) => sourceKindOf(f) === null);
  const extractor = new Extractor(options.extraction);
  const jobs = extractor.jobs;
  const results: ProcessedDocument[] = new Array(documentsFiles.length);
  const extractStarted = Date.now();
  let done = 0;
  let fromCache = 0;
  // Extraction time by kind of document (pdf, pdf-ocr, html, txt, docx): for benchmarks, never in tables.
  const byKind: Record<string, { documents: number; ms: number }> = {};
  try {
    // Extraction runs in parallel (PDFs in the pool); coding runs on this thread, where the dictionary lives.
    let next = 0;
    const worker = async () => {
      while (next < documentsFiles.length) {
        const i = next++;
        const x = await extractor.extract(options.corpus, documentsFiles[i]!);
        results[i] = processDocument(documentId(i, documentsFiles.length), x.file, x.sha256, x.outcome, metadata.get(x.file), compiled, { segment, manual: manual.lookup });
        if (x.cached) fromCache++;
        const kind = x.outcome.ok ? `${x.outcome.document.kind}${x.outcome.document.method === 'ocr' ? '-ocr' : ''}` : 'unread';
        byKind[kind] = { documents: (byKind[kind]?.documents ?? 0) + 1, ms: (byKind[kind]?.ms ?? 0) + x.ms };
        options.onProgress?.(++done, documentsFiles.length, x.file);
      }
    };
    await Promise.all(Array.from({ length: jobs * 2 }, worker));
  } finally {
    await extractor.close();
  }
  const extractMs = Date.now() - extractStarted;

  const documents = results.map((r) => r.summary);
  const codebook = loaded.codebook;
  const outputs = new Map<string, string | Uint8Array>();
  for (const table of [
    documentsTable(documents),
    { name: 'clauses', columns: clauseColumns(books.slice(1).map((b) => b.codebook.name)), rows: results.flatMap((r) => r.clauseRows) },
  ]) {
    outputs.set(`${table.name}.csv`, toCsv(table, { bom: tableOptions.bom }));
  }
  outputs.set(SUMMARIES_FILE, serializeSummaries(outlines, documents));
  const tables = await tableOutputs({ codebooks: outlines, documents }, tableOptions);
  for (const [name, content] of tables.files) outputs.set(name, content);
  const count = (s: string) => documents.filter((d) => d.status === s).length;
  const run = {
    tool: 'policy-code',
    version: VERSION,
    codebook: { name: codebook.name, version: codebook.version, file: loaded.file, sha256: loaded.sha256 },
    further_codebooks: books.slice(1).map((b) => ({ name: b.codebook.name, version: b.codebook.version, file: b.file, sha256: b.sha256 })),
    corpus: options.corpus,
    options: { codebooks: options.codebooks, metadata: options.metadata ?? null, manual: options.manual ?? null, jobs },
    metadata: metadataHash ? { file: metadataPath, sha256: metadataHash } : null,
    inputs: documents.map((d) => ({ file: d.file, sha256: d.sha256 })),
    skipped,
    counts: {
      files: files.length,
      documents: documents.length,
      ok: count('ok'),
      failed: count('failed'),
      empty: count('empty'),
      needs_ocr: count('needs_ocr'),
      from_cache: fromCache,
      skipped: skipped.length,
      clauses: documents.reduce((a, d) => a + d.clauses, 0),
      coded_clauses: documents.reduce((a, d) => a + d.codedClauses, 0),
      in_scope_clauses: documents.reduce((a, d) => a + d.inScopeClauses, 0),
      manual_codes_applied: manual.applied(),
    },
    manual: { file: manual.file, codes: manual.codes, applied: manual.applied(), not_applied: manual.notApplied().map((n) => ({ clause_id: n.clauseId, reason: n.reason })) },
    tables: tables.manifest,
    timings_ms: { extract_and_code: extractMs, total: Date.now() - started, extract_by_kind: byKind },
  };
  outputs.set('run.json', JSON.stringify(run, null, 2) + '\n');
  const written = await writeOutputs(options.out, outputs);
  return {
    documents,
    skipped,
    outputs: written,
    problems: documents.filter((d) => ['failed', 'needs_ocr', 'empty'].includes(d.status)),
    manual: { file: manual.file, applied: manual.applied(), notApplied: manual.notApplied() },
  };
}
