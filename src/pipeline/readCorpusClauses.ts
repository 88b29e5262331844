import { availableParallelism } from 'node:os';
import { splitClauses } from '../core/clauses/splitClauses.js';
import { normalizeText } from '../core/text/normalizeText.js';
import type { Clause } from '../core/types.js';
import { sourceKindOf } from '../io/extract/extractDocument.js';
import { PdfPool } from '../io/extract/PdfPool.js';
import { listInputs } from '../io/listInputs.js';
import { documentId } from './analyze.js';
import { extractFile } from './extractStage.js';

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
  const jobs = Math.max(1, options.jobs ?? availableParallelism());
  const pool = new PdfPool({ workers: jobs, timeoutMs: options.timeoutMs ?? 120_000, maxHeapMb: 1024 });
  const out: CorpusDocument[] = new Array(files.length);
  let next = 0;
  let done = 0;
  try {
    const worker = async () => {
      while (next < files.length) {
        const i = next++;
        const docId = documentId(i, files.length);
        const x = await extractFile(corpus, files[i]!, { pdfPool: pool });
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
    await pool.close();
  }
  return out;
}
