import { existsSync } from 'node:fs';
import { UserError } from '../core/errors.js';
import type { ManualCode } from '../core/review/manualCodes.js';
import { NONE } from '../core/types.js';
import { clauseTextHash, DEFAULT_MANUAL_FILE, readManualCodes } from './review.js';

export interface NotApplied {
  clauseId: string;
  reason: string;
}

/** Manual codes as analyze applies them: by clause id, only while the clause text is the one the person coded. */
export interface ManualOverrides {
  file: string | null;
  codes: number;
  lookup(clauseId: string, text: string): ManualCode | undefined;
  applied(): number;
  /** Codes that were not applied, with the reason; they stay in the file. Call after the run. */
  notApplied(): NotApplied[];
}

/**
 * Loads the manual codes (`--manual FILE`, else codings/manual.csv in the working folder when it
 * exists). A code is never dropped: one whose clause is gone, whose clause text changed, or whose
 * category the codebook no longer has is reported and left in the file for a person to re-check.
 */
export async function loadManualOverrides(given: string | undefined, labels: readonly string[]): Promise<ManualOverrides> {
  const file = given ?? DEFAULT_MANUAL_FILE;
  if (given !== undefined && !existsSync(given)) throw new UserError('usage', `manual codes file not found: ${given}`);
  const codes = existsSync(file) ? await readManualCodes(file) : [];
  const byId = new Map(codes.map((c) => [c.clauseId, c]));
  const known = new Set([...labels, NONE]);
  const seen = new Set<string>();
  const problems = new Map<string, string>();
  let applied = 0;
  return {
    file: existsSync(file) ? file : null,
    codes: codes.length,
    lookup(clauseId, text) {
      const code = byId.get(clauseId);
      if (!code) return undefined;
      seen.add(clauseId);
      const unknown = [code.primary, ...code.secondary].filter((c) => !known.has(c));
      if (unknown.length > 0) {
        problems.set(clauseId, `code ${unknown.map((u) => `'${u}'`).join(', ')} is not in the codebook: automatic code kept`);
        return undefined;
      }
      if (clauseTextHash(text) !== code.textSha256) {
        problems.set(clauseId, 'the clause text changed since it was coded by hand: automatic code kept, please review it again');
        return undefined;
      }
      applied++;
      return code;
    },
    applied: () => applied,
    notApplied() {
      const out: NotApplied[] = codes.filter((c) => !seen.has(c.clauseId)).map((c) => ({ clauseId: c.clauseId, reason: 'no clause with this id in this run' }));
      for (const [clauseId, reason] of problems) out.push({ clauseId, reason });
      return out.sort((a, b) => (a.clauseId < b.clauseId ? -1 : a.clauseId > b.clauseId ? 1 : 0));
    },
  };
}
