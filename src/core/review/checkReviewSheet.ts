import type { ManualCode } from './manualCodes.js';
import { codeAliases, coderCodes } from './coderCodes.js';
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
  /** Rows whose clause id now names another clause, found by their file and text under a new id. */
  moved: number;
  problems: string[];
}

/**
 * Checks a filled review sheet against the current clauses and codebook and turns it into manual
 * codes. Every problem is collected, so that a coder can fix the sheet in one pass: an unknown
 * code, an unknown clause id, a clause whose text changed since the export (or whose text was
 * edited in the sheet), a clause listed twice, a secondary code without a primary. A row whose clause
 * id names another clause now (documents added or removed since the export renumber the ids) is
 * found by its file and text, as analyze places manual codes, and imported under the clause's new id.
 */
export function checkReviewSheet(
  sheet: string,
  rows: readonly SheetRow[],
  clauses: ReadonlyMap<string, KnownClause>,
  labels: readonly string[],
  hash: (text: string) => string,
  aliases: ReadonlyMap<string, string> = codeAliases(labels.map((id) => ({ id, label: { zh: id } }))),
): ReviewCheck {
  const problems: string[] = [];
  const firstLine = new Map<string, number>();
  const codes: ManualCode[] = [];
  const coded = new Map<string, number>();
  const byContent = contentIndex(clauses);
  let blank = 0;
  let moved = 0;
  for (const { line, cells } of rows) {
    const at = `${sheet}:${line}`;
    const sheetId = (cells.clause_id ?? '').trim();
    let id = sheetId;
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
    const sheetHash = (cells.text_sha256 ?? '').trim();
    let clause = clauses.get(id);
    if (sheetHash && clause?.textSha256 !== sheetHash) {
      const found = byContent.get(contentKey((cells.file ?? '').trim(), sheetHash))?.find((c, _, all) => all.length === 1 || localPart(c.id) === localPart(id));
      if (found) [id, clause, moved] = [found.id, found.clause, moved + 1];
    }
    if (!clause) {
      problems.push(`${at}: unknown clause id '${id}' (not in the analysis' clauses.csv)`);
      continue;
    }
    if (coded.has(id)) {
      problems.push(`${at}: clause ${id} (${sheetId} in the sheet) is coded twice (first on row ${coded.get(id)})`);
      continue;
    }
    coded.set(id, line);
    if (!sheetHash) problems.push(`${at}: clause ${id} has no text_sha256 (export the sheet with 'review export')`);
    else if (sheetHash !== clause.textSha256) problems.push(`${at}: clause ${id}: its text changed since the sheet was exported`);
    else if (cells.text !== undefined && hash(cells.text) !== sheetHash) problems.push(`${at}: clause ${id}: the text in the sheet was edited (the code would not match the clause)`);
    if (!primary) {
      problems.push(`${at}: clause ${id}: secondary codes without a primary code`);
      continue;
    }
    const c = coderCodes(primary, secondary, aliases);
    for (const code of c.unknown) problems.push(`${at}: clause ${id}: unknown code '${code}'`);
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
  return { codes, blank, moved, problems };
}

const contentKey = (file: string, textSha256: string) => `${file}\u0000${textSha256}`;
/** The clause id without its document id (D003-2-14 -> 2-14): what stays when documents are renumbered. */
const localPart = (id: string) => id.replace(/^[^-]*-?/, '');

/** The clauses by file and text hash; a clause without a file name cannot be found by content. */
function contentIndex(clauses: ReadonlyMap<string, KnownClause>): Map<string, Array<{ id: string; clause: KnownClause }>> {
  const index = new Map<string, Array<{ id: string; clause: KnownClause }>>();
  for (const [id, clause] of clauses) {
    if (!clause.file) continue;
    const key = contentKey(clause.file, clause.textSha256);
    index.set(key, [...(index.get(key) ?? []), { id, clause }]);
  }
  return index;
}
