import { parseChineseNumber } from '../text/chineseNumber.js';
import { matchMarker, type Marker } from './markers.js';

/**
 * The unit of coding. `item`: the numbered item or article, whole, as the field counts them (the
 * default). `sentence`: the same items, with those over 200 characters cut at sentence ends (the
 * cut of policy-code before issue 13).
 */
export type CodingUnit = 'item' | 'sentence';
export const CODING_UNITS: readonly CodingUnit[] = ['item', 'sentence'];
export const DEFAULT_UNIT: CodingUnit = 'item';

export interface Segment {
  start: number;
  end: number;
  marker: Marker | null;
  /** A heading left at the end of a line: it opens the item that follows, not the one it ends. */
  leadsNext?: boolean;
}

/** "（责任单位：市人社局、市财政局）": who carries out an item; part of the item, never a unit. */
export const RESPONSIBILITY_TAG = /^[（(]\s*(?:责任单位|牵头单位|责任部门|牵头部门|配合单位|责任主体)/;
const TAG_THEN_TEXT = /[（(]\s*(?:责任单位|牵头单位|责任部门|牵头部门|配合单位|责任主体)[^（()）]*[）)]\s*(?=\S)/g;
const ARTICLE_INLINE = /第\s*([一二三四五六七八九十百千零〇两]{1,6}|\d{1,3})\s*条/g;
/** After a cited article (第三条规定, 第五条的, 第二条第一款), the words of a reference, not a new article. */
const CITATION_AFTER = /^[规的之款项、，,和及或至中所]/;
const SENTENCE_END_IN_LINE = /[。！？；!?;]/g;

/**
 * Cuts the normalized text into segments: at paragraph breaks and at item markers that follow a
 * sentence end inline (both units). For `item` also: at the next article (第N+1条) inside a line,
 * at a marker after a responsibility tag, and before a heading left at the end of a line when the
 * next line opens a numbered item.
 */
export function segmentText(text: string, unit: CodingUnit): Segment[] {
  const segments: Segment[] = [];
  const lines = text.split('\n');
  let lineStart = 0;
  let lastArticle = 0;
  lines.forEach((line, li) => {
    const cuts = new Set<number>([0]);
    const inline = /[。；：！？]\s*(?=[（(第一二三四五六七八九十\d①-⑳])/g;
    for (let m = inline.exec(line); m; m = inline.exec(line)) {
      const at = m.index + m[0].length;
      if (at < line.length && matchMarker(line.slice(at))) cuts.add(at);
    }
    let lead = -1;
    if (unit === 'item') {
      for (const m of line.matchAll(TAG_THEN_TEXT)) {
        const at = m.index + m[0].length;
        if (matchMarker(line.slice(at))) cuts.add(at);
      }
      lastArticle = articleCuts(line, lastArticle, cuts);
      lead = trailingHeading(line, lines[li + 1]);
      if (lead > 0) cuts.add(lead);
    }
    const sorted = [...cuts, line.length].sort((a, b) => a - b);
    for (let i = 0; i + 1 < sorted.length; i++) {
      const s = lineStart + sorted[i]!;
      const e = lineStart + sorted[i + 1]!;
      if (e <= s) continue;
      const seg: Segment = { start: s, end: e, marker: matchMarker(text.slice(s, e)) };
      if (sorted[i] === lead) seg.leadsNext = true;
      segments.push(seg);
    }
    lineStart += line.length + 1;
  });
  return segments;
}

/**
 * Adds a cut before each article marker inside the line that continues the count (第二十二条…第二十三条
 * with no line break between them); a cited article (依据第五条规定) does not continue it. Returns
 * the last article number seen.
 */
function articleCuts(line: string, lastArticle: number, cuts: Set<number>): number {
  let last = lastArticle;
  for (const m of line.matchAll(ARTICLE_INLINE)) {
    const n = parseChineseNumber(m[1]!);
    if (n === null) continue;
    if (m.index === 0) {
      last = n;
      continue;
    }
    const before = line[m.index - 1]!;
    const after = line.slice(m.index + m[0].length);
    if (n !== last + 1 || /[《》“”"〈〉]/.test(before) || CITATION_AFTER.test(after)) continue;
    cuts.add(m.index);
    last = n;
  }
  return last;
}

/**
 * Where a heading left at the end of a line begins ("……加强人才培养。强化智力支撑" before a line
 * "（五）…"), or -1: a short tail after the last sentence end, without one of its own, when the next
 * line opens a numbered item.
 */
function trailingHeading(line: string, next: string | undefined): number {
  if (next === undefined || !matchMarker(next.trimStart())) return -1;
  let end = -1;
  for (const m of line.matchAll(SENTENCE_END_IN_LINE)) end = m.index + 1;
  while (end > 0 && /[”’」』)）]/.test(line[end] ?? '')) end++;
  if (end <= 0 || end >= line.length) return -1;
  const tail = line.slice(end).trim();
  if (tail.length < 2 || tail.length > 30 || /[：:，,]$/.test(tail) || RESPONSIBILITY_TAG.test(tail) || matchMarker(tail)) return -1;
  return end + (line.slice(end).length - line.slice(end).trimStart().length);
}
