import { cpus } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CodingUnit } from '../core/clauses/segmentText.js';
import type { Codebook } from '../core/codebook/Codebook.js';
import type { DuplicateCandidate } from '../core/duplicates/findDuplicates.js';
import type { GivenMetadata } from '../core/metadata/inferMetadata.js';
import type { DocumentSummary } from '../core/tables/buildTables.js';
import type { CodebookOutline } from '../core/tables/CodebookOutline.js';
import { scriptBeside } from '../io/scriptBeside.js';
import type { EncodedRows } from './encodeClauseRows.js';

/** What a coding worker needs to code documents from the caches as the main thread would. */
export interface CodeWorkerSetup {
  /** The run's codebooks, validated, the main one first (each worker compiles them). */
  codebooks: Codebook[];
  unit: CodingUnit;
  cacheDir: string;
  /** extractionSpace of the run's PDF engine (where the prepared entries are). */
  space: string;
  /** The segmenter's dictionary id: the token entries of this run's words. */
  dictionary: string;
  /** clauses.csv's header, and the main codebook for report.html's clause rows. */
  columns: string[];
  main: CodebookOutline;
}

export interface CodeJob {
  k: number;
  docId: string;
  file: string;
  sha256: string;
  given: GivenMetadata | undefined;
}

/** A document coded by a worker, or `done: false`: the main thread codes it (no prepared entry, a clause not in the token entry, an error). */
export type CodeJobResult =
  | { k: number; done: true; summary: DocumentSummary; duplicateKey: DuplicateCandidate; rows: EncodedRows; engine: string | null; tokenHits: number; ms: number }
  | { k: number; done: false };

/**
 * CPU counters when the program was loaded: until a run decides on coding workers only its main
 * thread has been working, so what the other cores did meanwhile tells whether they are free.
 */
const LOADED = cpus().map((c) => c.times);

/** Cores that were idle between the program's start and now (0 .. number of cores). */
function idleCores(): number {
  let idle = 0;
  let total = 0;
  cpus().forEach((c, i) => {
    const before = LOADED[i];
    if (!before) return;
    idle += c.times.idle - before.idle;
    total += c.times.idle - before.idle + c.times.user - before.user + c.times.sys - before.sys + c.times.nice - before.nice + c.times.irq - before.irq;
  });
  return total > 0 ? (idle / total) * LOADED.length : 0;
}

/**
 * Documents from which coding workers pay: each thread warms up its own JIT (about 0.5 s of CPU for
 * the coder). Measured on 2 cores with the machine to itself, a weights-only re-code: 1,000
 * documents 2.4-2.9 s on the main thread against 2.6-2.9 s with 2 workers; 5,000 documents
 * 8.4-9.5 s against 6.6-7.1 s.
 */
export const CODE_WORKERS_FROM = 2000;

/**
 * How many coding workers a run of `documents` gets: none below CODE_WORKERS_FROM; else at most
 * --jobs and 4, and only as many as there are cores free (the main thread's own core is free while
 * the workers code): on a busy machine worker threads only cost. Fewer than 2 means none.
 * POLICY_CODE_CODING_THREADS sets the number whatever the run (0 for none), for tests and
 * measurements.
 */
export function codingThreads(jobs: number, documents: number, env: NodeJS.ProcessEnv = process.env): number {
  const forced = env.POLICY_CODE_CODING_THREADS;
  if (forced !== undefined && /^\d+$/.test(forced)) return Number(forced);
  if (documents < CODE_WORKERS_FROM) return 0;
  return Math.min(4, jobs, Math.floor(idleCores() + 1.5));
}

interface Thread {
  worker: Worker;
  pending: Map<number, (r: CodeJobResult) => void>;
  alive: boolean;
}

/**
 * Worker threads that code documents whose prepared entry and tokens are all in the caches (a
 * re-code after a codebook edit without new terms): each reads the two entries, codes, and sends
 * back the summary and the encoded rows, so the main thread only writes, in corpus order. A
 * worker never loads nodejieba: a clause missing from the token entry hands the document back to
 * the main thread, as does any failure (the main thread then codes it, or reports it, as always).
 */
export class CodeWorkers {
  private constructor(private readonly threads: Thread[]) {}

  static start(count: number, setup: CodeWorkerSetup): CodeWorkers | null {
    if (count < 2) return null;
    const script = scriptBeside(import.meta.url, 'codeWorkerThread');
    const threads = Array.from({ length: count }, (): Thread => {
      const thread: Thread = { worker: new Worker(script.path, { workerData: setup, execArgv: script.execArgv }), pending: new Map(), alive: true };
      thread.worker.on('message', (r: CodeJobResult) => {
        thread.pending.get(r.k)?.(r);
        thread.pending.delete(r.k);
      });
      // A worker that fails hands its documents back; the others (or the main thread) take the rest.
      const fail = () => {
        thread.alive = false;
        for (const [k, resolve] of thread.pending) resolve({ k, done: false });
        thread.pending.clear();
      };
      thread.worker.on('error', fail);
      thread.worker.on('exit', fail);
      return thread;
    });
    return new CodeWorkers(threads);
  }

  get size(): number {
    return this.threads.length;
  }

  /** Codes a document on the least busy worker; `done: false` when the main thread must. */
  code(job: CodeJob): Promise<CodeJobResult> {
    const alive = this.threads.filter((t) => t.alive);
    if (alive.length === 0) return Promise.resolve({ k: job.k, done: false });
    const thread = alive.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    return new Promise((resolve) => {
      thread.pending.set(job.k, resolve);
      thread.worker.postMessage(job);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
  }
}
