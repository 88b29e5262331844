import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { compileCodebook } from '../core/coding/compileCodebook.js';
import { withUnit } from '../core/prepareDocument.js';
import { reportRows } from '../export/reportHtml.js';
import { cachedMetadata, metadataKey, PreparedCache } from '../io/PreparedCache.js';
import { TokenCache } from '../io/TokenCache.js';
import type { CodeJob, CodeJobResult, CodeWorkerSetup } from './CodeWorkers.js';
import { encodeClauseRows } from './encodeClauseRows.js';
import { processDocument } from './processDocument.js';

/**
 * Worker thread of CodeWorkers: codes the documents it is sent from the prepared and token caches,
 * with the run's codebooks, and sends back what the main thread writes. Never segments: a clause
 * whose tokens are not cached gives the document back to the main thread.
 */
const setup = workerData as CodeWorkerSetup;
const compiled = setup.codebooks.map((c) => compileCodebook(c));
const prepared = new PreparedCache(setup.cacheDir, true, setup.space);
const tokens = new TokenCache(setup.cacheDir, setup.dictionary, true);
const encoder = reportRows(setup.main);

class NotCached extends Error {}

async function code(job: CodeJob): Promise<CodeJobResult> {
  const t0 = performance.now();
  const entry = await prepared.get(job.sha256);
  if (!entry) return { k: job.k, done: false };
  const doc = await tokens.forDocument(job.sha256, () => {
    throw new NotCached();
  });
  const hits = tokens.stats.hits;
  const input = { ok: true as const, prepared: withUnit(entry.prepared, setup.unit) };
  const metadata = cachedMetadata(entry, metadataKey(job.file, job.given))?.value;
  const processed = processDocument({ docId: job.docId, file: job.file, sha256: job.sha256, input, given: job.given, metadata }, { compiled, io: { segment: doc.segment } });
  const rows = encodeClauseRows(processed, setup.columns, encoder);
  return { k: job.k, done: true, summary: processed.summary, duplicateKey: processed.duplicateKey, rows, engine: entry.prepared.engine ?? null, tokenHits: tokens.stats.hits - hits, ms: performance.now() - t0 };
}

parentPort?.on('message', (job: CodeJob) => {
  code(job).then(
    (r) => parentPort?.postMessage(r),
    () => parentPort?.postMessage({ k: job.k, done: false } satisfies CodeJobResult),
  );
});
