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

/**
 * A node of the index's character trie: the terms that continue by each next UTF-16 code unit, and
 * the term that ends here, if any.
 */
interface TrieNode<T> {
  next: Map<number, TrieNode<T>>;
  term: string | null;
  entries: T[] | null;
}

const newNode = <T>(): TrieNode<T> => ({ next: new Map(), term: null, entries: null });

/**
 * The node reached from `node` by the characters of `token`, or null when no term continues so. A
 * run of tokens is walked through the trie token by token, so no string of the run is built or
 * hashed: a unit's tokens are looked up before the JIT has optimised much, and the concatenated
 * candidates were most of findAll's time and garbage.
 */
function walk<T>(node: TrieNode<T>, token: string): TrieNode<T> | null {
  let at: TrieNode<T> | undefined = node;
  for (let c = 0; c < token.length && at !== undefined; c++) at = at.next.get(token.charCodeAt(c));
  return at ?? null;
}

export class TermIndex<T> {
  private readonly entries = new Map<string, T[]>();
  /** Every term, character by character: a run of tokens that leaves it can stop growing. */
  private readonly root: TrieNode<T> = newNode();
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
    let node = this.root;
    for (let c = 0; c < term.length; c++) {
      const code = term.charCodeAt(c);
      node = node.next.get(code) ?? node.next.set(code, newNode<T>()).get(code)!;
    }
    node.term = term;
    node.entries = list;
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
      let node: TrieNode<T> | null = this.root;
      let best: TrieNode<T> | null = null;
      let bestJ = i;
      for (let j = i; j < tokens.length && j < i + MAX_TOKENS_PER_TERM; j++) {
        node = walk(node, tokens[j]!);
        if (node === null) break;
        if (node.term !== null) {
          best = node;
          bestJ = j;
        }
      }
      if (best) {
        const term = best.term!;
        found.push({ term, start: offset, end: offset + term.length, entries: best.entries! });
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
      let node: TrieNode<T> | null = this.root;
      for (let j = i; j < tokens.length && j < i + MAX_TOKENS_PER_TERM; j++) {
        node = walk(node, tokens[j]!);
        if (node === null) break;
        if (node.term !== null) found.push({ term: node.term, start: offset, end: offset + node.term.length, entries: node.entries! });
      }
      offset += tokens[i]!.length;
    }
    return found;
  }
}
