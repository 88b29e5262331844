import { splitClauses } from '../core/clauses/splitClauses.js';
import { normalizeText } from '../core/text/normalizeText.js';
import type { Clause } from '../core/types.js';
import { sourceKindOf } from '../io/extract/extractDocument.js';
import { listInputs } from '../io/listInputs.js';
import { documentId } from './corpusDocuments.js';
import { Extractor } from './extractStage.js';

/** One corpus document cut into clauses, with the same id `analyze` gives it. */
export interface CorpusDocument {
  docId: string;
  file: string;
  /** Empty when the document could not be read; `problem` then says why. */
  clauses: Clause[];
  problem: string | null;
}

export interface ReadCorpusOptions {
  jobs?: number;
  timeoutMs?: number;
  onProgress?: (done: number, total: number, file: string) => void;
}

/**
 * Reads, normalizes and splits every document of a corpus, in corpus order, for the commands that
 * inspect clauses without writing the analysis tables (codebook diff, kwic). Unreadable documents
 * are returned with their reason, never thrown.
 */
export async function readCorpusClauses(corpus: string, options: ReadCorpusOptions = {}): Promise<CorpusDocument[]> {
  const files = (await listInputs(corpus)).filter((f) => sourceKindOf(f) !== null);
  // Through the extraction cache, like analyze: a corpus analysed before is not read again.
  const extractor = new Extractor({ ...(options.jobs ? { jobs: options.jobs } : {}), ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) });
  const jobs = extractor.jobs;
  const out: CorpusDocument[] = new Array(files.length);
  let next = 0;
  let done = 0;
  try {
    const worker = async () => {
      while (next < files.length) {
        const i = next++;
        const docId = documentId(i, files.length);
        const x = await extractor.extract(corpus, files[i]!);
        if (!x.outcome.ok) out[i] = { docId, file: x.file, clauses: [], problem: `${x.outcome.status}: ${x.outcome.message}` };
        else {
          const { text } = normalizeText(x.outcome.document.pages);
          out[i] = { docId, file: x.file, clauses: splitClauses(docId, text), problem: text.trim() ? null : 'no text (a scan?)' };
        }
        options.onProgress?.(++done, files.length, x.file);
      }
    };
    await Promise.all(Array.from({ length: jobs * 2 }, worker));
  } finally {
    await extractor.close();
  }
  return out;
}
