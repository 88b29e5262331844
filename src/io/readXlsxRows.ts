import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type ExcelJS from 'exceljs';
import { UserError } from '../core/errors.js';
import { zipSizeProblem } from './zipSizeProblem.js';

/** A filled review sheet is a few megabytes of XML at most; more is an archive bomb, not a sheet. */
const MAX_SHEET_XML_BYTES = 100 * 1024 * 1024;

/** exceljs loaded on first use (about a second to import), as in writeXlsx. */
async function excel(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return value.result === undefined ? '' : String(value.result);
  }
  return String(value);
}

/** Reads the first sheet of an .xlsx file as rows keyed by the header row's names. */
export async function readXlsxRows(file: string): Promise<{ columns: string[]; rows: Array<{ line: number; cells: Record<string, string> }> }> {
  if (!existsSync(file)) throw new UserError('usage', `file not found: ${file}`);
  // Checked before exceljs unpacks anything: it would inflate a bomb whole, in memory.
  const problem = zipSizeProblem(new Uint8Array(await readFile(file)), MAX_SHEET_XML_BYTES);
  if (problem) throw new UserError('input', `${file}: ${problem.status === 'refused' ? problem.message : `not a readable .xlsx file (${problem.message})`}`);
  const book = new (await excel()).Workbook();
  try {
    await book.xlsx.readFile(file);
  } catch (err) {
    throw new UserError('input', `${file}: not a readable .xlsx file (${(err as Error).message.split('\n')[0]})`);
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw new UserError('input', `${file}: the workbook has no sheet`);
  const columns: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => {
    columns[col - 1] = cellText(cell.value).trim();
  });
  const rows: Array<{ line: number; cells: Record<string, string> }> = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    if (line === 1) return;
    const cells: Record<string, string> = {};
    columns.forEach((c, i) => {
      if (c) cells[c] = cellText(row.getCell(i + 1).value);
    });
    if (Object.values(cells).some((v) => v.trim() !== '')) rows.push({ line, cells });
  });
  return { columns, rows };
}
