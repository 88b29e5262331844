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
  /** Every prefix of every term (terms included): a run of tokens that is none can stop growing. */
  private readonly prefixes = new Set<string>();
  private maxLength = 0;
  /**
   * Whether some term starts with this UTF-16 code unit: most tokens start none, and a bit costs
   * less than hashing the token for the prefix set (speed only: the same matches either way).
   */
  private readonly starts = new Uint8Array(0x10000);

  add(term: string, entry: T): void {
    if (term.length > 0) this.starts[term.charCodeAt(0)] = 1;
    const list = this.entries.get(term);
    if (list) list.push(entry);
    else this.entries.set(term, [entry]);
    this.maxLength = Math.max(this.maxLength, term.length);
    for (let n = 1; n <= term.length; n++) this.prefixes.add(term.slice(0, n));
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
      let s = '';
      let best: { j: number; term: string } | null = null;
      for (let j = i; j < tokens.length && j < i + MAX_TOKENS_PER_TERM; j++) {
        s += tokens[j]!;
        if (s.length > this.maxLength || !this.prefixes.has(s)) break;
        if (this.entries.has(s)) best = { j, term: s };
      }
      if (best) {
        found.push({ term: best.term, start: offset, end: offset + best.term.length, entries: this.entries.get(best.term)! });
        offset += best.term.length;
        i = best.j + 1;
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
      let s = '';
      for (let j = i; j < tokens.length && j < i + MAX_TOKENS_PER_TERM; j++) {
        s += tokens[j]!;
        if (s.length > this.maxLength || !this.prefixes.has(s)) break;
        const entries = this.entries.get(s);
        if (entries) found.push({ term: s, start: offset, end: offset + s.length, entries });
      }
      offset += tokens[i]!.length;
    }
    return found;
  }
}
