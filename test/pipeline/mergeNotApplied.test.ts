import { describe, expect, it } from 'vitest';
import { mergeNotApplied } from '../../src/pipeline/mergeNotApplied.js';
import type { NotAppliedRecord } from '../../src/pipeline/NotAppliedRecord.js';

const gone = (clause_id: string, file: string): NotAppliedRecord => ({ clause_id, file, text: `${clause_id}的条文`, reason: 'no document in this run has the content it was coded on', unreached: true });

describe('mergeNotApplied', () => {
  it('keeps a code no shard reached, drops one another shard reached and placed', () => {
    const a = gone('D001-1-1', 'a.txt');
    const b = gone('D002-1-1', 'b.txt');
    // Shard 0 has b.txt and placed its code (not in its list); a.txt is in no shard.
    expect(mergeNotApplied([[a], [a, b]])).toEqual([{ clauseId: 'D001-1-1', file: 'a.txt', text: 'D001-1-1的条文', reason: a.reason }]);
  });

  it('keeps a code a shard reached but could not place, once, and a codebook problem once for all shards', () => {
    const unplaced: NotAppliedRecord = { clause_id: 'D002-1-1', file: 'b.txt', text: '二、旧的条文', reason: 'its text is no longer in the document' };
    const unknownCode: NotAppliedRecord = { clause_id: 'D001-2-1', file: 'a.txt', text: '一、补贴', reason: "code 'subsidy' is not in the codebook: automatic code kept" };
    const merged = mergeNotApplied([[unknownCode, { ...unplaced, unreached: true }], [unknownCode, unplaced]]);
    expect(merged.map((n) => [n.file, n.clauseId, n.reason])).toEqual([
      ['a.txt', 'D001-2-1', unknownCode.reason],
      ['b.txt', 'D002-1-1', unplaced.reason],
    ]);
  });

  it('a run of one shard is that shard', () => {
    expect(mergeNotApplied([[gone('D003-0-1', 'c.txt')]])).toHaveLength(1);
    expect(mergeNotApplied([[], []])).toEqual([]);
  });
});
