import { extname } from 'node:path';
import { UserError } from '../core/errors.js';
import type { Table } from '../core/tables/Table.js';
import { toCsv } from '../export/csv.js';
import { toMarkdown } from '../export/markdown.js';
import { writeUserFile } from '../io/writeUserFile.js';
import { writeOutputs } from '../io/writeOutputs.js';

/** Writes each table as `<name>.csv` and `<name>.md` into a folder, all or none. */
export async function writeReportTables(dir: string, tables: readonly Table[]): Promise<string[]> {
  const files = new Map<string, string>();
  for (const t of tables) {
    files.set(`${t.name}.csv`, toCsv(t));
    files.set(`${t.name}.md`, toMarkdown(t));
  }
  return writeOutputs(dir, files);
}

/** Writes one table to a file whose extension picks the format: .csv, or .md / .markdown. */
export async function writeTableFile(file: string, table: Table): Promise<void> {
  const ext = extname(file).toLowerCase();
  if (ext === '.csv') return writeUserFile(file, toCsv(table));
  if (ext === '.md' || ext === '.markdown') return writeUserFile(file, toMarkdown(table));
  throw new UserError('usage', `--out ${file}: give a .csv or .md file name (the extension picks the format)`);
}
