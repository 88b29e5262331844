import { createWriteStream, rmdirSync, rmSync, type WriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../core/errors.js';
import { isAlive, OutputLock } from './OutputLock.js';
import { writeProblem } from './writeProblem.js';

/** A file written piece by piece into the stage (clauses.csv, document after document). */
export interface StagedStream {
  write(chunk: string | Uint8Array): Promise<void>;
}

const TEMP = /^\.(.+)\.(\d+)\.tmp$/;

/**
 * Outputs of one run, written under temporary names in the output folder and renamed into place
 * only when every one is complete, so that an interrupted or failed run leaves the previous outputs
 * as they were. `abort` removes the temporary files (also synchronously, from a signal handler);
 * temporary files of a run that was killed outright are removed by the next run in that folder.
 * The stage holds the folder's lock (OutputLock) from open to commit or abort. A write that fails
 * (full disk, read-only folder) becomes one line naming the folder, the outputs left as they were.
 */
export class OutputStage {
  private readonly staged = new Map<string, string>();
  private readonly streams: WriteStream[] = [];
  private readonly scratches: string[] = [];
  /** Subfolders this run created (figures/, tables/): an aborted run removes them again if empty. */
  private readonly madeDirs: string[] = [];
  private done = false;

  private constructor(
    readonly dir: string,
    private readonly lock: OutputLock,
  ) {}

  static async open(dir: string): Promise<OutputStage> {
    try {
      await mkdir(dir, { recursive: true });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // On a read-only file system a recursive mkdir reports ENOENT, not EROFS.
      if (!code) throw err;
      throw new UserError('usage', `cannot create the output folder ${dir}: ${writeProblem(code) ?? (code === 'ENOENT' ? 'a read-only file system or a missing parent' : code)} (${code})`);
    }
    const lock = await OutputLock.acquire(dir).catch((err) => {
      throw cannotWrite(dir, err);
    });
    try {
      await removeStale(dir);
    } catch (err) {
      await lock.release();
      throw cannotWrite(dir, err);
    }
    return new OutputStage(dir, lock);
  }

  /** Beside its target (names may hold subfolders: figures/x.svg), so that the rename is atomic. */
  private tempName(name: string): string {
    const target = join(this.dir, name);
    return join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  }

  async put(name: string, content: string | Uint8Array): Promise<void> {
    const tmp = this.tempName(name);
    this.staged.set(name, tmp);
    try {
      const made = await mkdir(dirname(tmp), { recursive: true });
      for (let d = dirname(tmp); made && d.length >= made.length; d = dirname(d)) this.madeDirs.push(d);
      await writeFile(tmp, content);
    } catch (err) {
      throw cannotWrite(this.dir, err);
    }
  }

  stream(name: string): StagedStream {
    const tmp = this.tempName(name);
    this.staged.set(name, tmp);
    return this.writer(tmp).stream;
  }

  /**
   * A temporary file that is not an output (report.html's clause blocks, written while documents are
   * coded and copied into the page at the end): removed at commit and at abort.
   */
  scratch(name: string): StagedStream & { path: string; close(): Promise<void> } {
    const tmp = this.tempName(name);
    this.scratches.push(tmp);
    const { stream, out } = this.writer(tmp);
    const close = () => new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(cannotWrite(this.dir, err)) : resolve())));
    return { ...stream, path: tmp, close };
  }

  private writer(tmp: string): { stream: StagedStream; out: WriteStream } {
    // A large buffer: a document's rows (tens of kB) are taken at once, written in few large writes,
    // without waiting for the disk after each document; memory stays bounded by it.
    const out = createWriteStream(tmp, { highWaterMark: 1 << 20 });
    this.streams.push(out);
    let failed: Error | null = null;
    out.on('error', (err) => (failed = err));
    const stream: StagedStream = {
      write: (chunk) =>
        new Promise((resolve, reject) => {
          if (failed) return reject(cannotWrite(this.dir, failed));
          // Waiting for 'drain' keeps memory flat: rows never pile up faster than the disk takes them.
          // A stream that fails never drains: its error must settle the write too.
          const settle = () => {
            out.off('drain', settle);
            out.off('error', settle);
            if (failed) reject(cannotWrite(this.dir, failed));
            else resolve();
          };
          if (out.write(chunk)) resolve();
          else {
            out.once('drain', settle);
            out.once('error', settle);
          }
        }),
    };
    return { stream, out };
  }

  /** Closes the streams and renames every staged file into place; returns the final paths. */
  async commit(): Promise<string[]> {
    try {
      // A scratch file closed by its writer is already ended.
      await Promise.all(this.streams.filter((s) => !s.writableEnded).map((s) => new Promise<void>((resolve, reject) => s.end((err?: Error | null) => (err ? reject(err) : resolve())))));
    } catch (err) {
      await this.abort();
      throw cannotWrite(this.dir, err);
    }
    const out: string[] = [];
    try {
      for (const [name, tmp] of this.staged) {
        await rename(tmp, join(this.dir, name));
        out.push(join(this.dir, name));
      }
      await Promise.all(this.scratches.map((tmp) => rm(tmp, { force: true })));
    } catch (err) {
      throw cannotWrite(this.dir, err);
    } finally {
      this.done = true;
      await this.lock.release();
    }
    return out;
  }

  async abort(): Promise<void> {
    for (const s of this.streams) s.destroy();
    await Promise.all([...this.staged.values(), ...this.scratches].map((tmp) => rm(tmp, { force: true })));
    for (const d of this.deepestFirst()) await rmdir(d).catch(() => undefined);
    this.done = true;
    await this.lock.release();
  }

  /** For a signal handler that exits right after: no awaiting, no event loop needed. */
  abortSync(): void {
    if (this.done) return;
    for (const s of this.streams) s.destroy();
    for (const tmp of [...this.staged.values(), ...this.scratches]) rmSync(tmp, { force: true });
    for (const d of this.deepestFirst()) {
      try {
        rmdirSync(d);
      } catch {
        // not empty, or gone
      }
    }
    this.done = true;
    this.lock.releaseSync();
  }

  private deepestFirst(): string[] {
    return [...new Set(this.madeDirs)].sort((a, b) => b.length - a.length);
  }
}


/** A failed write as one line for the user; errors that are not about the disk pass through unchanged. */
function cannotWrite(dir: string, err: unknown): unknown {
  const code = (err as NodeJS.ErrnoException)?.code;
  const why = writeProblem(code);
  if (err instanceof UserError || !why) return err;
  return new UserError('usage', `cannot write the outputs in ${dir}: ${why} (${code}); the previous outputs there are as they were`);
}

/** Removes temporary outputs left by runs that no longer exist (killed, crashed). */
async function removeStale(dir: string): Promise<void> {
  for (const name of await readdir(dir)) {
    const m = TEMP.exec(name);
    if (!m || Number(m[2]) === process.pid || isAlive(Number(m[2]))) continue;
    await rm(join(dir, name), { force: true });
  }
}
