import { TermIndex } from './termIndex.js';

/** One occurrence of a term in a text, with its context. */
export interface Occurrence {
  start: number;
  left: string;
  term: string;
  right: string;
  /** True when the term is a token or a run of tokens there, i.e. where the coder would match it. */
  onBoundary: boolean;
  /**
   * The tokens that cover the occurrence, `|`-separated: one token when the term is inside a longer
   * word (印度尼西亚), several when the segmenter cut across the term (监督|管理工作).
   */
  segmentedAs: string;
}

/**
 * Every occurrence of `term` in a text as a substring, each marked whether it lies on word
 * boundaries of the segmented text (the coder's rule: 印度 inside the token 印度尼西亚 is not on a
 * boundary). `tokens` must concatenate to `text`. Context is `width` characters on each side.
 */
export function findOccurrences(text: string, tokens: readonly string[], term: string, width: number): Occurrence[] {
  if (term.length === 0) return [];
  const index = new TermIndex<true>();
  index.add(term, true);
  const boundary = new Set(index.findEvery(tokens).map((f) => f.start));
  const starts: number[] = [];
  let offset = 0;
  for (const t of tokens) {
    starts.push(offset);
    offset += t.length;
  }
  const covering = (from: number, to: number) => tokens.filter((t, i) => starts[i]! < to && starts[i]! + t.length > from).join('|');
  const out: Occurrence[] = [];
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
    out.push({
      segmentedAs: covering(at, at + term.length),
      start: at,
      left: text.slice(Math.max(0, at - width), at),
      term,
      right: text.slice(at + term.length, at + term.length + width),
      onBoundary: boundary.has(at),
    });
  }
  return out;
}
