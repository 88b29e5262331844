import { stringify } from 'csv-stringify/sync';
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
  return (options.bom ? '\ufeff' : '') + stringify([columns as string[]], { record_delimiter: '\n' });
}

/** The rows of a table (or of a piece of one), without header. */
export function csvRows(table: Table): string {
  if (table.rows.length === 0) return '';
  return stringify(
    table.rows.map((r) => r.map((cell, i) => formatCell(table, i, cell, 'data'))),
    { record_delimiter: '\n' },
  );
}

const NEEDS_QUOTES = /[",\n\r]/;

/**
 * One clauses.csv record ending in \n, written as csv-stringify writes strings with its defaults (a
 * cell in quotes when it holds a comma, a quote or a line break; quotes doubled). Only the clause
 * stream uses it: there csv-stringify's general path cost a tenth of a re-code of 1,000 documents;
 * the tables go through csv-stringify (test/export/csv.test.ts compares the two on random rows).
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
