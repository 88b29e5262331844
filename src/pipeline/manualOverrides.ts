import { existsSync } from 'node:fs';
import { UserError } from '../core/errors.js';
import type { ManualCode } from '../core/review/manualCodes.js';
import { placeManualCodes } from '../core/review/placeManualCodes.js';
import { NONE, type Clause } from '../core/types.js';
import { manualCodesFile } from './manualCodesFile.js';
import { readManualCodes } from './review.js';

/** A manual code that was not applied: where it was given, its text, and why. */
export interface NotApplied {
  clauseId: string;
  file: string;
  text: string;
  reason: string;
  /** No document of the run had the code's content: in a shard, another shard may have it (mergeNotApplied). */
  unreached?: boolean;
}

/** Manual codes as analyze applies them: by document content and clause text (placeManualCodes). */
export interface ManualOverrides {
  file: string | null;
  codes: number;
  /** The manual code of each clause of one document (undefined where there is none). */
  forDocument(docSha256: string, file: string, clauses: readonly Clause[]): Array<Pick<ManualCode, 'primary' | 'secondary'> | undefined>;
  applied(): number;
  /** Codes that were not applied, with the reason; they stay in the file. Call after the run. */
  notApplied(): NotApplied[];
}

/**
 * Loads the manual codes (`--manual FILE`, else codings/manual.csv in the working folder or beside
 * the output folder `out` when it exists: manualCodesFile). A code follows its document's content, not its id or file name, so it survives documents
 * added, removed or renamed and a change of unit. A code is never dropped: one whose document or
 * text is gone, or whose category the codebook no longer has, is reported and left in the file.
 */
export async function loadManualOverrides(given: string | undefined, labels: readonly string[], out: string): Promise<ManualOverrides> {
  const file = given ?? manualCodesFile(out);
  if (given !== undefined && !existsSync(given)) throw new UserError('usage', `manual codes file not found: ${given}`);
  const all = existsSync(file) ? await readManualCodes(file) : [];
  const known = new Set([...labels, NONE]);
  const problems: NotApplied[] = [];
  const usable: ManualCode[] = [];
  for (const code of all) {
    const unknown = [code.primary, ...code.secondary].filter((c) => !known.has(c));
    if (unknown.length === 0) usable.push(code);
    else problems.push(notApplied(code, `code ${unknown.map((u) => `'${u}'`).join(', ')} is not in the codebook: automatic code kept`));
  }
  // Files written before issue 13 have no document hash: their codes follow the file path (else the document id).
  const bySha = group(usable.filter((c) => c.docSha256), (c) => c.docSha256);
  const byFile = group(usable.filter((c) => !c.docSha256), (c) => c.file || `id:${c.docId}`);
  const reached = new Set<ManualCode>();
  // A second copy of a document (same bytes) takes the same codes but is not counted again.
  const placedIn = new Set<string>();
  let applied = 0;
  return {
    file: existsSync(file) ? file : null,
    codes: all.length,
    forDocument(docSha256, path, clauses) {
      const docId = clauses[0]?.docId ?? '';
      const codes = [...(bySha.get(docSha256) ?? []), ...(byFile.get(path) ?? []), ...(byFile.get(`id:${docId}`) ?? [])];
      if (codes.length === 0) return clauses.map(() => undefined);
      for (const c of codes) reached.add(c);
      const placement = placeManualCodes(clauses, codes);
      const again = placedIn.has(docSha256 || path);
      placedIn.add(docSha256 || path);
      if (again) return placement.codes;
      applied += placement.placed.length;
      for (const u of placement.unplaced) problems.push(notApplied(u.code, u.reason, path));
      return placement.codes;
    },
    applied: () => applied,
    notApplied() {
      const gone = usable.filter((c) => !reached.has(c)).map((c) => notApplied(c, c.docSha256 ? `no document in this run has the content it was coded on (sha256 ${c.docSha256.slice(0, 12)}…): removed or changed?` : 'no document in this run has its file name', c.file, true));
      return [...gone, ...problems].sort(compareNotApplied);
    },
  };
}

/** The order manual codes not applied are listed in: by file, then clause id (analyze and merge alike). */
export function compareNotApplied(a: NotApplied, b: NotApplied): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.clauseId < b.clauseId ? -1 : a.clauseId > b.clauseId ? 1 : 0;
}

function notApplied(code: ManualCode, reason: string, file = code.file, unreached = false): NotApplied {
  return { clauseId: code.clauseId, file, text: code.text, reason, ...(unreached ? { unreached } : {}) };
}

function group(codes: readonly ManualCode[], key: (c: ManualCode) => string): Map<string, ManualCode[]> {
  const map = new Map<string, ManualCode[]>();
  for (const c of codes) map.set(key(c), [...(map.get(key(c)) ?? []), c]);
  return map;
}
