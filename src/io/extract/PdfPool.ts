import { fork, type ChildProcess } from 'node:child_process';
import type { Page } from '../../core/types.js';
import { scriptBeside } from '../scriptBeside.js';
import type { PdfRequest, PdfResponse } from './pdfWorker.js';

export type PdfResult = { ok: true; pages: Page[] } | { ok: false; reason: string; message: string };

export interface PdfPoolOptions {
  workers: number;
  /** A document that takes longer is abandoned and its worker replaced. */
  timeoutMs: number;
  /** Heap limit of each reader process; a file that needs more fails alone instead of taking the run down. */
  maxHeapMb: number;
  /**
   * A reader whose resident memory has grown past this after a document is replaced by a fresh one
   * (a Node start-up and the pdf-parse load), which bounds the memory of a long run without forcing
   * collections.
   * Default 320.
   */
  retireRssMb?: number;
  /** A PDF with a compressed stream that inflates past this is refused before pdf.js sees it. */
  maxStreamBytes?: number;
}

const DEFAULT_RETIRE_RSS_MB = 320;

interface Slot {
  worker: ChildProcess;
  task: { id: number; resolve: (r: PdfResult) => void; timer: NodeJS.Timeout } | null;
}

/**
 * A fixed set of warm reader processes (pdfWorker.ts) that read PDFs in parallel, each document
 * with a time limit. Processes, not worker threads: the memory of a process goes back to the system
 * when it ends, so the extraction phase leaves nothing behind for the coding phase.
 */
export class PdfPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Array<{ path: string; resolve: (r: PdfResult) => void }> = [];
  private nextId = 1;
  private closed = false;
  /** Readers replaced because their memory had grown past retireRssMb (for benchmarks). */
  retired = 0;
  private readonly script = scriptBeside(import.meta.url, 'pdfWorker');

  constructor(private readonly options: PdfPoolOptions) {}

  read(path: string): Promise<PdfResult> {
    return new Promise((resolve) => {
      this.queue.push({ path, resolve });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(
      this.slots.map(
        (s) =>
          new Promise<void>((resolve) => {
            if (s.worker.exitCode !== null || s.worker.signalCode !== null) return resolve();
            s.worker.once('exit', () => resolve());
            // Unreferenced while idle; waiting for its end must keep the run alive.
            s.worker.ref();
            s.worker.kill('SIGKILL');
          }),
      ),
    );
    this.slots.length = 0;
  }

  private spawn(): Slot {
    const worker = fork(this.script.path, [], {
      execArgv: [...this.script.execArgv, `--max-old-space-size=${this.options.maxHeapMb}`],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    });
    const slot: Slot = { worker, task: null };
    worker.on('message', (res: PdfResponse) => {
      const task = slot.task;
      if (!task || task.id !== res.id) return;
      const result: PdfResult = res.ok ? { ok: true, pages: res.pages } : { ok: false, reason: res.reason, message: res.message };
      if (res.rssMb > (this.options.retireRssMb ?? DEFAULT_RETIRE_RSS_MB)) {
        this.retired++;
        this.replace(slot, result);
      } else this.finish(slot, result);
    });
    worker.on('error', (err) => this.replace(slot, { ok: false, reason: 'failed', message: `PDF reader crashed (${String(err.message).split('\n')[0]})` }));
    worker.on('exit', (code, signal) => this.replace(slot, { ok: false, reason: 'failed', message: `PDF reader ${describeExit(code, signal)}` }));
    // The task's timer keeps the run alive while a document is being read; an idle reader must not.
    worker.unref();
    worker.channel?.unref();
    return slot;
  }

  private finish(slot: Slot, result: PdfResult): void {
    const task = slot.task;
    if (!task) return;
    clearTimeout(task.timer);
    slot.task = null;
    task.resolve(result);
    this.pump();
  }

  /** Ends the slot's current task (if any) with `result` and puts a fresh worker in its place. */
  private replace(slot: Slot, result: PdfResult): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    slot.worker.kill('SIGKILL');
    const task = slot.task;
    slot.task = null;
    if (task) {
      clearTimeout(task.timer);
      task.resolve(result);
    }
    this.pump();
  }

  private pump(): void {
    if (this.closed) return;
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.task === null);
      if (!slot && this.slots.length < this.options.workers) {
        slot = this.spawn();
        this.slots.push(slot);
      }
      if (!slot) return;
      const job = this.queue.shift()!;
      const id = this.nextId++;
      const s = slot;
      const timer = setTimeout(
        () => this.replace(s, { ok: false, reason: 'timeout', message: `PDF reading took longer than ${this.options.timeoutMs / 1000} s (--timeout); abandoned` }),
        this.options.timeoutMs,
      );
      slot.task = { id, resolve: job.resolve, timer };
      const req: PdfRequest = { id, path: job.path, ...(this.options.maxStreamBytes ? { maxStreamBytes: this.options.maxStreamBytes } : {}) };
      slot.worker.send(req);
    }
  }
}

function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  // V8 aborts when the heap limit is reached.
  if (signal === 'SIGABRT' || code === 134) return 'ran out of memory: the file needs more than the per-document limit';
  if (signal) return `was stopped by ${signal}`;
  return `stopped unexpectedly (exit code ${code})`;
}
