import type { Cell, Table } from '../core/tables/Table.js';

function cell(value: Cell): string {
  // A pipe would end the cell and a newline the row.
  return String(value).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** A GitHub-flavoured Markdown table; numbers are right-aligned. */
export function toMarkdown(table: Table): string {
  const numeric = table.columns.map((_, i) => table.rows.length > 0 && table.rows.every((r) => typeof r[i] === 'number' || /^-?\d+(\.\d+)?$/.test(String(r[i] ?? ''))));
  const lines = [
    `| ${table.columns.map(cell).join(' | ')} |`,
    `|${numeric.map((n) => (n ? '---:' : '---')).join('|')}|`,
    ...table.rows.map((r) => `| ${table.columns.map((_, i) => cell(r[i] ?? '')).join(' | ')} |`),
  ];
  return lines.join('\n') + '\n';
}
