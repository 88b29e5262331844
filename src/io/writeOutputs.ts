import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a set of output files so that none is ever left half-written: every file goes to a
 * temporary name first, and only when all are written are they renamed into place. A failure
 * removes the temporary files and leaves the previous outputs as they were. Names may hold
 * subfolders (`figures/x.svg`); each temporary file sits beside its target, so the rename is atomic.
 */
export async function writeOutputs(dir: string, files: ReadonlyMap<string, string | Uint8Array>): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const staged: Array<[string, string]> = [];
  try {
    for (const [name, content] of files) {
      const target = join(dir, name);
      const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(tmp, content);
      staged.push([tmp, target]);
    }
  } catch (err) {
    await Promise.all(staged.map(([tmp]) => rm(tmp, { force: true })));
    throw err;
  }
  for (const [tmp, target] of staged) await rename(tmp, target);
  return staged.map(([, target]) => target);
}
