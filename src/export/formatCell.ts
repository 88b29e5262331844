import { round } from '../core/tables/describe.js';
import type { Cell, Table } from '../core/tables/Table.js';

/**
 * `data` is for CSV and xlsx (shares as proportions with four decimals, re-readable by software);
 * `paper` is for Markdown and LaTeX (shares as percentages with one decimal, as papers print them).
 */
export type NumberStyle = 'data' | 'paper';

/** A cell as text. Non-finite numbers (a share of nothing) become an empty cell. */
export function formatCell(table: Table, column: number, cell: Cell, style: NumberStyle): string {
  if (typeof cell === 'string') return cell;
  const kind = table.kinds?.[table.columns[column]!];
  if (!Number.isFinite(cell)) return '';
  if (kind === 'share') return style === 'paper' ? round(cell * 100, 1) : round(cell, 4);
  if (kind === 'decimal2') return round(cell, 2);
  return String(cell);
}

/** Column headings: ids for data formats, the table's headers for paper formats, "(%)" after shares. */
export function headings(table: Table, style: NumberStyle): string[] {
  if (style === 'data') return table.columns;
  return table.columns.map((c, i) => `${table.headers?.[i] ?? c}${table.kinds?.[c] === 'share' ? ' (%)' : ''}`);
}

/** Right-aligned in the paper formats: every cell a number, a number already written as text, or empty. */
export function isNumericColumn(table: Table, column: number): boolean {
  return table.rows.length > 0 && table.rows.every((r) => typeof r[column] === 'number' || /^(-?\d+(\.\d+)?)?$/.test(String(r[column] ?? '')));
}
