import { stringify } from 'csv-stringify/sync';
import type { Cell, Table } from '../core/tables/Table.js';

export interface CsvOptions {
  /** A UTF-8 byte order mark, so that Excel opens Chinese text correctly. */
  bom: boolean;
}

export function toCsv(table: Table, options: CsvOptions = { bom: true }): string {
  return csvHeader(table.columns, options) + csvRows(table.rows);
}

/**
 * The header line of a table written in pieces (clauses.csv is streamed document by document):
 * csvHeader(columns) + csvRows(a) + csvRows(b) is byte for byte toCsv of the rows a then b.
 */
export function csvHeader(columns: readonly string[], options: CsvOptions = { bom: true }): string {
  return (options.bom ? '\ufeff' : '') + csvRows([columns as string[]]);
}

export function csvRows(rows: readonly (readonly Cell[])[]): string {
  return rows.length === 0 ? '' : stringify(rows as Cell[][], { record_delimiter: '\n' });
}
