import { extname } from 'node:path';
import { UserError } from '../core/errors.js';
import { readCsvTable } from './readCsvTable.js';
import { readXlsxRows } from './readXlsxRows.js';

export interface SheetTable {
  columns: string[];
  /** `line` is the row's number in the sheet or file (the header is line 1). */
  rows: Array<{ line: number; cells: Record<string, string> }>;
}

/** Reads a table a person filled in: the first sheet of an .xlsx file, or a .csv file (cells untrimmed). */
export async function readSheet(file: string): Promise<SheetTable> {
  const ext = extname(file).toLowerCase();
  if (ext === '.xlsx') return readXlsxRows(file);
  if (ext === '.csv') return readCsvTable(file, [], { trim: false });
  throw new UserError('usage', `${file}: expected a .csv or .xlsx file`);
}
