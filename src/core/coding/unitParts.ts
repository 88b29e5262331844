import { matchMarker, type MarkerLevel } from '../clauses/markers.js';
import type { Found } from './termIndex.js';

/** [start, end) of a part of a unit's text. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Where a global search goes on after an empty match at `at`: one code point further. One code unit
 * (lastIndex++) would land inside a character beyond the BMP (𠀀, an emoji), where a `u` expression
 * starts again at the character itself and finds the same empty match forever.
 */
export function afterEmptyMatch(text: string, at: number): number {
  return at + (text.codePointAt(at)! > 0xffff ? 2 : 1);
}

/**
 * The spans of a global expression's matches, as matchAll finds them but without the copy of the
 * expression it makes per call (a call per unit): after an empty match the search goes on one code
 * point further. Empty matches are kept unless `keepEmpty` is false.
 */
export function matchSpans(regex: RegExp, text: string, keepEmpty = true): Span[] {
  const out: Span[] = [];
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
    if (m[0].length === 0) {
      regex.lastIndex = afterEmptyMatch(text, m.index);
      if (!keepEmpty) continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

const SENTENCE_END = /[。；;！？!?\n]/gu;

/** [start, end) of each sentence of the unit. */
export function sentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  // exec, not matchAll, which copies the expression on every call (a call per unit with rule words);
  // a sentence end is one character, so no match is empty.
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m !== null; m = SENTENCE_END.exec(text)) {
    if (m.index > start) out.push({ start, end: m.index });
    start = m.index + 1;
  }
  if (text.length > start) out.push({ start, end: text.length });
  return out;
}

/** The found terms that lie inside a span. */
export function within<T>(found: ReadonlyArray<Found<T>>, span: Span): Array<Found<T>> {
  return found.filter((f) => f.start >= span.start && f.end <= span.end);
}

const ITEM_LEVELS = new Set<MarkerLevel>(['l1', 'l2', 'l3', 'l4']);

/**
 * Characters taken by the enumerator that opens an item (（三）, 三、, 3., ①) with the white space
 * around it, as the clause splitter reads markers; 0 when there is none. An article's 第X条 is not an
 * item's enumerator.
 */
export function enumeratorLength(text: string): number {
  const lead = text.length - text.trimStart().length;
  const marker = matchMarker(text.slice(lead));
  if (!marker || !ITEM_LEVELS.has(marker.level)) return 0;
  const after = text.slice(lead + marker.length);
  return lead + marker.length + (after.length - after.trimStart().length);
}

/**
 * The found terms (sorted by start) of each sentence, in one walk: a long unit has many sentences,
 * and filtering every list per sentence would cost their product.
 */
export function bySentence<T>(found: ReadonlyArray<Found<T>>, parts: readonly Span[]): Array<Array<Found<T>>> {
  const out = parts.map((): Array<Found<T>> => []);
  let k = 0;
  for (const f of found) {
    while (k < parts.length && parts[k]!.end < f.end) k++;
    if (k < parts.length && f.start >= parts[k]!.start) out[k]!.push(f);
  }
  return out;
}
