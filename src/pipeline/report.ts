import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../core/errors.js';
import { checkConditions } from '../core/tables/selectDocuments.js';
import { parseSummaries, SUMMARIES_FILE } from '../core/tables/summariesFile.js';
import { writeOutputs } from '../io/writeOutputs.js';
import { tableOutputs, type TableOutputOptions } from './tableOutputs.js';
import { VERSION } from './version.js';
import { writeReportHtml } from './writeReportHtml.js';

export interface ReportOptions {
  /** The output folder of an earlier `analyze` run. */
  from: string;
  /** Where to write the tables (default: the same folder). */
  out: string;
  tables: TableOutputOptions;
}

export interface ReportResult {
  outputs: string[];
  selected: number;
  /** Selected documents that enter the statistics (status ok): duplicates and the unread do not. */
  counted: number;
  documents: number;
}

async function readText(path: string, missing: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR') throw new UserError('usage', missing);
    throw err;
  }
}

/**
 * Rebuilds every table and figure from an earlier run's summaries.json, without reading or coding
 * any document, and rewrites run.json with the new table options (the rest of the run is kept).
 */
export async function report(options: ReportOptions): Promise<ReportResult> {
  const summariesPath = join(options.from, SUMMARIES_FILE);
  const text = await readText(summariesPath, `${summariesPath} not found: report needs the output folder of 'policy-code analyze'`);
  const summaries = parseSummaries(text, summariesPath);
  checkConditions(options.tables.conditions, summaries.codebooks);
  let previous: Record<string, unknown> = {};
  try {
    previous = JSON.parse(await readFile(join(options.from, 'run.json'), 'utf8')) as Record<string, unknown>;
  } catch {
    // run.json is a record, not an input: a report without it is still complete.
  }
  // The methods text states the unit of the run the summaries come from.
  const unit = previous.unit === 'item' || previous.unit === 'sentence' ? previous.unit : null;
  const tables = await tableOutputs(summaries, { ...options.tables, unit });
  const run = { ...previous, tables: tables.manifest, report: { version: VERSION, from: options.from } };
  const files = new Map(tables.files);
  files.set('run.json', JSON.stringify(run, null, 2) + '\n');
  // The page first: it reads clauses.csv, the one input here that can still be bad, and a bad one then stops the report before any table is rewritten.
  const corpus = typeof previous.corpus === 'string' ? previous.corpus : options.from;
  const page = { out: options.out, clausesCsv: join(options.from, 'clauses.csv'), corpus, codebooks: summaries.codebooks, documents: summaries.documents, tables: options.tables, built: tables.tables };
  const html = (await writeReportHtml(page)).file;
  const outputs = [...(await writeOutputs(options.out, files)), html];
  const { selected, counted } = tables.manifest.documents as { selected: number; counted: number };
  return { outputs, selected, counted, documents: summaries.documents.length };
}
