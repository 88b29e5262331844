import { readFileSync, rmSync } from 'node:fs';
import { open, readFile, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../core/errors.js';

const LOCK_FILE = '.policy-code.lock';

interface Holder {
  pid: number;
  host: string;
  started: string;
  command: string;
}

/**
 * One run at a time in an output folder: two runs that rename their outputs into the same folder
 * would leave a mix of both. The lock is a file created exclusively (O_EXCL), naming the run that
 * holds it; a lock whose process is gone (killed, crashed) on this machine is stale and taken over.
 */
export class OutputLock {
  private released = false;

  private constructor(readonly file: string) {}

  static async acquire(dir: string): Promise<OutputLock> {
    const file = join(dir, LOCK_FILE);
    const me: Holder = { pid: process.pid, host: hostname(), started: new Date().toISOString(), command: ['policy-code', ...process.argv.slice(2)].join(' ') };
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const handle = await open(file, 'wx');
        await handle.writeFile(JSON.stringify(me) + '\n');
        await handle.close();
        return new OutputLock(file);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      const holder = await readHolder(file);
      if (holder && holder.pid !== process.pid && (holder.host !== me.host || isAlive(holder.pid))) {
        const where = holder.host === me.host ? `process ${holder.pid}` : `process ${holder.pid} on ${holder.host}`;
        throw new UserError(
          'usage',
          `the output folder ${dir} is in use by another run (${where}, started ${holder.started}: ${holder.command}); wait for it to end or choose another --out (if no such run exists, remove ${file})`,
        );
      }
      // Stale (its process is gone), unreadable (a run killed while writing it), or this process's own.
      await rm(file, { force: true });
    }
    throw new UserError('usage', `cannot lock the output folder ${dir}: ${file} keeps reappearing`);
  }

  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    if (this.stillMine()) await rm(this.file, { force: true });
  }

  /** For a signal handler that exits right after. */
  releaseSync(): void {
    if (this.released) return;
    this.released = true;
    if (this.stillMine()) rmSync(this.file, { force: true });
  }

  /** A lock taken over by another run (ours was judged stale) is not ours to remove. */
  private stillMine(): boolean {
    try {
      return (JSON.parse(readFileSync(this.file, 'utf8')) as Holder).pid === process.pid;
    } catch {
      return false;
    }
  }
}

async function readHolder(file: string): Promise<Holder | null> {
  try {
    const h = JSON.parse(await readFile(file, 'utf8')) as Holder;
    return typeof h.pid === 'number' && typeof h.host === 'string' ? h : null;
  } catch {
    return null;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
