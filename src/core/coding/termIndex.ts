import { CharTrie } from './CharTrie.js';

/**
 * Finds terms in segmented text on word boundaries. A term matches where it equals one token or a
 * run of consecutive tokens, so it is never found inside a longer word that the segmenter kept
 * whole (印度 does not match inside 印度尼西亚). Overlaps are resolved leftmost-longest: scanning
 * from the left, at each token the longest term starting there wins and the scan continues after
 * it, so nested terms (税收 inside 税收优惠) never both match at one place.
 */
export interface Found<T> {
  term: string;
  start: number;
  end: number;
  entries: T[];
}

/** Longest run of tokens one term may span (jieba sometimes splits a rare compound into many pieces). */
const MAX_TOKENS_PER_TERM = 8;

export class TermIndex<T> {
  private readonly entries = new Map<string, T[]>();
  /** Every term, character by character (CharTrie.ts): a run of tokens that leaves it can stop growing. */
  private readonly trie = new CharTrie();
  /** The term that ends at each node of the trie, and its entries. */
  private readonly termAt: Array<string | null> = [null];
  private readonly entriesAt: Array<T[] | null> = [null];
  /**
   * Whether some term starts with this UTF-16 code unit: most tokens start none, and a bit costs
   * less than a walk (speed only: the same matches either way).
   */
  private readonly starts = new Uint8Array(0x10000);

  add(term: string, entry: T): void {
    if (term.length > 0) this.starts[term.charCodeAt(0)] = 1;
    let list = this.entries.get(term);
    if (list) list.push(entry);
    else this.entries.set(term, (list = [entry]));
    const node = this.trie.add(term);
    while (this.termAt.length < this.trie.nodes) {
      this.termAt.push(null);
      this.entriesAt.push(null);
    }
    this.termAt[node] = term;
    this.entriesAt[node] = list;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Every non-overlapping leftmost-longest match in the token sequence, with character offsets. */
  findAll(tokens: readonly string[]): Array<Found<T>> {
    const found: Array<Found<T>> = [];
    let offset = 0;
    let i = 0;
    while (i < tokens.length) {
      if (this.starts[tokens[i]!.charCodeAt(0)] !== 1) {
        offset += tokens[i]!.length;
        i++;
        continue;
      }
      let node = 0;
      let best = -1;
      let bestJ = i;
      for (let j = i; j < tokens.length && j < i + MAX_TOKENS_PER_TERM; j++) {
        node = this.trie.walk(node, tokens[j]!);
        if (node < 0) break;
        if (this.termAt[node] !== null) {
          best = node;
          bestJ = j;
        }
      }
      if (best >= 0) {
        const term = this.termAt[best]!;
        found.push({ term, start: offset, end: offset + term.length, entries: this.entriesAt[best]! });
        offset += term.length;
        i = bestJ + 1;
      } else {
        offset += tokens[i]!.length;
        i++;
      }
    }
    return found;
  }

  /**
   * Every place where a term equals a token or a run of tokens, overlapping ones included: used to
   * ask whether a term is present (exclusions, co-occurrence, scope) independently of which keyword
   * won the leftmost-longest scan there.
   */
  findEvery(tokens: readonly string[]): Array<Found<T>> {
    const found: Array<Found<T>> = [];
    let offset = 0;
    for (let i = 0; i < tokens.length; i++) {
      if (this.starts[tokens[i]!.charCodeAt(0)] !== 1) {
        offset += tokens[i]!.length;
        continue;
      }
      let node = 0;
      for (let j = i; j < tokens.length && j < i + MAX_TOKENS_PER_TERM; j++) {
        node = this.trie.walk(node, tokens[j]!);
        if (node < 0) break;
        const term = this.termAt[node]!;
        if (term !== null) found.push({ term, start: offset, end: offset + term.length, entries: this.entriesAt[node]! });
      }
      offset += tokens[i]!.length;
    }
    return found;
  }
}
