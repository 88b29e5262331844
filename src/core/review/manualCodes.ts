import { splitCodes } from '../reliability/parseCodes.js';
import { NONE } from '../types.js';

/**
 * A person's code for one clause, as kept in codings/manual.csv. It is keyed by content: the
 * document's sha256 and the clause text the person read (core/review/placeManualCodes.ts); the
 * clause id, document id and file are hints for people and ties, and may change between runs.
 */
export interface ManualCode {
  clauseId: string;
  docId: string;
  file: string;
  /** sha256 of the document's file; '' in files written before issue 13 (then the file path decides). */
  docSha256: string;
  textSha256: string;
  primary: string;
  secondary: string[];
  comment: string;
  text: string;
}

export const MANUAL_COLUMNS = ['clause_id', 'doc_id', 'file', 'text_sha256', 'primary', 'secondary', 'comment', 'text', 'doc_sha256'];

/** Orders clause ids as people read them: D002-2-10 after D002-2-9. */
export function compareClauseIds(a: string, b: string): number {
  const pa = a.split(/(\d+)/);
  const pb = b.split(/(\d+)/);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    if (x === y) continue;
    const numeric = i % 2 === 1;
    if (numeric && Number(x) !== Number(y)) return Number(x) - Number(y);
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}

export function manualCodeRow(m: ManualCode): string[] {
  return [m.clauseId, m.docId, m.file, m.textSha256, m.primary, m.secondary.join(';'), m.comment, m.text, m.docSha256];
}

export function manualCodeFromCells(cells: Record<string, string>): ManualCode {
  return {
    clauseId: cells.clause_id ?? '',
    docId: cells.doc_id ?? '',
    file: cells.file ?? '',
    docSha256: cells.doc_sha256 ?? '',
    textSha256: cells.text_sha256 ?? '',
    primary: cells.primary ?? '',
    secondary: splitCodes(cells.secondary ?? ''),
    comment: cells.comment ?? '',
    text: cells.text ?? '',
  };
}

/** Earlier codes updated by newer ones for the same clause; the result in clause id order. */
export function mergeManualCodes(earlier: readonly ManualCode[], newer: readonly ManualCode[]): ManualCode[] {
  const byId = new Map(earlier.map((m) => [m.clauseId, m]));
  for (const m of newer) byId.set(m.clauseId, m);
  return [...byId.values()].sort((a, b) => compareClauseIds(a.clauseId, b.clauseId));
}

/** The categories a manual code gives a clause, in codebook order (`none` gives none). */
export function manualCategories(m: Pick<ManualCode, 'primary' | 'secondary'>, codebookOrder: readonly string[]): string[] {
  const codes = new Set([m.primary, ...m.secondary].filter((c) => c !== NONE));
  return codebookOrder.filter((c) => codes.has(c));
}
