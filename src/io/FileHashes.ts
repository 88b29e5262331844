import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from './atomicWrite.js';
import { sha256 } from './hash.js';

/** size, modification time (ns), inode, sha256 */
type Known = [string, string, string, string];

/** A file changed this recently may change again within the same timestamp: its hash is not remembered. */
const SETTLE_MS = 2000;

/**
 * The content hashes of corpus files, remembered by path with their size, modification time and
 * inode, as git's index does: a re-run or a re-coding of a large corpus then finds its cache entries
 * without reading and hashing every file again (200 MB for 1,000 PDFs). A file whose size, time or
 * inode differ is read and hashed again. One JSON file in the cache folder, written atomically; a
 * damaged or missing one only costs the hashing.
 */
export class FileHashes {
  private dirty = false;

  private constructor(
    private readonly file: string,
    private readonly known: Record<string, Known>,
  ) {}

  static async open(cacheDir: string, readEntries = true): Promise<FileHashes> {
    const file = join(cacheDir, 'file-hashes-v1.json');
    let known: Record<string, Known> = {};
    if (readEntries) {
      try {
        const parsed = JSON.parse(await readFile(file, 'utf8')) as unknown;
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) known = parsed as Record<string, Known>;
      } catch {
        // missing or damaged: hashes are computed again
      }
    }
    return new FileHashes(file, known);
  }

  /** The file's sha256, or null when it cannot be read. */
  async sha256Of(path: string): Promise<string | null> {
    const key = resolve(path);
    try {
      // Synchronously: a stat of a local file costs microseconds, a promise's thread-pool round trip
      // more (a re-code of 1,000 documents checks 1,000 files before it codes).
      const st = statSync(key, { bigint: true });
      const id: Known = [String(st.size), String(st.mtimeNs), String(st.ino), ''];
      const k = this.known[key];
      if (Array.isArray(k) && k[0] === id[0] && k[1] === id[1] && k[2] === id[2] && /^[0-9a-f]{64}$/.test(k[3])) return k[3];
      const sha = sha256(await readFile(key));
      if (Date.now() - Number(st.mtimeMs) > SETTLE_MS) {
        this.known[key] = [id[0], id[1], id[2], sha];
        this.dirty = true;
      }
      return sha;
    } catch {
      return null;
    }
  }

  /** Writes the remembered hashes when some were added (a cache that cannot be written is no error). */
  async save(): Promise<void> {
    if (this.dirty) await writeFileAtomic(this.file, JSON.stringify(this.known)).catch(() => undefined);
    this.dirty = false;
  }
}
