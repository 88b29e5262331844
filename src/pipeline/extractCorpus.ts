import { inferMetadata } from '../core/metadata/inferMetadata.js';
import type { Table } from '../core/tables/Table.js';
import { normalizeText } from '../core/text/normalizeText.js';
import { toCsv } from '../export/csv.js';
import type { ProblemDocument } from '../export/errorsSummary.js';
import { sourceKindOf } from '../io/extract/extractDocument.js';
import { listInputs } from '../io/listInputs.js';
import { writeOutputs } from '../io/writeOutputs.js';
import { documentId } from './corpusDocuments.js';
import { Extractor, type ExtractedFile, type ExtractorOptions } from './extractStage.js';

export interface ExtractCorpusOptions {
  corpus: string;
  out: string;
  extraction?: ExtractorOptions;
  onProgress?: (done: number, total: number, file: string) => void;
}

export interface ExtractCorpusReport {
  files: Array<ExtractedFile & { docId: string }>;
  skipped: string[];
  problems: ProblemDocument[];
  outputs: string[];
}

export const EXTRACT_COLUMNS = ['doc_id', 'file', 'sha256', 'kind', 'method', 'title', 'pages', 'chars', 'status', 'message'];

/** documents.csv of an extraction run: one row per document, in corpus order, without timings. */
export function extractionTable(files: ExtractCorpusReport['files']): Table {
  return {
    name: 'documents',
    columns: EXTRACT_COLUMNS,
    rows: files.map((f) => {
      const o = f.outcome;
      if (!o.ok) return [f.docId, f.file, f.sha256, sourceKindOf(f.file) ?? '', '', '', 0, 0, o.status, o.message];
      const { text } = normalizeText(o.document.pages);
      const title = inferMetadata(text, f.file, undefined, o.document.title).title.value ?? '';
      const status = text.trim().length === 0 ? 'empty' : 'ok';
      return [f.docId, f.file, f.sha256, o.document.kind, o.document.method, title, o.document.pages.length, text.length, status, status === 'empty' ? 'no text in the file' : o.document.warnings.join('; ')];
    }),
  };
}

/**
 * Runs only extraction on a corpus folder: every document is read (or found in the cache), the
 * cache is filled, and documents.csv says what became of each file. Document ids are the ones
 * `analyze` gives the same folder.
 */
export async function extractCorpus(options: ExtractCorpusOptions): Promise<ExtractCorpusReport> {
  const all = await listInputs(options.corpus);
  const documents = all.filter((f) => sourceKindOf(f) !== null);
  const skipped = all.filter((f) => sourceKindOf(f) === null);
  const extractor = new Extractor(options.extraction);
  const files: ExtractCorpusReport['files'] = new Array(documents.length);
  let next = 0;
  let done = 0;
  try {
    const worker = async () => {
      while (next < documents.length) {
        const i = next++;
        files[i] = { ...(await extractor.extract(options.corpus, documents[i]!)), docId: documentId(i, documents.length) };
        options.onProgress?.(++done, documents.length, documents[i]!);
      }
    };
    await Promise.all(Array.from({ length: extractor.jobs * 2 }, worker));
  } finally {
    await extractor.close();
  }
  const table = extractionTable(files);
  const problems = table.rows
    .filter((r) => r[8] !== 'ok')
    .map((r) => ({ docId: String(r[0]), file: String(r[1]), status: String(r[8]), message: String(r[9]) }));
  const outputs = await writeOutputs(options.out, new Map([['documents.csv', toCsv(table)]]));
  return { files, skipped, problems, outputs };
}
