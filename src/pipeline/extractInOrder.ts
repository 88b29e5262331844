import { Interrupted } from '../core/errors.js';
import type { Extractor, ExtractedFile } from './Extractor.js';
import { mapInOrder } from './mapInOrder.js';

/**
 * Extracts corpus files (relative to `root`) with one Extractor, a bounded window of them in flight
 * (twice its jobs, so that a slow document does not idle the readers), and hands each to `use` in
 * corpus order. Closes the extractor when done. For the commands that read a whole corpus without
 * coding it (extract, kwic, codebook diff); analyze's extraction phase has its own, cache-first loop.
 * When `signal` aborts, the documents in flight are left to finish (their OCR scratch folders are
 * removed as usual) and Interrupted is thrown: nothing is handed on, so no output is written.
 */
export async function extractInOrder<T>(
  extractor: Extractor,
  root: string,
  files: readonly string[],
  use: (x: ExtractedFile, index: number) => T,
  onProgress?: (done: number, total: number, file: string) => void,
  signal?: AbortSignal,
): Promise<T[]> {
  const out: T[] = new Array(files.length);
  let done = 0;
  try {
    done = await mapInOrder(
      files.length,
      extractor.jobs * 2,
      (i) => extractor.extract(root, files[i]!),
      (i, x) => {
        out[i] = use(x, i);
        onProgress?.(i + 1, files.length, x.file);
      },
      signal,
    );
  } finally {
    await extractor.close();
  }
  if (signal?.aborted) throw new Interrupted(String(signal.reason ?? 'a signal'), done, files.length);
  return out;
}
