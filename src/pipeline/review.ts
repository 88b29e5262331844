import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import { UserError } from '../core/errors.js';
import { codeAliases } from '../core/review/coderCodes.js';
import { checkReviewSheet, type KnownClause, type SheetRow } from '../core/review/checkReviewSheet.js';
import { MANUAL_COLUMNS, manualCodeFromCells, manualCodeRow, mergeManualCodes, type ManualCode } from '../core/review/manualCodes.js';
import { stratifiedSample } from '../core/sampling/stratifiedSample.js';
import type { Table } from '../core/tables/Table.js';
import { toCsv } from '../export/csv.js';
import { uncertainFirst } from '../core/review/uncertainFirst.js';
import { writeUserFile } from '../io/writeUserFile.js';
import { sha256 } from '../io/hash.js';
import { readCsvTable } from '../io/readCsvTable.js';
import { loadCodebook } from '../io/readCodebook.js';
import { readSheet } from '../io/readSheet.js';
import { writeXlsx } from '../io/writeXlsx.js';
import { importTarget } from './manualCodesFile.js';

/** The hash that ties a manual code to the clause text a person read (first 16 hex digits of SHA-256). */
export function clauseTextHash(text: string): string {
  return sha256(text).slice(0, 16);
}

export interface AnalyzedClause extends KnownClause {
  clauseId: string;
  primary: string;
  instruments: string;
  matchedTerms: string;
  /** The coder's confidence in the primary code; null in outputs of versions before 0.2. */
  confidence: number | null;
  runnerUp: string;
  codeSource: string;
}

/** Reads the clauses of an analyze output folder (clauses.csv, and documents.csv for file names). */
export async function readAnalyzedClauses(folder: string): Promise<AnalyzedClause[]> {
  const clausesFile = join(folder, 'clauses.csv');
  if (!existsSync(clausesFile)) throw new UserError('usage', `${clausesFile} not found: give the output folder of 'policy-code analyze'`);
  const clauses = await readCsvTable(clausesFile, ['clause_id', 'doc_id', 'text', 'primary'], { trim: false });
  const files = new Map<string, string>();
  const shas = new Map<string, string>();
  const documentsFile = join(folder, 'documents.csv');
  if (existsSync(documentsFile)) {
    for (const { cells } of (await readCsvTable(documentsFile, ['doc_id', 'file'])).rows) {
      files.set(cells.doc_id!, cells.file!);
      shas.set(cells.doc_id!, cells.sha256 ?? '');
    }
  }
  return clauses.rows.map(({ cells }) => ({
    clauseId: cells.clause_id!.trim(),
    docId: cells.doc_id!.trim(),
    file: files.get(cells.doc_id!.trim()) ?? '',
    docSha256: shas.get(cells.doc_id!.trim()) ?? '',
    text: cells.text!,
    textSha256: clauseTextHash(cells.text!),
    primary: cells.primary!.trim(),
    instruments: (cells.instruments ?? '').trim(),
    matchedTerms: (cells.matched_terms ?? '').trim(),
    confidence: (cells.confidence ?? '').trim() === '' ? null : Number(cells.confidence),
    runnerUp: (cells.runner_up ?? '').trim(),
    codeSource: (cells.code_source ?? 'auto').trim(),
  }));
}

export const REVIEW_COLUMNS = [
  'clause_id', 'doc_id', 'file', 'text', 'auto_primary', 'auto_instruments', 'matched_terms', 'confidence', 'runner_up', 'code_source',
  'coder_primary', 'coder_secondary', 'comment', 'text_sha256',
];
const CODER_COLUMNS = ['coder_primary', 'coder_secondary', 'comment'];

export interface ExportOptions {
  from: string;
  out: string;
  codebook: string;
  sample?: { size: number; seed: number };
  /** Put this many least confident clauses first (core/review/uncertainFirst.ts). */
  uncertain?: number;
}

