import type { Table } from '../core/tables/Table.js';
import { TOTAL } from '../core/tables/crosstabs.js';
import { paperTable } from './formatCell.js';

const SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '{': '\\{',
  '}': '\\}',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** Escapes the ten characters LaTeX treats specially in text. */
export function escapeLatex(text: string): string {
  // χ² in math mode: a text font (Latin Modern, or a CJK font) may have no Greek letters.
  return text.replace(/[\\&%$#_{}~^]/g, (c) => SPECIAL[c]!).replace(/\r?\n/g, ' ').replace(/χ²/g, '$\\chi^2$');
}

/**
 * Up to NARROW columns fit a portrait text block as a plain tabular; wider tables spread over the
 * line width with tabularx (headings wrap, numbers stay right-aligned); above WIDE columns even
 * that is too tight in portrait, so the table goes on a landscape page. Checked by compiling every
 * table of a run with xelatex (test/export/latexCompiles.test.ts) and reading the log for overfull boxes.
 */
const NARROW = 6;
const WIDE = 10;

/** The preamble every table needs, for users and for the compile test. */
export const LATEX_PREAMBLE = ['\\usepackage{booktabs}', '\\usepackage{tabularx}', '\\usepackage{pdflscape}'];

/**
 * A booktabs table with caption and label, shares as percentages with one decimal. Narrow tables are
 * a tabular; wider ones a tabularx over the line width, on a landscape page when very wide.
 */
export function toLatex(table: Table): string {
  const paper = paperTable(table);
  const n = paper.head.length;
  const wide = n > NARROW;
  const landscape = n > WIDE;
  const right = wide ? '>{\\raggedleft\\arraybackslash}X' : 'r';
  const text = wide ? '>{\\raggedright\\arraybackslash}X' : 'l';
  // The first column of a wide table (names) keeps its natural width; the others share what is left.
  const spec = paper.numeric.map((num, i) => (num ? right : wide && i === 0 ? 'l' : text)).join('');
  const row = (cells: string[]) => `${cells.map(escapeLatex).join(' & ')} \\\\`;
  const rules = new Set(table.rules ?? []);
  const body: string[] = [];
  table.rows.forEach((r, i) => {
    if (rules.has(i) || (!table.rules && r[0] === TOTAL)) body.push('\\midrule');
    body.push(row(paper.rows[i]!));
  });
  const env = wide ? ['\\begin{tabularx}{\\linewidth}{' + spec + '}', '\\end{tabularx}'] : [`\\begin{tabular}{${spec}}`, '\\end{tabular}'];
  const lines = [
    `% policy-code table '${table.name}'. Preamble: ${LATEX_PREAMBLE.join(' ')}`,
    '% Chinese text needs XeLaTeX (or LuaLaTeX) with \\usepackage{xeCJK} or the ctex classes (\\documentclass{ctexart}).',
    ...(landscape ? ['\\begin{landscape}'] : []),
    '\\begin{table}[htbp]',
    '\\centering',
    ...(wide ? [landscape ? '\\footnotesize' : '\\small'] : []),
    ...(table.title ? [`\\caption{${escapeLatex(table.title)}}`] : []),
    `\\label{tab:${table.name.replace(/[^A-Za-z0-9:-]/g, '-')}}`,
    env[0]!,
    '\\toprule',
    row(paper.head),
    '\\midrule',
    ...body,
    '\\bottomrule',
    env[1]!,
    ...(table.notes ?? []).map((note) => `\\par\\smallskip\\parbox{\\linewidth}{\\footnotesize ${escapeLatex(note)}}`),
    '\\end{table}',
    ...(landscape ? ['\\end{landscape}'] : []),
    '',
  ];
  return lines.join('\n');
}
