import type { Clause } from '../types.js';
import type { ManualCode } from './manualCodes.js';

/** The clause text as a manual code is matched on: whitespace and line breaks do not count. */
function normalizeClauseText(text: string): string {
  return text.replace(/\s+/g, '');
}

export interface Placement {
  /** For each clause of the document, the manual code it takes, or undefined. */
  codes: Array<Pick<ManualCode, 'primary' | 'secondary'> | undefined>;
  /** The codes placed on at least one clause. */
  placed: ManualCode[];
  /** Codes that name this document but fit no clause of it, with the reason. */
  unplaced: Array<{ code: ManualCode; reason: string }>;
}

/** The clause id without its document id: D003-2-14.1 -> -2-14.1, the part a renamed document keeps. */
export const localId = (id: string, docId: string) => (id.startsWith(docId) ? id.slice(docId.length) : id.replace(/^[^-]*/, ''));

/**
 * Places a document's manual codes on its clauses by content: the clause with the same text (the
 * clause id only breaks ties between repeated texts), else, after a change of unit, the item that
 * contains the coded sentence part, or every sentence part of the coded item. Two codes that fall on
 * one clause and disagree are both left unplaced: a person must decide. Pure and order-independent.
 */
export function placeManualCodes(clauses: readonly Clause[], codes: readonly ManualCode[]): Placement {
  const texts = clauses.map((c) => normalizeClauseText(c.text));
  const onClause = new Map<number, ManualCode[]>();
  const unplaced: Placement['unplaced'] = [];
  for (const code of codes) {
    const want = normalizeClauseText(code.text);
    const targets = want ? targetsOf(clauses, texts, want, localId(code.clauseId, code.docId)) : [];
    if (targets.length === 0) {
      unplaced.push({ code, reason: want ? 'its text is in no clause of this document any more' : 'manual code without clause text: it cannot be placed' });
      continue;
    }
    for (const i of targets) onClause.set(i, [...(onClause.get(i) ?? []), code]);
  }
  const result: Placement['codes'] = clauses.map(() => undefined);
  const conflicting = new Set<ManualCode>();
  for (const [i, list] of onClause) {
    const first = list[0]!;
    const agree = list.every((c) => c.primary === first.primary && c.secondary.join(';') === first.secondary.join(';'));
    if (agree) result[i] = { primary: first.primary, secondary: first.secondary };
    else for (const c of list) conflicting.add(c);
  }
  for (const code of conflicting) unplaced.push({ code, reason: 'it falls on a clause that another manual code codes differently (after a change of unit): please review it again' });
  const placed = codes.filter((c) => !conflicting.has(c) && !unplaced.some((u) => u.code === c));
  return { codes: result.map((r, i) => (onClause.get(i)?.some((c) => conflicting.has(c)) ? undefined : r)), placed, unplaced };
}

/** Indexes of the clauses a code's text belongs to: the same text, else the item holding it, else the parts it holds. */
function targetsOf(clauses: readonly Clause[], texts: readonly string[], want: string, hint: string): number[] {
  const same = texts.flatMap((t, i) => (t === want ? [i] : []));
  if (same.length > 0) {
    const hinted = same.find((i) => localId(clauses[i]!.id, clauses[i]!.docId) === hint);
    return [hinted ?? same[0]!];
  }
  const holding = texts.flatMap((t, i) => (t.includes(want) ? [i] : []));
  if (holding.length > 0) return [holding.find((i) => localId(clauses[i]!.id, clauses[i]!.docId).startsWith(hint.replace(/\.\d+$/, ''))) ?? holding[0]!];
  return texts.flatMap((t, i) => (t.length > 0 && want.includes(t) ? [i] : []));
}
