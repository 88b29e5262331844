import * as crypto from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { writeFileAtomic } from './atomicWrite.js';

/** Bump when the stored form changes; old entries are then ignored. */
const FORMAT = 2;

/** Counts of one run's token lookups, for run.json. */
export interface TokenCacheStats {
  hits: number;
  misses: number;
}

/**
 * A document's entry as stored (V8's serialization): per clause its key and how many tokens it has,
 * and the tokens' lengths of every clause one after the other. Typed arrays instead of JSON: a
 * re-code of 1,000 documents parsed 11 MB of JSON into 15,000 arrays (24-32 ms), now 6 MB copied.
 */
interface Entry {
  dictionary: string;
  keys: string[];
  counts: Uint32Array;
  lengths: Uint32Array;
}

/**
 * The segmenter's tokens per clause, so that re-coding after a codebook edit skips segmentation, the
 * slow part of coding. Entries are per document (its content sha256) under the dictionary id
 * (segmenter.dictionaryId): a new codebook term changes the id and every clause is cut again, while
 * an edit of weights, categories or rules over the same terms reuses the tokens. Inside an entry a
 * clause is found by a hash of its exact text, so a change in normalization or clause splitting can
 * only miss, never return tokens of another text. Tokens are stored as their lengths: they
 * concatenate to the clause text.
 */
export class TokenCache {
  readonly stats: TokenCacheStats = { hits: 0, misses: 0 };

  constructor(
    private readonly dir: string,
    private readonly dictionary: string,
    private readonly readEntries = true,
  ) {}

  private entryPath(docSha: string): string {
    return join(this.dir, 'tokens', `v${FORMAT}`, this.dictionary.slice(0, 16), docSha.slice(0, 2), `${docSha}.v8`);
  }

  /** Whether the document has an entry under this dictionary (its clauses may still differ). */
  has(docSha: string): boolean {
    return this.readEntries && docSha !== '' && existsSync(this.entryPath(docSha));
  }

  /** Loads a document's entry; `segment` then answers from it and falls back to `cut`. */
  async forDocument(docSha: string, cut: (text: string) => string[]): Promise<DocumentTokens> {
    let known = new Map<string, Uint32Array>();
    if (this.readEntries && docSha) {
      try {
        // Synchronously, as PreparedCache.get (why there).
        known = clausesOf(deserialize(readFileSync(this.entryPath(docSha))) as Entry, this.dictionary);
      } catch {
        // missing or unreadable: every clause is cut and the entry rewritten
      }
    }
    return new DocumentTokens(known, cut, this.stats, async (clauses) => {
      if (docSha) await writeFileAtomic(this.entryPath(docSha), serialize(entryOf(this.dictionary, clauses)));
    });
  }
}

/** Each clause's token lengths by key (views into the entry's array); none for another dictionary or a damaged entry. */
function clausesOf(entry: Entry, dictionary: string): Map<string, Uint32Array> {
  const known = new Map<string, Uint32Array>();
  const { keys, counts, lengths } = entry;
  if (entry.dictionary !== dictionary || !Array.isArray(keys) || !(counts instanceof Uint32Array) || !(lengths instanceof Uint32Array) || counts.length !== keys.length) return known;
  let at = 0;
  for (let i = 0; i < keys.length; i++) {
    if (at + counts[i]! > lengths.length) return new Map();
    known.set(keys[i]!, lengths.subarray(at, at + counts[i]!));
    at += counts[i]!;
  }
  return known;
}

function entryOf(dictionary: string, clauses: ReadonlyMap<string, ArrayLike<number>>): Entry {
  const keys = [...clauses.keys()];
  const counts = Uint32Array.from(keys, (k) => clauses.get(k)!.length);
  const lengths = new Uint32Array(counts.reduce((a, n) => a + n, 0));
  let at = 0;
  for (const k of keys) {
    lengths.set(clauses.get(k)!, at);
    at += clauses.get(k)!.length;
  }
  return { dictionary, keys, counts, lengths };
}

/**
 * A clause's key in its document's entry: the first 24 hex digits of its text's sha256. The one-shot
 * crypto.hash (Node 20.12 and later) is cheaper than a Hash object per clause; the key is the same.
 */
const clauseKey: (text: string) => string =
  typeof crypto.hash === 'function' ? (text) => crypto.hash('sha256', text, 'hex').slice(0, 24) : (text) => crypto.createHash('sha256').update(text).digest('hex').slice(0, 24);

export class DocumentTokens {
  private readonly used = new Map<string, ArrayLike<number>>();
  private missed = false;

  constructor(
    private readonly known: ReadonlyMap<string, Uint32Array>,
    private readonly cut: (text: string) => string[],
    private readonly stats: TokenCacheStats,
    private readonly store: (clauses: ReadonlyMap<string, ArrayLike<number>>) => Promise<void>,
  ) {}

  readonly segment = (text: string): string[] => {
    const key = clauseKey(text);
    const lengths = this.known.get(key);
    if (lengths && lengths.reduce((a, n) => a + n, 0) === text.length) {
      this.stats.hits++;
      this.used.set(key, lengths);
      const tokens: string[] = new Array(lengths.length);
      let at = 0;
      for (let i = 0; i < lengths.length; i++) {
        tokens[i] = text.slice(at, at + lengths[i]!);
        at += lengths[i]!;
      }
      return tokens;
    }
    this.stats.misses++;
    this.missed = true;
    const tokens = this.cut(text);
    this.used.set(key, tokens.map((t) => t.length));
    return tokens;
  };

  /** Writes the entry when some clause had to be cut; it then holds exactly this document's clauses. */
  async save(): Promise<void> {
    if (this.missed) await this.store(this.used);
  }
}
