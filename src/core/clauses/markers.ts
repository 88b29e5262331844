import { parseChineseNumber } from '../text/chineseNumber.js';

/**
 * The numbering levels of Chinese policy documents, outermost first. 章/节/条 are the legal
 * structure; 一、 （一） 1. （1） the administrative one. 编 and 款 are rare and not levels here.
 */
export type MarkerLevel = 'chapter' | 'section' | 'article' | 'l1' | 'l2' | 'l3' | 'l4';

export const LEVEL_ORDER: MarkerLevel[] = ['chapter', 'section', 'article', 'l1', 'l2', 'l3', 'l4'];

const CN = '[一二三四五六七八九十百千零〇两兩]{1,6}';
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

const PATTERNS: Array<[MarkerLevel, RegExp]> = [
  ['chapter', new RegExp(`^第\\s*(${CN}|\\d{1,3})\\s*章`)],
  // Traditional forms too (節, 條, 兩): Big5 documents from Taiwan and Hong Kong number their articles so.
  ['section', new RegExp(`^第\\s*(${CN}|\\d{1,3})\\s*[节節]`)],
  ['article', new RegExp(`^第\\s*(${CN}|\\d{1,3})\\s*[条條]`)],
  ['l1', new RegExp(`^(${CN})\\s*[、．.]`)],
  ['l2', new RegExp(`^[（(]\\s*(${CN})\\s*[）)]`)],
  // "1." must not be the start of a decimal number such as 1.5倍.
  ['l3', /^(\d{1,3})\s*(?:[、．]|\.(?!\d))/],
  ['l4', new RegExp(`^(?:[（(]\\s*(\\d{1,3})\\s*[）)]|([${CIRCLED}]))`)],
];

/** True when a line opens a numbered unit; used to keep such lines from being joined to the previous one. */
export const STRUCTURE_MARKER_AT_START = new RegExp(
  `^(?:第\\s*(?:${CN}|\\d{1,3})\\s*[章节条節條]|${CN}\\s*[、．.]|[（(]\\s*(?:${CN}|\\d{1,3})\\s*[）)]|\\d{1,3}\\s*(?:[、．]|\\.(?!\\d))|[${CIRCLED}])`,
);

export interface Marker {
  level: MarkerLevel;
  number: number;
  /** Length of the marker text itself (e.g. "第十四条" = 4). */
  length: number;
}

/** Recognises a numbering marker at the start of `s`. */
export function matchMarker(s: string): Marker | null {
  for (const [level, re] of PATTERNS) {
    const m = re.exec(s);
    if (!m) continue;
    const raw = m[1] ?? m[2] ?? '';
    const number = raw.length === 1 && CIRCLED.includes(raw) ? CIRCLED.indexOf(raw) + 1 : parseChineseNumber(raw);
    if (number === null || number === 0) continue;
    return { level, number, length: m[0].length };
  }
  return null;
}
