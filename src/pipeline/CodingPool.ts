import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Codebook } from '../core/codebook/Codebook.js';
import type { DuplicateCandidate } from '../core/duplicates/findDuplicates.js';
import type { GivenMetadata } from '../core/metadata/inferMetadata.js';
import type { DocumentSummary } from '../core/tables/buildTables.js';

export interface CodingThreadData {
  codebooks: Codebook[];
  cacheDir: string;
  /** extractionSpace() of the run's PDF engine. */
  space: string;
  /** segmenter.dictionaryId() of the run: tokens are looked up under it. */
  dictionary: string;
}

export interface CodingTask {
  k: number;
  docId: string;
  file: string;
  sha256: string;
}

/** A coded document, or ok: false when the main thread must code it (entry missing, clause to segment). */
export type CodingAnswer =
  | { k: number; ok: true; summary: DocumentSummary; duplicateKey: DuplicateCandidate; csv: string; textBytes: number; tokenHits: number; engine: string | null; ms: number }
  | { k: number; ok: false };

function threadPath(): string | null {
  const here = fileURLToPath(import.meta.url);
  const path = here.replace(/CodingPool\.(ts|js)$/, 'codingThread.js').replace(/([/\\])src([/\\])pipeline([/\\])/, '$1dist$2pipeline$3');
  return existsSync(path) ? path : null;
}

/**
 * Worker threads that code the documents of a re-coding on every core. A re-coding after a
 * weights-only edit reads every document's prepared entry and tokens from the caches and only codes;
 * on one thread, reading and coding 1,000 documents took 1.5 s of a 3.6 s run (profiled), the rest
 * being start-up and writing. The main thread keeps what must stay in order and in one place:
 * duplicate detection, clauses.csv, the summaries. Results are the same bytes as coding on the main
 * thread (the same processDocument and csvRows). Threads, not processes: nothing here is big, and a
 * thread starts faster.
 */
export class CodingPool {
  private readonly workers: Worker[] = [];
  private readonly waiting = new Map<number, (a: CodingAnswer) => void>();
  private next = 0;
  broken = false;

  constructor(data: CodingThreadData, threads = availableParallelism()) {
    const path = threadPath();
    if (!path) {
      this.broken = true;
      return;
    }
    for (let i = 0; i < Math.max(1, threads); i++) {
      const w = new Worker(path, { workerData: data });
      w.unref();
      w.on('message', (a: CodingAnswer) => {
        const resolve = this.waiting.get(a.k);
        this.waiting.delete(a.k);
        if (this.waiting.size === 0) for (const x of this.workers) x.unref();
        resolve?.(a);
      });
      // A thread that fails hands every document it had back to the main thread.
      w.on('error', () => this.fail());
      this.workers.push(w);
    }
  }

  code(task: CodingTask, given: GivenMetadata | undefined): Promise<CodingAnswer> {
    if (this.broken) return Promise.resolve({ k: task.k, ok: false });
    return new Promise((resolve) => {
      this.waiting.set(task.k, resolve);
      const w = this.workers[this.next++ % this.workers.length]!;
      w.ref();
      w.postMessage({ ...task, ...(given ? { given } : {}) });
    });
  }

  private fail(): void {
    this.broken = true;
    for (const [k, resolve] of this.waiting) resolve({ k, ok: false });
    this.waiting.clear();
  }

  async close(): Promise<void> {
    this.broken = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers.length = 0;
  }
}
