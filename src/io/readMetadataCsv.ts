import { UserError } from '../core/errors.js';
import type { GivenMetadata } from '../core/metadata/inferMetadata.js';
import { csvDelimiter, notValidCsv, readCsvText } from './readCsvText.js';

/**
 * Reads metadata.csv (columns: file, and any of title, province, year, doc_number, issuer, date,
 * level) into a map from the file's path relative to the corpus folder.
 */
export async function readMetadataCsv(path: string): Promise<Map<string, GivenMetadata>> {
  const text = await readCsvText(path, 'metadata file');
  let rows: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    // Loaded on use, as in readCsvTable: most runs read no CSV and start faster without it.
    const { parse } = await import('csv-parse/sync');
    rows = parse(text, { delimiter: csvDelimiter(text), columns: true, bom: true, skip_empty_lines: true, skip_records_with_empty_values: true, trim: true, info: true }) as unknown as typeof rows;
  } catch (err) {
    throw notValidCsv(path, err);
  }
  if (rows.length > 0 && !('file' in rows[0]!.record)) throw new UserError('input', `${path}: needs a 'file' column (the document's path inside the corpus folder)`);
  const map = new Map<string, GivenMetadata>();
  const lineOf = new Map<string, number>();
  for (const { record: r, info } of rows) {
    if (!r.file) continue;
    const file = r.file.replace(/\\/g, '/');
    // Which of two rows would count is a guess: the user decides.
    if (lineOf.has(file)) throw new UserError('input', `${path}:${info.lines}: ${file} is listed twice (first on line ${lineOf.get(file)})`);
    lineOf.set(file, info.lines);
    map.set(file, r as GivenMetadata);
  }
  return map;
}
