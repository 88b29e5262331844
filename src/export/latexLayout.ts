/**
 * How a LaTeX table fits the page: plain tabular, tabularx in smaller type, a landscape page, or a
 * longtable over several pages, decided from estimated widths and heights of the text.
 */

/**
 * Widths are estimated in em from the text (a CJK character 1 em, anything else a little over
 * half) and compared with the text block of article and ctexart: 345 pt wide in portrait, 550 pt
 * in landscape, at ctexart's type sizes (normal 10.5 pt, small 9 pt, footnote 7.5 pt). Checked by
 * compiling the widest tables policy-code writes with xelatex (test/export/latexCompiles.test.ts):
 * the log must have no overfull box.
 */
const LINE_PT = 345;
const LANDSCAPE_PT = 550;
/** Text height of a portrait page, and of a landscape one (its line width). */
const PAGE_PT = { portrait: 550, landscape: 345 };
/** ctexart sets lines 1.56 times the type size apart. */
const LEADING = 1.56;
const SIZES = { normal: 10.54, small: 9.03, footnote: 7.53, script: 6.52 };
/** Space between columns: 2 x \tabcolsep = 12 pt. */
const PAD_PT = 12;
/** Headings wrap and hyphenate (\hspace{0pt} lets a first word break): of a long word, about six letters must fit. */
const HYPHENATED = 10;
const HEADING_PIECE = 3.6;

const isCjk = (c: string) => /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(c);
/** Latin Modern: capitals about 0.75 em (M and W 1 em), lower case and digits 0.5 em (a little over, to be safe). */
function widthEm(text: string): number {
  let w = 0;
  for (const c of text) w += isCjk(c) ? 1 : /[MW]/.test(c) ? 1 : /[A-Z]/.test(c) ? 0.78 : /[mw]/.test(c) ? 0.8 : 0.52;
  return w;
}

/**
 * The widest piece a cell can be broken into: a word, or one CJK character (CJK breaks anywhere).
 * In headings a word longer than HYPHENATED letters can be hyphenated, so only part of it counts.
 */
function longestPiece(text: string, heading = false): number {
  const words = text.split(/[\s_\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]+/);
  const piece = (w: string) => (heading && w.length > HYPHENATED ? Math.min(widthEm(w), HEADING_PIECE) : widthEm(w));
  return Math.max(0, ...words.map(piece), [...text].some(isCjk) ? 1 : 0);
}

interface Choice {
  cmd: '\\small' | '\\footnotesize' | '\\scriptsize';
  em: number;
  portrait: boolean;
  /** \\tabcolsep in pt: half the gap between two columns (LaTeX's default is 6). */
  sep: number;
}

const CHOICES: Choice[] = [
  { cmd: '\\small', em: SIZES.small, portrait: true, sep: 6 },
  { cmd: '\\footnotesize', em: SIZES.footnote, portrait: true, sep: 5 },
  { cmd: '\\footnotesize', em: SIZES.footnote, portrait: false, sep: 5 },
  { cmd: '\\scriptsize', em: SIZES.script, portrait: false, sep: 4 },
];

export interface Layout {
  size: '' | Choice['cmd'];
  /** A narrower \\tabcolsep for small type; null keeps LaTeX's 6 pt. */
  tabcolsep: number | null;
  landscape: boolean;
  /** Column specification: a plain tabular, or tabularx with weighted X columns. */
  spec: string;
  tabularx: boolean;
  /** Too tall for one page: a longtable, same widths as fixed p columns. */
  long: boolean;
}

/**
 * A plain tabular when the natural widths fit the line; otherwise a tabularx over the line width in
 * smaller type, headings and text wrapping, each X column as wide as its longest word or number
 * plus a share of the rest; footnote size, then a landscape page, when small type does not fit.
 */
