import type { Page } from '../types.js';
import { STRUCTURE_MARKER_AT_START } from '../clauses/markers.js';
import { removeRunningLines } from './runningLines.js';

/** The normalized text of a document and where each page starts in it. */
export interface NormalizedText {
  text: string;
  /** Offset in `text` at which page i (0-based) begins. */
  pageStarts: number[];
}

const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff';
const CJK_PUNCT = '\\u3000-\\u303f\\uff01-\\uff0f\\uff1a-\\uff20\\uff3b-\\uff40\\uff5b-\\uff65\\u2018-\\u201f\\u2026\\u2014';
const CJK_CHAR = new RegExp(`[${CJK}]`);
/** White space with a CJK character or CJK punctuation on either side carries no meaning in Chinese. */
const SPACE_NEXT_TO_CJK = new RegExp(
  `(?<=[${CJK}${CJK_PUNCT}])[ \\t\\u00a0\\u3000]+|[ \\t\\u00a0\\u3000]+(?=[${CJK}${CJK_PUNCT}])`,
  'g',
);

/**
 * Running page numbers: "— 3 —", "-3-", OCR's "一3一" and "3一" (a dash read as the character 一), "- 12 -", "·3·", "第 3 页", "第3页 共10页", "3/10", pdf-parse's "-- 3 of 10 --".
 */
const PAGE_NUMBER_LINE =
  /^\s*(?:[—–\-－‐―·•一]*\s*\d{1,4}\s*[—–\-－‐―·•一]+|[—–\-－‐―·•一]+\s*\d{1,4}|-- \d+ of \d+ --|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|[（(]?\s*\d{1,3}\s*[）)]?)\s*$/;

/** A line ends a sentence or a paragraph when it ends in one of these. */
const TERMINAL = /[。！？；：!?;:…」』”）)】]$/;

/**
 * Compatibility forms that PDF fonts often produce are mapped to their ordinary characters: Kangxi
 * radicals (⼀ -> 一), CJK compatibility ideographs, full-width digits and Latin letters. Chinese
 * punctuation (，。、；：（）“”) is kept as it is, so the text still reads as Chinese. Zero-width
 * characters and NUL are dropped.
 */
function normalizeCharacters(s: string): string {
  // Zero-width spaces and stray byte order marks (Word exports have them) are invisible and split terms.
  // NUL is what pdf.js gives for a glyph its font cannot map (poppler gives nothing): never text.
  return s.replace(/[\u0000\u200b-\u200d\u2060\ufeff]/g, '').replace(/[\u2e80-\u2fdf\uf900-\ufaff\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000\u00a0]/g, (ch) =>
    ch === '\u3000' || ch === '\u00a0' ? ' ' : ch.normalize('NFKC'),
  );
}

function visualWidth(line: string): number {
  let w = 0;
  for (const ch of line) w += ch.charCodeAt(0) > 0x2e80 ? 1 : 0.5;
  return w;
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

/**
 * Decides whether the line break between `prev` and `next` is a PDF's visual wrap inside a
 * sentence (join) or a real paragraph break (keep). A line wraps when it is about as wide as the
 * page's full lines, does not end a sentence, and the next line does not open a numbered item.
 */
function isWrap(prev: string, next: string, fullWidth: number): boolean {
  if (prev.length === 0 || next.length === 0) return false;
  if (TERMINAL.test(prev)) return false;
  if (STRUCTURE_MARKER_AT_START.test(next)) return false;
  return visualWidth(prev) >= fullWidth * 0.8;
}

function joinLines(a: string, b: string): string {
  const last = a[a.length - 1] ?? '';
  const first = b[0] ?? '';
  // Latin words broken across lines keep a space between them; Chinese never has one.
  if (/[A-Za-z0-9]/.test(last) && /[A-Za-z0-9]/.test(first) && !CJK_CHAR.test(last)) return `${a} ${b}`;
  return a + b;
}

function cleanLine(line: string): string {
  return normalizeCharacters(line).replace(SPACE_NEXT_TO_CJK, '').replace(/[ \t]+/g, ' ').trim();
}

/**
 * Turns the raw pages of a document into one normalized text: page numbers and running headers
 * and footers removed, lines that
 * the layout broke inside a sentence joined, compatibility characters mapped, white space between
 * Chinese characters dropped. Paragraphs are separated by "\n". The raw pages stay untouched.
 */
export function normalizeText(pages: Page[]): NormalizedText {
  const pageLines = removeRunningLines(pages.map((p) =>
    p.text
      // pdf.js separates text runs on one visual line with tabs. They stay on the line (as white space),
      // so that the wrap decision sees the full visual line; an item marker after a sentence end on the
      // same line is found by the clause splitter.
      .split(/\r\n|\r|\n|\f/)
      .map(cleanLine)
      .filter((l) => l.length > 0 && !PAGE_NUMBER_LINE.test(l)),
  ));
  const allWidths = pageLines.flat().map(visualWidth);
  const docFullWidth = percentile(allWidths, 0.9);

  const paragraphs: string[] = [];
  const pageStarts: number[] = [];
  let offset = 0;
  let current = '';
  // Only the last visual line of the paragraph decides whether the next line continues it.
  let lastLine = '';
  const flush = () => {
    if (current.length > 0) {
      paragraphs.push(current);
      offset += current.length + 1;
    }
    current = '';
  };
  for (const lines of pageLines) {
    const widths = lines.map(visualWidth);
    const fullWidth = Math.max(percentile(widths, 0.9), docFullWidth * 0.9);
    let first = true;
    for (const line of lines) {
      if (current.length > 0 && isWrap(lastLine, line, fullWidth)) {
        const joined = joinLines(current, line);
        if (first) pageStarts.push(offset + joined.length - line.length);
        current = joined;
      } else {
        flush();
        if (first) pageStarts.push(offset);
        current = line;
      }
      first = false;
      lastLine = line;
    }
    // A page with no text starts where the next text will.
    if (first) pageStarts.push(offset + current.length);
  }
  flush();
  return { text: paragraphs.join('\n'), pageStarts };
}
