import type { Table } from '../core/tables/Table.js';
import { formatCell, headings, isNumericColumn } from './formatCell.js';

function escapeMarkdown(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** A GitHub-flavoured pipe table with its title; shares as percentages with one decimal. */
export function toMarkdown(table: Table): string {
  const head = headings(table, 'paper');
  const align = table.columns.map((_, i) => (isNumericColumn(table, i) ? '--:' : '---'));
  const line = (cells: string[]) => `| ${cells.map(escapeMarkdown).join(' | ')} |`;
  const lines = [
    ...(table.title ? [`**${escapeMarkdown(table.title)}**`, ''] : []),
    line(head),
    `|${align.join('|')}|`,
    ...table.rows.map((r) => line(r.map((cell, i) => formatCell(table, i, cell, 'paper')))),
  ];
  return lines.join('\n') + '\n';
}
