import type { Clause } from '../types.js';
import { LEVEL_ORDER, type Marker, type MarkerLevel } from './markers.js';
import { DEFAULT_UNIT, RESPONSIBILITY_TAG, segmentText, type CodingUnit } from './segmentText.js';

export interface SplitOptions {
  /** The numbered item whole (default), or items over maxChars cut at sentence ends. */
  unit: CodingUnit;
  /** With unit `sentence`, units longer than this many characters are cut at sentence ends (。！？；) into parts. */
  maxChars: number;
  /** A part shorter than this is kept with the sentence before it. */
  minPartChars: number;
}

const DEFAULT_SPLIT_OPTIONS: SplitOptions = { unit: DEFAULT_UNIT, maxChars: 200, minPartChars: 12 };

const SENTENCE_END = /[。！？；!?;]/;
/** A paragraph with no sentence end and at most this many characters is a title, heading, signature or date. */
const MAX_HEADING_CHARS = 40;

interface Unit {
  marker: Marker | null;
  /** Paragraph spans of the unit, in order. */
  spans: Array<[number, number]>;
  /** A heading that ended the line before the unit's marker (unit `item`): the unit's text starts there. */
  lead?: [number, number];
}

/** A numbered heading with sub-items under it ("（一）指导思想。" before "1. ..."): context, not an item. */
function isTitleOfSubitems(unit: Unit, next: Unit | undefined, text: string): boolean {
  if (!unit.marker || !next?.marker || unit.spans.length !== 1) return false;
  if (LEVEL_ORDER.indexOf(next.marker.level) <= LEVEL_ORDER.indexOf(unit.marker.level)) return false;
  const t = text.slice(unit.spans[0]![0], unit.spans[0]![1]).trim();
  return t.length <= 30 && !/[。！？；!?;]./.test(t);
}

/** Segments grouped into units: a numbered segment opens one, the others continue the unit before. */
function unitsOf(text: string, unit: CodingUnit): Unit[] {
  const units: Unit[] = [];
  let lead: [number, number] | undefined;
  for (const seg of segmentText(text, unit)) {
    const last = units[units.length - 1];
    if (seg.leadsNext) lead = [seg.start, seg.end];
    else if (seg.marker || !last) units.push({ marker: seg.marker, spans: [[seg.start, seg.end]], ...(lead && seg.marker ? { lead } : {}) });
    else last.spans.push([seg.start, seg.end]);
    if (!seg.leadsNext) lead = undefined;
  }
  return units;
}

function isHeadingLike(s: string): boolean {
  return s.length <= MAX_HEADING_CHARS && !SENTENCE_END.test(s);
}

/** Which marker levels act as chapter, article and items in this document (see splitClauses). */
function assignLevels(present: Set<MarkerLevel>): {
  chapter: MarkerLevel | null;
  article: MarkerLevel | null;
  items: MarkerLevel[];
} {
  const admin: MarkerLevel[] = ['l1', 'l2', 'l3', 'l4'];
  if (present.has('article')) {
    return {
      chapter: present.has('chapter') ? 'chapter' : null,
      article: 'article',
      items: admin.filter((l) => present.has(l)),
    };
  }
  const levels = (['chapter', ...admin] as MarkerLevel[]).filter((l) => present.has(l));
  if (levels.length <= 1) return { chapter: null, article: levels[0] ?? null, items: [] };
  return { chapter: levels[0]!, article: levels[1]!, items: levels.slice(2) };
}

/** Cuts a long span at sentence ends; short trailing pieces stay with the sentence before them. */
function sentenceParts(text: string, start: number, end: number, opts: SplitOptions): Array<[number, number]> {
  if (end - start <= opts.maxChars) return [[start, end]];
  const parts: Array<[number, number]> = [];
  let s = start;
  for (let i = start; i < end; i++) {
    if (SENTENCE_END.test(text[i]!)) {
      // Closing quotes and brackets belong to the sentence they close.
      let j = i + 1;
      while (j < end && /[”’」』)）]/.test(text[j]!)) j++;
      parts.push([s, j]);
      s = j;
      i = j - 1;
    }
  }
  if (s < end) parts.push([s, end]);
  const merged: Array<[number, number]> = [];
  for (const p of parts) {
    const prev = merged[merged.length - 1];
    if (prev && p[1] - p[0] < opts.minPartChars) prev[1] = p[1];
    else merged.push([p[0], p[1]]);
  }
  return merged;
}

