import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';

// Two writes of the same path in one process (e.g. two copies of one file filling the same cache
// entry) must not share a temporary file.
let counter = 0;

/**
 * Writes a file so that readers see either the old complete file or the new complete one, never a
 * partial write: the data goes to a temporary file beside the target, then replaces it by rename.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${counter++}.tmp`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
