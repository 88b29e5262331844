import { stat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GivenMetadata } from '../core/metadata/inferMetadata.js';
import { sha256 } from '../io/hash.js';

/**
 * metadata.csv's rows extended to the byte copies of the files it lists. A copy is one policy with
 * the listed file, and the duplicate check keeps the copy that comes first in corpus order: a copy
 * that sorts first (`a2-copy.txt` before `a2.txt`) would otherwise be counted without the
 * province, year and level the researcher gave, and the listed file dropped as its duplicate. Only files whose size equals a listed file's are read and hashed.
 */
export async function metadataOfCopies(corpus: string, given: ReadonlyMap<string, GivenMetadata>, documents: readonly string[]): Promise<Map<string, GivenMetadata>> {
  const result = new Map(given);
  if (given.size === 0) return result;
  const sizeOf = async (file: string) => (await stat(join(corpus, file)).catch(() => null))?.size ?? -1;
  const sizes = new Map<string, number>();
  for (const file of documents) sizes.set(file, await sizeOf(file));
  const listedSizes = new Set(documents.filter((f) => given.has(f)).map((f) => sizes.get(f)!));
  const candidates = documents.filter((f) => sizes.get(f)! >= 0 && listedSizes.has(sizes.get(f)!));
  if (candidates.every((f) => given.has(f))) return result;
  const hashOf = new Map<string, string>();
  for (const file of candidates) hashOf.set(file, sha256(await readFile(join(corpus, file))));
  // The first listed file (corpus order) with these bytes gives its row.
  const rowOf = new Map<string, GivenMetadata>();
  for (const file of candidates) if (given.has(file) && !rowOf.has(hashOf.get(file)!)) rowOf.set(hashOf.get(file)!, given.get(file)!);
  for (const file of candidates) {
    const row = rowOf.get(hashOf.get(file)!);
    if (!given.has(file) && row) result.set(file, row);
  }
  return result;
}
