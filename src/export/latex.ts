import type { Table } from '../core/tables/Table.js';
import { TOTAL } from '../core/tables/crosstabs.js';
import { paperTable } from './formatCell.js';
import { layoutOf } from './latexLayout.js';

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

/** The preamble every table needs, for users and for the compile test. */
export const LATEX_PREAMBLE = ['\\usepackage{booktabs}', '\\usepackage{tabularx}', '\\usepackage{longtable}', '\\usepackage{pdflscape}'];

/**
 * A booktabs table with caption, label and notes, shares as percentages with one decimal, laid
 * out to fit the page (layoutOf): a table float, or a longtable that repeats its heading on every page.
 */
export function toLatex(table: Table): string {
  const paper = paperTable(table);
  const notes = (table.notes ?? []).map(escapeLatex);
  const noteLines = notes.reduce((a, n) => a + Math.ceil(n.length / 60), 0);
  const layout = layoutOf(paper.head, paper.rows, paper.numeric, noteLines + 2);
  // An id shown for a label without translation (scientific_technical) may break after its underscores.
  const cell = (c: string) => escapeLatex(c).replace(/\\_/g, '\\_\\allowbreak{}');
  const row = (cells: string[]) => `${cells.map(cell).join(' & ')} \\\\`;
  const rules = new Set(table.rules ?? []);
  const body: string[] = [];
  table.rows.forEach((r, i) => {
    if (rules.has(i) || (!table.rules && r[0] === TOTAL)) body.push('\\midrule');
    body.push(row(paper.rows[i]!));
  });
  const caption = table.title ? `\\caption{${escapeLatex(table.title)}}` : '';
  const label = `\\label{tab:${table.name.replace(/[^A-Za-z0-9:-]/g, '-')}}`;
  const noteParagraphs = notes.map((note) => `\\par\\smallskip\\noindent\\parbox{\\linewidth}{\\footnotesize ${note}}`);
  const head = ['\\toprule', row(paper.head), '\\midrule'];
  const float = [
    '\\begin{table}[htbp]',
    '\\centering',
    ...(layout.size ? [layout.size] : []),
    ...(layout.tabcolsep ? [`\\setlength{\\tabcolsep}{${layout.tabcolsep}pt}`] : []),
    ...(caption ? [caption] : []),
    label,
    layout.tabularx ? `\\begin{tabularx}{\\linewidth}{${layout.spec}}` : `\\begin{tabular}{${layout.spec}}`,
    ...head,
    ...body,
    '\\bottomrule',
    layout.tabularx ? '\\end{tabularx}' : '\\end{tabular}',
    ...noteParagraphs,
    '\\end{table}',
  ];
  const long = [
    `{${layout.size || '\\normalsize'}${layout.tabcolsep ? `\\setlength{\\tabcolsep}{${layout.tabcolsep}pt}` : ''}`,
    `\\begin{longtable}{${layout.spec}}`,
    `${caption}${label}\\\\`,
    ...head,
    '\\endfirsthead',
    ...head,
    '\\endhead',
    '\\bottomrule',
    '\\endlastfoot',
    ...body,
    '\\end{longtable}',
    ...noteParagraphs,
    '}',
  ];
  return [
    `% policy-code table '${table.name}'. Preamble: ${LATEX_PREAMBLE.join(' ')}`,
    '% Chinese text needs XeLaTeX (or LuaLaTeX) with \\usepackage{xeCJK} or the ctex classes (\\documentclass{ctexart}).',
    ...(layout.landscape ? ['\\begin{landscape}'] : []),
    ...(layout.long ? long : float),
    ...(layout.landscape ? ['\\end{landscape}'] : []),
    '',
  ].join('\n');
}
