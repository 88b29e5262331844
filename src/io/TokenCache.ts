import * as crypto from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './atomicWrite.js';

/** Bump when the stored form changes; old entries are then ignored. */
const FORMAT = 1;

/** Counts of one run's token lookups, for run.json. */
export interface TokenCacheStats {
  hits: number;
  misses: number;
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
    return join(this.dir, 'tokens', `v${FORMAT}`, this.dictionary.slice(0, 16), docSha.slice(0, 2), `${docSha}.json`);
  }

  /** Whether the document has an entry under this dictionary (its clauses may still differ). */
  has(docSha: string): boolean {
    return this.readEntries && docSha !== '' && existsSync(this.entryPath(docSha));
  }

  /** Loads a document's entry; `segment` then answers from it and falls back to `cut`. */
  async forDocument(docSha: string, cut: (text: string) => string[]): Promise<DocumentTokens> {
    let known: Record<string, number[]> = {};
    if (this.readEntries && docSha) {
      try {
        // Synchronously, as PreparedCache.get (why there).
        const parsed = JSON.parse(readFileSync(this.entryPath(docSha), 'utf8')) as { dictionary?: string; clauses?: Record<string, number[]> };
        if (parsed.dictionary === this.dictionary && parsed.clauses && typeof parsed.clauses === 'object') known = parsed.clauses;
      } catch {
        // missing or unreadable: every clause is cut and the entry rewritten
      }
    }
    return new DocumentTokens(known, cut, this.stats, async (clauses) => {
      if (docSha) await writeFileAtomic(this.entryPath(docSha), JSON.stringify({ dictionary: this.dictionary, clauses }));
    });
  }
}

/**
 * A clause's key in its document's entry: the first 24 hex digits of its text's sha256. The one-shot
 * crypto.hash (Node 20.12 and later) is cheaper than a Hash object per clause; the key is the same.
 */
const clauseKey: (text: string) => string =
  typeof crypto.hash === 'function' ? (text) => crypto.hash('sha256', text, 'hex').slice(0, 24) : (text) => crypto.createHash('sha256').update(text).digest('hex').slice(0, 24);

export class DocumentTokens {
  private readonly used: Record<string, number[]> = {};
  private missed = false;

  constructor(
    private readonly known: Record<string, number[]>,
    private readonly cut: (text: string) => string[],
    private readonly stats: TokenCacheStats,
    private readonly store: (clauses: Record<string, number[]>) => Promise<void>,
  ) {}

  readonly segment = (text: string): string[] => {
    const key = clauseKey(text);
    const lengths = this.known[key];
    if (lengths && lengths.reduce((a, n) => a + n, 0) === text.length) {
      this.stats.hits++;
      this.used[key] = lengths;
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
    this.used[key] = tokens.map((t) => t.length);
    return tokens;
  };

  /** Writes the entry when some clause had to be cut; it then holds exactly this document's clauses. */
  async save(): Promise<void> {
    if (this.missed) await this.store(this.used);
  }
}
