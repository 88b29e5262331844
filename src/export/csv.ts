import { stringify } from 'csv-stringify/sync';
import type { Table } from '../core/tables/Table.js';
import { formatCell } from './formatCell.js';

export interface CsvOptions {
  /** A UTF-8 byte order mark, so that Excel opens Chinese text correctly. */
  bom: boolean;
}

export function toCsv(table: Table, options: CsvOptions = { bom: true }): string {
  const rows = table.rows.map((r) => r.map((cell, i) => formatCell(table, i, cell, 'data')));
  return stringify([table.columns, ...rows], { bom: options.bom, record_delimiter: '\n' });
}
