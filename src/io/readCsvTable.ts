import { readFile } from 'node:fs/promises';
import { UserError } from '../core/errors.js';

export interface CsvTable {
  file: string;
  columns: string[];
  /** Rows keyed by (trimmed) column name; `line` is the row's line in the file, for messages. */
  rows: Array<{ line: number; cells: Record<string, string> }>;
}

/**
 * Reads a CSV with a header row (UTF-8, with or without BOM); a missing file or bad CSV is a
 * UserError. Cells are trimmed unless `trim` is false (e.g. where a text's hash is checked).
 */
export async function readCsvTable(file: string, required: readonly string[] = [], options: { trim: boolean } = { trim: true }): Promise<CsvTable> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UserError('usage', `file not found: ${file}`);
  }
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    // Loaded on use: most runs read no CSV, and the module costs start-up time of every command.
    const { parse } = await import('csv-parse/sync');
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, info: true }) as unknown as typeof records;
  } catch (err) {
    throw new UserError('input', `${file}: not a valid CSV (${(err as Error).message.split('\n')[0]})`);
  }
  const [header, ...body] = records;
  const columns = (header?.record ?? []).map((h) => h.trim());
  const missing = required.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    throw new UserError('input', `${file}: needs the column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `'${m}'`).join(', ')} (found: ${columns.join(', ') || 'none'})`);
  }
  return {
    file,
    columns,
    rows: body.map(({ record, info }) => ({
      line: info.lines,
      cells: Object.fromEntries(columns.map((c, i) => [c, options.trim ? (record[i] ?? '').trim() : (record[i] ?? '')])),
    })),
  };
}