export function layoutOf(head: readonly string[], rows: readonly string[][], numeric: readonly boolean[], textLines: number): Layout {
  const cells = head.map((h, i) => [h, ...rows.map((r) => r[i] ?? '')]);
  const natural = cells.map((cs) => Math.max(...cs.map(widthEm)));
  const minimal = cells.map((cs, i) => Math.max(longestPiece(cs[0]!, true), ...cs.slice(1).map((c) => (numeric[i] ? widthEm(c) : longestPiece(c)))));
  const n = head.length;
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  // Rows, heading, caption and notes; a heading wraps to as many lines as its column needs.
  const tall = (size: number, page: number, lines: number) => (lines + textLines + 4) * size * LEADING > page;
  if (sum(natural) * SIZES.normal + PAD_PT * n <= LINE_PT) {
    const long = tall(SIZES.normal, PAGE_PT.portrait, rows.length + 1);
    return { size: '', tabcolsep: null, landscape: false, tabularx: false, long, spec: numeric.map((x) => (x ? 'r' : 'l')).join('') };
  }
  // A first column of short names keeps its natural width; everything else shares what is left.
  const fixedFirst = !numeric[0] && natural[0]! <= 12;
  const needed = minimal.map((m, i) => (i === 0 && fixedFirst ? natural[0]! : m));
  // The first of these that holds every column at its minimal width with 10% to spare; smaller
  // type also gets narrower gaps between columns (\tabcolsep).
  const fits = (c: Choice) => sum(needed) * c.em * 1.1 + 2 * c.sep * n <= (c.portrait ? LINE_PT : LANDSCAPE_PT);
  const choice = CHOICES.find(fits) ?? CHOICES[CHOICES.length - 1]!;
  const { em, portrait } = choice;
  const available = ((portrait ? LINE_PT : LANDSCAPE_PT) - 2 * choice.sep * n) / em;
  const flexible = natural.map((_, i) => !(i === 0 && fixedFirst));
  // 3% of the line is kept free for the estimate's error (a longtable's p columns cannot give way).
  const room = available * 0.97 - (fixedFirst ? natural[0]! : 0);
  // Each column first gets its minimal width with a 10% margin for the estimate, then a share of
  // what is left in proportion to how much wider its content would like to be.
  const base = minimal.map((m) => m * 1.1);
  const minX = sum(base.filter((_, i) => flexible[i]));
  const extra = natural.map((w, i) => (flexible[i] ? Math.max(0, w - base[i]!) : 0));
  const spare = Math.max(0, room - minX);
  // When even the minimal widths overflow (the smallest type is reached), all shrink alike and headings hyphenate.
  const shrink = Math.min(1, room / minX);
  const widths = base.map((m, i) => m * shrink + (sum(extra) > 0 ? (spare * extra[i]!) / sum(extra) : spare / flexible.filter(Boolean).length));
  const mean = sum(widths.filter((_, i) => flexible[i])) / flexible.filter(Boolean).length;
  // A row is as many lines high as its most wrapped cell.
  const linesOf = (r: readonly string[]) => Math.max(1, ...r.map((c, i) => Math.ceil(widthEm(c) / (flexible[i] ? widths[i]! : natural[i]!))));
  const long = tall(em, portrait ? PAGE_PT.portrait : PAGE_PT.landscape, linesOf(head) + sum(rows.map(linesOf)));
  const spec = numeric
    .map((x, i) => {
      if (!flexible[i]) return 'l';
      const align = `${x ? '\\raggedleft' : '\\raggedright'}\\arraybackslash\\hspace{0pt}`;
      // A longtable cannot stretch X columns: the same widths, fixed.
      return long ? `>{${align}}p{${(widths[i]! * em).toFixed(1)}pt}` : `>{\\hsize=${(widths[i]! / mean).toFixed(3)}\\hsize${align}}X`;
    })
    .join('');
  return { size: choice.cmd, tabcolsep: choice.sep === 6 ? null : choice.sep, landscape: !portrait, tabularx: !long, long, spec };
}
