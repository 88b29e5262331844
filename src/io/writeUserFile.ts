import { UserError } from '../core/errors.js';
import { writeFileAtomic } from './atomicWrite.js';
import { writeProblem } from './writeProblem.js';

/**
 * Writes a file the user asked for (-o, --csv, a review sheet, the manual codes), atomically; a
 * write that fails on the disk or the path is one line naming the file, not a stack trace.
 */
export async function writeUserFile(path: string, data: string | Uint8Array): Promise<void> {
  try {
    await writeFileAtomic(path, data);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException)?.code;
    const why = writeProblem(code);
    if (!why) throw err;
    throw new UserError('usage', `cannot write ${path}: ${why} (${code})`);
  }
}