/** Writes the review sheet as .xlsx (with a sheet of the codebook's codes) and as .csv beside it. */
export async function exportReview(options: ExportOptions): Promise<{ files: string[]; clauses: number; of: number }> {
  const ext = extname(options.out).toLowerCase();
  if (ext !== '.xlsx' && ext !== '.csv') throw new UserError('usage', `--out ${options.out}: give a .xlsx or .csv file name (both are written)`);
  const { codebook } = await loadCodebook(options.codebook);
  const all = await readAnalyzedClauses(options.from);
  const drawn = options.sample ? stratifiedSample(all, options.sample.size, options.sample.seed, (c) => c.primary) : all;
  const chosen = options.uncertain === undefined ? drawn : uncertainFirst(drawn, options.uncertain);
  const sheet: Table = {
    name: 'review',
    columns: REVIEW_COLUMNS,
    rows: chosen.map((c) => [c.clauseId, c.docId, c.file, c.text, c.primary, c.instruments, c.matchedTerms, c.confidence ?? '', c.runnerUp, c.codeSource, '', '', '', c.textSha256]),
  };
  const codes: Table = {
    name: 'codes',
    columns: ['code', 'label', 'dimension'],
    rows: [...codebook.leaves.map((l) => [l.id, l.label.zh + (l.label.en ? ` (${l.label.en})` : ''), l.dimension]), ['none', '无政策工具 (no instrument)', '']],
  };
  const stem = options.out.slice(0, -ext.length);
  const xlsx = `${stem}.xlsx`;
  const csv = `${stem}.csv`;
  await writeXlsx(xlsx, [
    { table: sheet, options: { widths: { text: 60, matched_terms: 30, file: 24, comment: 30 }, input: CODER_COLUMNS } },
    { table: codes },
  ]);
  await writeUserFile(csv, toCsv(sheet));
  return { files: [xlsx, csv], clauses: chosen.length, of: all.length };
}

/** Reads codings/manual.csv; an absent file is no manual codes. */
export async function readManualCodes(file: string): Promise<ManualCode[]> {
  if (!existsSync(file)) return [];
  const table = await readCsvTable(file, ['clause_id', 'text_sha256', 'primary'], { trim: false });
  return table.rows.map(({ cells }) => manualCodeFromCells(Object.fromEntries(Object.entries(cells).map(([k, v]) => [k, k === 'text' ? v : v.trim()]))));
}

export async function writeManualCodes(file: string, codes: readonly ManualCode[]): Promise<void> {
  await writeUserFile(file, toCsv({ name: 'manual', columns: MANUAL_COLUMNS, rows: codes.map(manualCodeRow) }));
}

export interface ImportOptions {
  sheet: string;
  from: string;
  /** The manual codes file to update; default: importTarget(from). */
  manual?: string;
  codebook: string;
}

export interface ImportReport {
  imported: number;
  blank: number;
  /** Rows found under a new clause id (the corpus changed since the export). */
  moved: number;
  /** Manual codes in the file after the import. */
  total: number;
  manual: string;
}

/** Checks a filled review sheet and, only when it has no problem at all, stores its codes in the manual codes file. */
export async function importReview(options: ImportOptions): Promise<ImportReport> {
  const { codebook } = await loadCodebook(options.codebook);
  const sheet = await readSheet(options.sheet);
  const rows: SheetRow[] = sheet.rows;
  // Checked on the header, so that an empty file is no review sheet either (it would write an empty manual codes file).
  const missing = ['clause_id', 'text_sha256', 'coder_primary'].filter((c) => !sheet.columns.includes(c));
  if (missing.length > 0) throw new UserError('input', `${options.sheet}: not a review sheet: no column ${missing.join(', ')} (make one with 'policy-code review export')`);
  const clauses = new Map((await readAnalyzedClauses(options.from)).map((c) => [c.clauseId, c]));
  const check = checkReviewSheet(options.sheet, rows, clauses, codebook.leaves.map((l) => l.id), clauseTextHash, codeAliases(codebook.leaves));
  if (check.problems.length > 0) {
    throw new UserError('input', `${options.sheet}: ${check.problems.length} problem${check.problems.length > 1 ? 's' : ''}; nothing was imported`, check.problems);
  }
  const manual = options.manual ?? importTarget(options.from);
  const merged = mergeManualCodes(await readManualCodes(manual), check.codes);
  await writeManualCodes(manual, merged);
  return { imported: check.codes.length, blank: check.blank, moved: check.moved, total: merged.length, manual };
}
