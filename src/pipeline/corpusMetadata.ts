import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GivenMetadata } from '../core/metadata/inferMetadata.js';
import { sha256 } from '../io/hash.js';
import { readMetadataCsv } from '../io/readMetadataCsv.js';
import { metadataOfCopies } from './metadataOfCopies.js';

export interface CorpusMetadata {
  /** Rows of metadata.csv by file path relative to the corpus folder; empty without one. */
  given: Map<string, GivenMetadata>;
  /** metadata.csv when there is one: its path and hash, for run.json. */
  file: { path: string; sha256: string } | null;
}

/**
 * What metadata.csv says about a corpus's documents: the file given (a missing one is a usage
 * error), else `<corpus>/metadata.csv` when there is one, with its rows given to the byte copies of
 * the files it lists among `documents` (metadataOfCopies). analyze and show read it alike, so that
 * show prints the metadata analyze writes.
 */
export async function corpusMetadata(corpus: string, given: string | null | undefined, documents: readonly string[]): Promise<CorpusMetadata> {
  const path = given ?? join(corpus, 'metadata.csv');
  if (!given && !existsSync(path)) return { given: new Map(), file: null };
  const rows = await metadataOfCopies(corpus, await readMetadataCsv(path), documents);
  return { given: rows, file: { path, sha256: sha256(await readFile(path)) } };
}
