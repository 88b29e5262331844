import { readFile } from 'node:fs/promises';
import { UserError } from '../core/errors.js';
import { decodeText } from './extract/decodeText.js';

/**
 * The text of a CSV a person made, decoded as documents are (io/extract/decodeText): Excel on a
 * Chinese Windows saves "CSV" in GBK and "Unicode text" in UTF-16, which read as UTF-8 would be
 * replacement characters that nothing matches. `label` names the file in messages ("units file").
 */
export async function readCsvText(file: string, label = 'file'): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') throw new UserError('usage', `${label} is a folder, not a file: ${file}`);
    if (code === 'ENOENT') throw new UserError('usage', `${label} not found: ${file}`);
    throw new UserError('usage', `cannot read ${label} ${file}: ${(err as Error).message}`);
  }
  const kind = notATable(bytes);
  if (kind) throw new UserError('input', `${file} is ${kind}, not a CSV${kind.includes('Excel') ? ': save it as CSV in Excel (File > Save As > CSV UTF-8)' : ''}`);
  // A UTF-8 BOM decides even where a byte is damaged (a cut-off clauses.csv): decodeText would take
  // such a file for GB18030 and every character, the header's too, would be wrong.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes);
  return decodeText(bytes).text;
}

/**
 * The delimiter of a table: a tab when the header has tabs and no comma (Excel's "Unicode text",
 * UTF-16 with tabs, and .tsv files), else a comma.
 */
export function csvDelimiter(text: string): ',' | '\t' {
  const header = text.slice(0, text.indexOf('\n') >>> 0);
  return header.includes('\t') && !header.includes(',') ? '\t' : ',';
}

/** A workbook or a document by its first bytes (.xlsx is a ZIP archive, .xls an OLE2 file), whatever its name. */
function notATable(bytes: Uint8Array): string | null {
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return 'a PDF document';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'a ZIP archive (an Excel .xlsx workbook?)';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'an Excel 97 (.xls) workbook';
  return null;
}

/**
 * csv-parse's error as one short line at its line: its message quotes the offending field, which in
 * a binary file is kilobytes of noise.
 */
export function notValidCsv(file: string, err: unknown): UserError {
  const lines = (err as { lines?: number }).lines;
  const why = String((err as Error)?.message ?? err).split('\n')[0]!.replace(/ (on field|value is) .*/, '').slice(0, 160);
  return new UserError('input', `${file}${lines ? `:${lines}` : ''}: not a valid CSV (${why})`);
}
