import type { ManualCode } from './manualCodes.js';
import { unitCodes } from '../reliability/parseCodes.js';
import { NONE } from '../types.js';

/** A clause of the current analysis, as the review checks it. */
export interface KnownClause {
  docId: string;
  file: string;
  /** sha256 of the document's file ('' when the analysis folder does not say). */
  docSha256?: string;
  text: string;
  textSha256: string;
}

export interface SheetRow {
  /** Row number in the sheet (1 = header), for messages. */
  line: number;
  cells: Record<string, string>;
}

export interface ReviewCheck {
  codes: ManualCode[];
  /** Rows with no code in them (not reviewed yet). */
  blank: number;
  problems: string[];
}

/**
 * Checks a filled review sheet against the current clauses and codebook and turns it into manual
 * codes. Every problem is collected, so that a coder can fix the sheet in one pass: an unknown
 * code, an unknown clause id, a clause whose text changed since the export (or whose text was
 * edited in the sheet), a clause listed twice, a secondary code without a primary.
 */
export function checkReviewSheet(
  sheet: string,
  rows: readonly SheetRow[],
  clauses: ReadonlyMap<string, KnownClause>,
  labels: readonly string[],
  hash: (text: string) => string,
): ReviewCheck {
  const known = new Set([...labels, NONE]);
  const problems: string[] = [];
  const firstLine = new Map<string, number>();
  const codes: ManualCode[] = [];
  let blank = 0;
  for (const { line, cells } of rows) {
    const at = `${sheet}:${line}`;
    const id = (cells.clause_id ?? '').trim();
    const primary = (cells.coder_primary ?? '').trim();
    const secondary = (cells.coder_secondary ?? '').trim();
    if (!id) {
      if (primary || secondary) problems.push(`${at}: a code without a clause_id`);
      continue;
    }
    if (firstLine.has(id)) {
      problems.push(`${at}: clause ${id} is listed twice (first on row ${firstLine.get(id)})`);
      continue;
    }
    firstLine.set(id, line);
    if (!primary && !secondary) {
      blank++;
      continue;
    }
    const clause = clauses.get(id);
    if (!clause) {
      problems.push(`${at}: unknown clause id '${id}' (not in the analysis' clauses.csv)`);
      continue;
    }
    const sheetHash = (cells.text_sha256 ?? '').trim();
    if (!sheetHash) problems.push(`${at}: clause ${id} has no text_sha256 (export the sheet with 'review export')`);
    else if (sheetHash !== clause.textSha256) problems.push(`${at}: clause ${id}: its text changed since the sheet was exported`);
    else if (cells.text !== undefined && hash(cells.text) !== sheetHash) problems.push(`${at}: clause ${id}: the text in the sheet was edited (the code would not match the clause)`);
    if (!primary) {
      problems.push(`${at}: clause ${id}: secondary codes without a primary code`);
      continue;
    }
    const c = unitCodes(primary, secondary)!;
    for (const code of [c.primary, ...c.secondary]) {
      if (!known.has(code)) problems.push(`${at}: clause ${id}: unknown code '${code}'`);
    }
    if (c.secondary.includes(NONE)) problems.push(`${at}: clause ${id}: 'none' cannot be a secondary code`);
    codes.push({
      clauseId: id,
      docId: clause.docId,
      file: clause.file,
      docSha256: clause.docSha256 ?? '',
      textSha256: clause.textSha256,
      primary: c.primary,
      secondary: c.secondary,
      comment: (cells.comment ?? '').trim(),
      text: clause.text,
    });
  }
  if (problems.length === 0 && codes.length === 0 && blank > 0) problems.push(`${sheet}: no row has a coder_primary: nothing to import`);
  return { codes, blank, problems };
}
