import { createWriteStream, rmSync, type WriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** A file written piece by piece into the stage (clauses.csv, document after document). */
export interface StagedStream {
  write(chunk: string): Promise<void>;
}

const TEMP = /^\.(.+)\.(\d+)\.tmp$/;

/**
 * Outputs of one run, written under temporary names in the output folder and renamed into place
 * only when every one is complete, so that an interrupted or failed run leaves the previous outputs
 * as they were. `abort` removes the temporary files (also synchronously, from a signal handler);
 * temporary files of a run that was killed outright are removed by the next run in that folder.
 */
export class OutputStage {
  private readonly staged = new Map<string, string>();
  private readonly streams: WriteStream[] = [];
  private done = false;

  private constructor(readonly dir: string) {}

  static async open(dir: string): Promise<OutputStage> {
    await mkdir(dir, { recursive: true });
    await removeStale(dir);
    return new OutputStage(dir);
  }

  /** Beside its target (names may hold subfolders: figures/x.svg), so that the rename is atomic. */
  private tempName(name: string): string {
    const target = join(this.dir, name);
    return join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  }

  async put(name: string, content: string | Uint8Array): Promise<void> {
    const tmp = this.tempName(name);
    this.staged.set(name, tmp);
    await mkdir(dirname(tmp), { recursive: true });
    await writeFile(tmp, content);
  }

  stream(name: string): StagedStream {
    const tmp = this.tempName(name);
    this.staged.set(name, tmp);
    const out = createWriteStream(tmp);
    this.streams.push(out);
    let failed: Error | null = null;
    out.on('error', (err) => (failed = err));
    return {
      write: (chunk) =>
        new Promise((resolve, reject) => {
          if (failed) return reject(failed);
          // Waiting for 'drain' keeps memory flat: rows never pile up faster than the disk takes them.
          if (out.write(chunk)) resolve();
          else out.once('drain', () => (failed ? reject(failed) : resolve()));
        }),
    };
  }

  /** Closes the streams and renames every staged file into place; returns the final paths. */
  async commit(): Promise<string[]> {
    await Promise.all(this.streams.map((s) => new Promise<void>((resolve, reject) => s.end((err?: Error | null) => (err ? reject(err) : resolve())))));
    const out: string[] = [];
    for (const [name, tmp] of this.staged) {
      await rename(tmp, join(this.dir, name));
      out.push(join(this.dir, name));
    }
    this.done = true;
    return out;
  }

  async abort(): Promise<void> {
    for (const s of this.streams) s.destroy();
    await Promise.all([...this.staged.values()].map((tmp) => rm(tmp, { force: true })));
    this.done = true;
  }

  /** For a signal handler that exits right after: no awaiting, no event loop needed. */
  abortSync(): void {
    if (this.done) return;
    for (const s of this.streams) s.destroy();
    for (const tmp of this.staged.values()) rmSync(tmp, { force: true });
    this.done = true;
  }
}

/** Removes temporary outputs left by runs that no longer exist (killed, crashed). */
async function removeStale(dir: string): Promise<void> {
  for (const name of await readdir(dir)) {
    const m = TEMP.exec(name);
    if (!m || Number(m[2]) === process.pid || isAlive(Number(m[2]))) continue;
    await rm(join(dir, name), { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
