import { UserError } from '../core/errors.js';
import { csvDelimiter, notValidCsv, readCsvText } from './readCsvText.js';

export interface CsvTable {
  file: string;
  columns: string[];
  /** Rows keyed by (trimmed) column name; `line` is the row's line in the file, for messages. */
  rows: Array<{ line: number; cells: Record<string, string> }>;
}

/**
 * Reads a CSV with a header row (UTF-8 with or without BOM, UTF-16 with BOM, GBK/GB18030, Big5:
 * io/readCsvText); a missing file or bad CSV is a UserError. Cells are trimmed unless `trim` is
 * false (e.g. where a text's hash is checked). Rows of empty cells (left by Excel where rows were
 * cleared) are skipped. With `strict`, a row with more cells than the header is an error (a text
 * with unquoted commas) instead of being cut to the header.
 */
export async function readCsvTable(file: string, required: readonly string[] = [], options: { trim?: boolean; strict?: boolean; label?: string } = {}): Promise<CsvTable> {
  const text = await readCsvText(file, options.label);
  const trim = options.trim ?? true;
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    // Loaded on use: most runs read no CSV, and the module costs start-up time of every command.
    const { parse } = await import('csv-parse/sync');
    records = parse(text, { delimiter: csvDelimiter(text), bom: true, skip_empty_lines: true, skip_records_with_empty_values: true, relax_column_count: options.strict !== true, info: true }) as unknown as typeof records;
  } catch (err) {
    throw notValidCsv(file, err);
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
      cells: Object.fromEntries(columns.map((c, i) => [c, trim ? (record[i] ?? '').trim() : (record[i] ?? '')])),
    })),
  };
}
