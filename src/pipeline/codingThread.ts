/**
 * Worker thread of CodingPool: codes documents whose prepared entry and every clause's tokens are
 * in the caches (a re-coding after a codebook edit that adds no term), and hands back what the run
 * keeps of each: the summary, the duplicate key and the rows of clauses.csv as CSV text. Anything
 * that would need more (a missing entry, a clause to segment) is handed back to the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { compileCodebook } from '../core/coding/codeClause.js';
import type { Codebook } from '../core/codebook/Codebook.js';
import type { GivenMetadata } from '../core/metadata/inferMetadata.js';
import { csvRows } from '../export/csv.js';
import { sourceKindOf } from '../io/extract/extractDocument.js';
import { PreparedCache } from '../io/PreparedCache.js';
import { TokenCache } from '../io/TokenCache.js';
import { processDocument } from './processDocument.js';
import type { CodingTask, CodingAnswer, CodingThreadData } from './CodingPool.js';

const data = workerData as CodingThreadData;
const compiled = (data.codebooks as Codebook[]).map(compileCodebook);
const prepared = new PreparedCache(data.cacheDir, true, data.space);

class NeedsSegmenter extends Error {}
const refuse = (): string[] => {
  throw new NeedsSegmenter();
};

async function code(task: CodingTask & { given?: GivenMetadata }): Promise<CodingAnswer> {
  const started = performance.now();
  const ready = await prepared.get(task.sha256);
  if (!ready) return { k: task.k, ok: false };
  // One cache object per document: tasks interleave, and its counts are this document's.
  const tokens = new TokenCache(data.cacheDir, data.dictionary, true);
  const doc = await tokens.forDocument(task.sha256, refuse);
  try {
    const r = processDocument(task.docId, task.file, task.sha256, { ok: true, prepared: ready }, task.given, compiled, { segment: doc.segment });
    let textBytes = 0;
    for (const row of r.clauseRows) textBytes += Buffer.byteLength(String(row[5]));
    const csv = csvRows({ name: 'clauses', columns: [], rows: r.clauseRows });
    return { k: task.k, ok: true, summary: r.summary, duplicateKey: r.duplicateKey, csv, textBytes, tokenHits: tokens.stats.hits, engine: ready.engine ?? (sourceKindOf(task.file) === 'pdf' ? 'pdf-parse' : null), ms: performance.now() - started };
  } catch (err) {
    if (err instanceof NeedsSegmenter) return { k: task.k, ok: false };
    throw err;
  }
}

parentPort?.on('message', (task: CodingTask & { given?: GivenMetadata }) => {
  code(task).then(
    (answer) => parentPort?.postMessage(answer),
    () => parentPort?.postMessage({ k: task.k, ok: false } satisfies CodingAnswer),
  );
});
