import { UserError } from '../core/errors.js';
import type { GivenMetadata } from '../core/metadata/inferMetadata.js';
import { readCsvTable } from './readCsvTable.js';

/**
 * Reads metadata.csv (columns: file, and any of title, province, year, doc_number, issuer, date,
 * level) into a map from the file's path relative to the corpus folder. A row with more or fewer
 * cells than the header is an error (strict): its cells would land under the wrong columns.
 */
export async function readMetadataCsv(path: string): Promise<Map<string, GivenMetadata>> {
  const { columns, rows } = await readCsvTable(path, [], { strict: true, label: 'metadata file' });
  if (rows.length > 0 && !columns.includes('file')) throw new UserError('input', `${path}: needs a 'file' column (the document's path inside the corpus folder)`);
  const map = new Map<string, GivenMetadata>();
  const lineOf = new Map<string, number>();
  for (const { cells: r, line } of rows) {
    if (!r.file) continue;
    const file = r.file.replace(/\\/g, '/');
    // Which of two rows would count is a guess: the user decides.
    if (lineOf.has(file)) throw new UserError('input', `${path}:${line}: ${file} is listed twice (first on line ${lineOf.get(file)})`);
    lineOf.set(file, line);
    map.set(file, r as GivenMetadata);
  }
  return map;
}