/**
 * Splits the normalized text of one document into clauses along the structure of Chinese policy
 * documents. Ids follow the field's convention `doc-chapter-article`, with further `-item` levels
 * for numbered items and, with unit `sentence`, a `.part` suffix where a long unit is cut at
 * sentence ends. With unit `item` (the default) each numbered item or article is one clause, whole
 * (see segmentText for where items begin).
 *
 * Which markers act as chapter and article depends on the document: with 第X条 articles, the chapter
 * is 第X章 (0 when there is none) and 一、（一）1.（1） are items; without them, the outermost two
 * numbering levels present are chapter and article (a single level is the article, chapter 0).
 * Titles, headings, addressees, signatures and dates (short paragraphs without a sentence end) are
 * not clauses; a heading is kept as context of the clauses below it.
 */
export function splitClauses(docId: string, text: string, options: Partial<SplitOptions> = {}): Clause[] {
  const opts = { ...DEFAULT_SPLIT_OPTIONS, ...options };
  const item = opts.unit === 'item';
  const units = unitsOf(text, opts.unit);
  const present = new Set<MarkerLevel>(units.flatMap((u) => (u.marker ? [u.marker.level] : [])));
  const roles = assignLevels(present);

  // When the outermost numbering starts again at 1 (an annex or an explanatory note after the main
  // text), its numbers continue the count, so that ids stay unique and in document order.
  const outer = roles.chapter ?? roles.article;
  let outerOffset = 0;
  let outerMax = 0;
  const counters = new Map<MarkerLevel, number>();
  const headings = new Map<MarkerLevel, string>();
  const pieces: Array<Omit<Clause, 'id' | 'part'> & { base: string }> = [];
  for (const [u, unit] of units.entries()) {
    if (unit.marker) {
      const depth = LEVEL_ORDER.indexOf(unit.marker.level);
      for (const level of LEVEL_ORDER.slice(depth + 1)) {
        counters.delete(level);
        headings.delete(level);
      }
      let number = unit.marker.number;
      if (unit.marker.level === outer) {
        if (number === 1 && outerMax - outerOffset >= 1) outerOffset = outerMax;
        number += outerOffset;
        outerMax = Math.max(outerMax, number);
      }
      counters.set(unit.marker.level, number);
      headings.delete(unit.marker.level);
    }
    // Paragraphs without a sentence end are titles, signatures, dates: drop them at the edges of a unit.
    // With unit `item`, a responsibility tag on its own line stays part of its item.
    const kept = (s: number, e: number) => !isHeadingLike(text.slice(s, e)) || (item && RESPONSIBILITY_TAG.test(text.slice(s, e).trim()));
    const spans = unit.spans.filter(([s, e], i) => (unit.marker !== null && i === 0) || kept(s, e));
    while (spans.length > 0) {
      const [s, e] = spans[spans.length - 1]!;
      if (spans.length > 1 && !kept(s, e)) spans.pop();
      else break;
    }
    const [first] = spans;
    if (!first) continue;
    const headText = text.slice(first[0], first[1]);
    // As items, an article (第X条) is always content, however short: "第二十二条本办法由…负责解释".
    const isHeading = item ? (isHeadingLike(headText) && unit.marker?.level !== 'article') || isTitleOfSubitems(unit, units[u + 1], text) : isHeadingLike(headText);
    if (isHeading && spans.length === 1) {
      if (unit.marker) headings.set(unit.marker.level, headText);
      continue;
    }
    if (unit.marker?.level === 'chapter' || unit.marker?.level === 'section') {
      // A chapter line with text after it is unusual; the line itself is the heading.
      headings.set(unit.marker.level, headText);
      if (spans.length === 1) continue;
    }
    const chapter = roles.chapter ? counters.get(roles.chapter) ?? 0 : 0;
    const article = roles.article ? counters.get(roles.article) ?? 0 : 0;
    const items = roles.items.map((l) => counters.get(l) ?? 0);
    while (items.length > 0 && items[items.length - 1] === 0) items.pop();
    const base = [docId, chapter, article, ...items].join('-');
    const heading = LEVEL_ORDER.flatMap((l) => (headings.has(l) ? [headings.get(l)!] : [])).join(' / ');
    const start = (unit.marker?.level === 'chapter' || unit.marker?.level === 'section') && spans.length > 1 ? spans[1]![0] : (unit.lead?.[0] ?? first[0]);
    const end = spans[spans.length - 1]![1];
    const parts: Array<[number, number]> = item ? [[start, end]] : sentenceParts(text, start, end, opts);
    for (const [s, e] of parts) {
      const t = text.slice(s, e).trim();
      if (t.length === 0) continue;
      pieces.push({ base, docId, chapter, article, items, heading, text: t, start: s, end: e });
    }
  }
  const perBase = new Map<string, number>();
  for (const p of pieces) perBase.set(p.base, (perBase.get(p.base) ?? 0) + 1);
  const seen = new Map<string, number>();
  return pieces.map(({ base, ...rest }) => {
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const part = perBase.get(base)! > 1 ? n : 0;
    return { ...rest, id: part ? `${base}.${part}` : base, part };
  });
}
