import type { Table } from '../core/tables/Table.js';
import { TOTAL } from '../core/tables/crosstabs.js';
import { formatCell, headings, isNumericColumn } from './formatCell.js';

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
  return text.replace(/[\\&%$#_{}~^]/g, (c) => SPECIAL[c]!).replace(/\r?\n/g, ' ');
}

/**
 * A booktabs table environment, shares as percentages with one decimal. The header comment says
 * what the preamble needs: booktabs always, and a CJK setup for the Chinese labels.
 */
export function toLatex(table: Table): string {
  const head = headings(table, 'paper');
  const spec = table.columns.map((_, i) => (isNumericColumn(table, i) ? 'r' : 'l')).join('');
  const row = (cells: string[]) => `${cells.map(escapeLatex).join(' & ')} \\\\`;
  const body: string[] = [];
  for (const r of table.rows) {
    if (r[0] === TOTAL) body.push('\\midrule');
    body.push(row(r.map((cell, i) => formatCell(table, i, cell, 'paper'))));
  }
  return [
    `% policy-code table '${table.name}'. Preamble: \\usepackage{booktabs}.`,
    '% Chinese text needs XeLaTeX (or LuaLaTeX) with \\usepackage{xeCJK} or the ctex classes (\\documentclass{ctexart}).',
    '\\begin{table}[htbp]',
    '\\centering',
    ...(table.title ? [`\\caption{${escapeLatex(table.title)}}`] : []),
    `\\label{tab:${table.name.replace(/[^A-Za-z0-9:-]/g, '-')}}`,
    `\\begin{tabular}{${spec}}`,
    '\\toprule',
    row(head),
    '\\midrule',
    ...body,
    '\\bottomrule',
    '\\end{tabular}',
    '\\end{table}',
    '',
  ].join('\n');
}
