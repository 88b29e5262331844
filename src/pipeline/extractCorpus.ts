import { inferMetadata } from '../core/metadata/inferMetadata.js';
import type { Cell, Table } from '../core/tables/Table.js';
import { normalizeText } from '../core/text/normalizeText.js';
import { toCsv } from '../export/csv.js';
import type { ProblemDocument } from '../export/errorsSummary.js';
import { sourceKindOf } from '../io/extract/extractDocument.js';
import { writeOutputs } from '../io/writeOutputs.js';
import { corpusDocuments, documentId } from './corpusDocuments.js';
import { extractInOrder } from './extractInOrder.js';
import { Extractor, type ExtractedFile, type ExtractorOptions } from './Extractor.js';

export interface ExtractCorpusOptions {
  corpus: string;
  out: string;
  extraction?: ExtractorOptions;
  onProgress?: (done: number, total: number, file: string) => void;
  /** Ctrl-C or SIGTERM: stop between documents, write nothing (Interrupted). */
  signal?: AbortSignal;
}

export interface ExtractCorpusReport {
  files: Array<ExtractedFile & { docId: string }>;
  skipped: string[];
  problems: ProblemDocument[];
  outputs: string[];
}

/** One row of an extraction run's documents.csv, by column name. */
interface ExtractionRow {
  doc_id: string;
  file: string;
  sha256: string;
  kind: string;
  method: string;
  title: string;
  pages: number;
  chars: number;
  status: string;
  message: string;
}

const EXTRACT_COLUMNS: ReadonlyArray<keyof ExtractionRow> = ['doc_id', 'file', 'sha256', 'kind', 'method', 'title', 'pages', 'chars', 'status', 'message'];

function extractionRow(f: ExtractCorpusReport['files'][number]): ExtractionRow {
  const o = f.outcome;
  const row = { doc_id: f.docId, file: f.file, sha256: f.sha256 };
  if (!o.ok) return { ...row, kind: sourceKindOf(f.file) ?? '', method: '', title: '', pages: 0, chars: 0, status: o.status, message: o.message };
  const { text } = normalizeText(o.document.pages);
  const title = inferMetadata(text, f.file, undefined, o.document.title).title.value ?? '';
  const status = text.trim().length === 0 ? 'empty' : 'ok';
  const message = status === 'empty' ? 'no text in the file' : o.document.warnings.join('; ');
  return { ...row, kind: o.document.kind, method: o.document.method, title, pages: o.document.pages.length, chars: text.length, status, message };
}

/** documents.csv of an extraction run: one row per document, in corpus order, without timings. */
function extractionTable(rows: readonly ExtractionRow[]): Table {
  return { name: 'documents', columns: [...EXTRACT_COLUMNS], rows: rows.map((r) => EXTRACT_COLUMNS.map((c): Cell => r[c])) };
}

/**
 * Runs only extraction on a corpus folder: every document is read (or found in the cache), the
 * cache is filled, and documents.csv says what became of each file. Document ids are the ones
 * `analyze` gives the same folder.
 */
export async function extractCorpus(options: ExtractCorpusOptions): Promise<ExtractCorpusReport> {
  const { documents, skipped } = await corpusDocuments(options.corpus);
  const files = await extractInOrder(new Extractor(options.extraction), options.corpus, documents, (x, i) => ({ ...x, docId: documentId(i, documents.length) }), options.onProgress, options.signal);
  const rows = files.map(extractionRow);
  const problems = rows.filter((r) => r.status !== 'ok').map((r) => ({ docId: r.doc_id, file: r.file, status: r.status, message: r.message }));
  const outputs = await writeOutputs(options.out, new Map([['documents.csv', toCsv(extractionTable(rows))]]));
  return { files, skipped, problems, outputs };
}
