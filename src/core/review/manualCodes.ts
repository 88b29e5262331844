import { splitCodes } from '../reliability/parseCodes.js';
import { NONE } from '../types.js';
import { localId } from './placeManualCodes.js';

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

/**
 * Earlier codes updated by newer ones for the same clause; the result in clause id order. The same
 * clause is the same content (document and clause text, as analyze places codes), not the same id:
 * once the corpus grows, an id can name another clause, and a clause can come back under a new id.
 */
export function mergeManualCodes(earlier: readonly ManualCode[], newer: readonly ManualCode[]): ManualCode[] {
  const byText = new Map<string, ManualCode[]>();
  for (const m of newer) byText.set(m.textSha256, [...(byText.get(m.textSha256) ?? []), m]);
  const kept = earlier.filter((e) => !(byText.get(e.textSha256) ?? []).some((m) => sameClause(e, m)));
  return [...kept, ...newer].sort((a, b) => compareClauseIds(a.clauseId, b.clauseId) || compareText(a.file, b.file) || compareText(a.textSha256, b.textSha256));
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Two codes of one clause: the same text in the same document (its sha256, else its file, else its
 * id) at the same place in it (a text repeated in a document is as many clauses). Codes without a
 * text hash fall back on the clause id.
 */
function sameClause(a: ManualCode, b: ManualCode): boolean {
  if (!a.textSha256 || !b.textSha256) return a.clauseId === b.clauseId;
  if (a.textSha256 !== b.textSha256 || localId(a.clauseId, a.docId) !== localId(b.clauseId, b.docId)) return false;
  if (a.docSha256 && b.docSha256) return a.docSha256 === b.docSha256;
  return a.file || b.file ? a.file === b.file : a.docId === b.docId;
}

/** The categories a manual code gives a clause, in codebook order (`none` gives none). */
export function manualCategories(m: Pick<ManualCode, 'primary' | 'secondary'>, codebookOrder: readonly string[]): string[] {
  const codes = new Set([m.primary, ...m.secondary].filter((c) => c !== NONE));
  return codebookOrder.filter((c) => codes.has(c));
}
