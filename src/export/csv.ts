import type { Table } from '../core/tables/Table.js';
import { formatCell } from './formatCell.js';

export interface CsvOptions {
  /** A UTF-8 byte order mark, so that Excel opens Chinese text correctly. */
  bom: boolean;
}

export function toCsv(table: Table, options: CsvOptions = { bom: true }): string {
  return csvHeader(table.columns, options) + csvRows(table);
}

/**
 * The header line of a table written in pieces (clauses.csv is streamed document by document):
 * csvHeader(columns) + csvRows(rows a) + csvRows(rows b) is byte for byte toCsv of the rows a then b.
 */
export function csvHeader(columns: readonly string[], options: CsvOptions = { bom: true }): string {
  return (options.bom ? '\ufeff' : '') + csvLine(columns);
}

/** The rows of a table (or of a piece of one), without header. */
export function csvRows(table: Table): string {
  let out = '';
  for (const r of table.rows) out += csvLine(r.map((cell, i) => formatCell(table, i, cell, 'data')));
  return out;
}

const NEEDS_QUOTES = /[",\n\r]/;

/**
 * One record ending in \n, written as csv-stringify writes strings with its defaults (a cell in
 * quotes when it holds a comma, a quote or a line break; quotes doubled): csv-stringify's general
 * path cost a tenth of a re-code of 1,000 documents (test/export/csv.test.ts compares the two).
 */
export function csvLine(cells: readonly string[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    if (i > 0) line += ',';
    line += NEEDS_QUOTES.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
  }
  return line + '\n';
}
