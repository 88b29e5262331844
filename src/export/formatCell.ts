import { round } from '../core/tables/round.js';
import type { Cell, Table } from '../core/tables/Table.js';

/**
 * `data` is for CSV and xlsx (shares as proportions with four decimals, re-readable by software);
 * `paper` is for Markdown and LaTeX (shares as percentages with one decimal, as papers print them).
 */
export type NumberStyle = 'data' | 'paper';

/** A cell as text. Non-finite numbers (a share of nothing) become an empty cell. */
export function formatCell(table: Table, column: number, cell: Cell, style: NumberStyle): string {
  if (typeof cell === 'string') return style === 'paper' ? (table.paperText?.[cell] ?? cell) : cell;
  const kind = table.kinds?.[table.columns[column]!];
  if (!Number.isFinite(cell)) return '';
  if (kind === 'share') return style === 'paper' ? round(cell * 100, 1) : round(cell, 4);
  if (kind === 'decimal2') return round(cell, 2);
  if (kind === 'decimal3') return round(cell, 3);
  if (kind === 'pvalue') {
    if (style === 'paper') return cell < 0.001 ? '< 0.001' : round(cell, 3);
    // Data keep a tiny p readable by software (2.628e-7), not rounded to zero.
    return cell !== 0 && cell < 1e-4 ? cell.toExponential(3) : round(cell, 6);
  }
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

/** Indices of the columns the paper formats show, in order. */
export function paperColumns(table: Table): number[] {
  const hidden = new Set(table.dataOnly ?? []);
  return table.columns.map((c, i) => (hidden.has(c) ? -1 : i)).filter((i) => i >= 0);
}

/** The table as the paper formats print it: headings, formatted rows and alignment of the shown columns. */
export function paperTable(table: Table): { head: string[]; rows: string[][]; numeric: boolean[] } {
  const shown = paperColumns(table);
  const head = headings(table, 'paper');
  return {
    head: shown.map((i) => head[i]!),
    rows: table.rows.map((r) => shown.map((i) => formatCell(table, i, r[i] ?? '', 'paper'))),
    numeric: shown.map((i) => isNumericColumn(table, i)),
  };
}
