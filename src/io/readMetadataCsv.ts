import { UserError } from '../core/errors.js';
import type { GivenMetadata } from '../core/metadata/inferMetadata.js';
import { notValidCsv, readCsvText } from './readCsvText.js';

/**
 * Reads metadata.csv (columns: file, and any of title, province, year, doc_number, issuer, date,
 * level) into a map from the file's path relative to the corpus folder.
 */
export async function readMetadataCsv(path: string): Promise<Map<string, GivenMetadata>> {
  const text = await readCsvText(path, 'metadata file');
  let rows: Array<Record<string, string>>;
  try {
    // Loaded on use, as in readCsvTable: most runs read no CSV and start faster without it.
    const { parse } = await import('csv-parse/sync');
    rows = parse(text, { columns: true, bom: true, skip_empty_lines: true, skip_records_with_empty_values: true, trim: true });
  } catch (err) {
    throw notValidCsv(path, err);
  }
  if (rows.length > 0 && !('file' in rows[0]!)) throw new UserError('input', `${path}: needs a 'file' column (the document's path inside the corpus folder)`);
  const map = new Map<string, GivenMetadata>();
  for (const r of rows) {
    if (r.file) map.set(r.file.replace(/\\/g, '/'), r as GivenMetadata);
  }
  return map;
}
