import type ExcelJS from 'exceljs';
import type { Table } from '../core/tables/Table.js';
import { writeUserFile } from './writeUserFile.js';
import { zipFiles } from './zipFiles.js';

/**
 * exceljs takes about a second to import; loaded on first use, so that commands that never touch a
 * workbook (analyze, recode) do not pay for it at start-up.
 */
async function excel(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}

/** The date in the workbook's properties and on its zip entries: the same sheet gives the same bytes. */
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));

/** exceljs stamps every zip entry with the time of writing; the entries again, in order, at FIXED_DATE. */
async function stableZip(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await (await import('jszip')).default.loadAsync(bytes);
  const files = Object.values(zip.files).filter((f) => !f.dir);
  return zipFiles(await Promise.all(files.map(async (f) => ({ name: f.name, data: await f.async('uint8array') }))), FIXED_DATE);
}

export interface XlsxOptions {
  /** Column widths in characters, by column name. */
  widths?: Record<string, number>;
  /** Columns a coder fills in: highlighted and left unlocked. */
  input?: readonly string[];
}

/** Writes tables as the sheets of one .xlsx workbook (exceljs), atomically. */
export async function writeXlsx(file: string, sheets: ReadonlyArray<{ table: Table; options?: XlsxOptions }>): Promise<void> {
  const book = new (await excel()).Workbook();
  book.creator = 'policy-code';
  book.created = book.modified = FIXED_DATE;
  for (const { table, options } of sheets) {
    const sheet = book.addWorksheet(table.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.columns.map((c) => ({ header: c, key: c, width: options?.widths?.[c] ?? Math.min(40, Math.max(10, c.length + 2)) }));
    for (const row of table.rows) sheet.addRow(row);
    sheet.getRow(1).font = { bold: true };
    for (const name of options?.input ?? []) {
      const col = sheet.getColumn(table.columns.indexOf(name) + 1);
      col.eachCell((cell, n) => {
        if (n > 1) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
      });
    }
    const textCol = table.columns.indexOf('text');
    if (textCol >= 0) sheet.getColumn(textCol + 1).alignment = { wrapText: true, vertical: 'top' };
  }
  await writeUserFile(file, await stableZip(new Uint8Array(await book.xlsx.writeBuffer())));
}
