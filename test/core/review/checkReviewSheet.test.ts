import { describe, expect, it } from 'vitest';
import { checkReviewSheet, type KnownClause } from '../../../src/core/review/checkReviewSheet.js';
import { compareClauseIds, mergeManualCodes } from '../../../src/core/review/manualCodes.js';

// A stand-in hash that is easy to check by hand: the text's length.
const hash = (t: string) => `h${t.length}`;
const clause = (text: string): KnownClause => ({ docId: 'D001', file: 'a.txt', docSha256: 'f0', text, textSha256: hash(text) });
const clauses = new Map([
  ['D001-1-1', clause('给予购房补贴。')],
  ['D001-1-2', clause('不得违规销售。')],
  ['D001-1-3', clause('减免契税。')],
]);
const labels = ['financial', 'taxation', 'legal_regulatory'];
const row = (line: number, cells: Record<string, string>) => ({ line, cells });

describe('checkReviewSheet', () => {
  it('turns filled rows into manual codes and skips rows left empty', () => {
    const r = checkReviewSheet('s.csv', [
      row(2, { clause_id: 'D001-1-1', text_sha256: 'h7', text: '给予购房补贴。', coder_primary: 'financial', coder_secondary: 'taxation', comment: '契税补贴' }),
      row(3, { clause_id: 'D001-1-2', text_sha256: 'h7', coder_primary: '', coder_secondary: '' }),
    ], clauses, labels, hash);
    expect(r.problems).toEqual([]);
    expect(r.blank).toBe(1);
    expect(r.codes).toEqual([{ clauseId: 'D001-1-1', docId: 'D001', file: 'a.txt', docSha256: 'f0', textSha256: 'h7', primary: 'financial', secondary: ['taxation'], comment: '契税补贴', text: '给予购房补贴。' }]);
  });

  it('reports every problem at once: unknown code, unknown clause, changed text, edited text, duplicate row', () => {
    const r = checkReviewSheet('s.csv', [
      row(2, { clause_id: 'D001-1-1', text_sha256: 'h7', coder_primary: 'finance' }),
      row(3, { clause_id: 'D009-1-1', text_sha256: 'h7', coder_primary: 'financial' }),
      row(4, { clause_id: 'D001-1-2', text_sha256: 'h6', coder_primary: 'legal_regulatory' }),
      row(5, { clause_id: 'D001-1-3', text_sha256: 'h5', text: '减免契税和印花税。', coder_primary: 'taxation' }),
      row(6, { clause_id: 'D001-1-1', text_sha256: 'h7', coder_primary: 'financial' }),
      row(7, { clause_id: 'D001-1-2', text_sha256: 'h7', coder_primary: '' }),
    ], clauses, labels, hash);
    expect(r.problems).toEqual([
      "s.csv:2: clause D001-1-1: unknown code 'finance'",
      "s.csv:3: unknown clause id 'D009-1-1' (not in the analysis' clauses.csv)",
      's.csv:4: clause D001-1-2: its text changed since the sheet was exported',
      's.csv:5: clause D001-1-3: the text in the sheet was edited (the code would not match the clause)',
      's.csv:6: clause D001-1-1 is listed twice (first on row 2)',
      's.csv:7: clause D001-1-2 is listed twice (first on row 4)',
    ]);
  });

  it("'none' is a primary code but not a secondary one", () => {
    const r = checkReviewSheet('s.csv', [row(2, { clause_id: 'D001-1-1', text_sha256: 'h7', coder_primary: 'financial', coder_secondary: 'none' })], clauses, labels, hash);
    expect(r.problems).toEqual(["s.csv:2: clause D001-1-1: 'none' cannot be a secondary code"]);
  });
});

describe('manual codes file', () => {
  it('orders clause ids as people read them', () => {
    expect(['D002-2-10', 'D002-2-9', 'D001-10-1', 'D002-2-9.2'].sort(compareClauseIds)).toEqual(['D001-10-1', 'D002-2-9', 'D002-2-9.2', 'D002-2-10']);
  });

  it('a newer import replaces the code of the same clause and keeps the others', () => {
    const m = (clauseId: string, primary: string) => ({ clauseId, docId: '', file: '', docSha256: '', textSha256: '', primary, secondary: [], comment: '', text: '' });
    expect(mergeManualCodes([m('D1-2', 'a'), m('D1-1', 'b')], [m('D1-2', 'c')]).map((x) => [x.clauseId, x.primary])).toEqual([['D1-1', 'b'], ['D1-2', 'c']]);
  });
});
