import { OutputStage } from './OutputStage.js';

/**
 * Writes a set of output files so that none is ever left half-written: every file goes to a
 * temporary name first, and only when all are written are they renamed into place. A failure
 * removes the temporary files and leaves the previous outputs as they were.
 */
export async function writeOutputs(dir: string, files: ReadonlyMap<string, string | Uint8Array>): Promise<string[]> {
  const stage = await OutputStage.open(dir);
  try {
    for (const [name, content] of files) await stage.put(name, content);
  } catch (err) {
    await stage.abort();
    throw err;
  }
  return stage.commit();
}
