import { stringify } from 'csv-stringify/sync';
import type { Table } from '../core/tables/Table.js';

export interface CsvOptions {
  /** A UTF-8 byte order mark, so that Excel opens Chinese text correctly. */
  bom: boolean;
}

export function toCsv(table: Table, options: CsvOptions = { bom: true }): string {
  return stringify([table.columns, ...table.rows], { bom: options.bom, record_delimiter: '\n' });
}
