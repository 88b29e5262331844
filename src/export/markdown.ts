import type { Table } from '../core/tables/Table.js';
import { paperTable } from './formatCell.js';

function escapeMarkdown(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** A GitHub-flavoured pipe table with its title and notes; shares as percentages with one decimal. */
export function toMarkdown(table: Table): string {
  const paper = paperTable(table);
  const line = (cells: string[]) => `| ${cells.map(escapeMarkdown).join(' | ')} |`;
  const lines = [
    ...(table.title ? [`**${escapeMarkdown(table.title)}**`, ''] : []),
    line(paper.head),
    `|${paper.numeric.map((n) => (n ? '--:' : '---')).join('|')}|`,
    ...paper.rows.map(line),
    ...(table.notes ?? []).flatMap((n) => ['', `*${escapeMarkdown(n)}*`]),
  ];
  return lines.join('\n') + '\n';
}
