import { describe, expect, it } from 'vitest';
import { splitClauses } from '../../../src/core/clauses/splitClauses.js';
import type { ManualCode } from '../../../src/core/review/manualCodes.js';
import { placeManualCodes } from '../../../src/core/review/placeManualCodes.js';

const ITEM = '（三）加大财政支持力度。' + '对符合条件的企业给予一次性补贴，所需资金从就业补助资金中列支。'.repeat(8) + '（责任单位：市财政局）';
const TEXT = ['一、总体要求', '（一）坚持创新驱动，强化企业主体地位。', '二、支持措施', ITEM].join('\n');
const code = (clauseId: string, text: string, primary = 'financial'): ManualCode => ({ clauseId, docId: 'D001', file: 'a.txt', docSha256: 'x', textSha256: '', primary, secondary: [], comment: '', text });

describe('placeManualCodes: by clause text, whatever the ids and the unit', () => {
  it('finds a clause by its text when the ids moved (the id only breaks ties)', () => {
    const clauses = splitClauses('D007', TEXT);
    const p = placeManualCodes(clauses, [code('D001-9-9', '（一）坚持创新驱动，\n强化企业主体地位。', 'strategic')]);
    expect(p.codes.map((c) => c?.primary)).toEqual(['strategic', undefined]);
    expect(p.unplaced).toEqual([]);
  });

  it('gives a coded item to every sentence part of it, and a coded part to the item that holds it', () => {
    const parts = splitClauses('D001', TEXT, { unit: 'sentence' });
    expect(parts.length).toBeGreaterThan(3);
    const onParts = placeManualCodes(parts, [code('D001-2-3', ITEM)]);
    expect(onParts.codes.filter(Boolean).length).toBe(parts.length - 1);
    const items = splitClauses('D001', TEXT);
    const onItem = placeManualCodes(items, [code('D001-2-3.2', parts[2]!.text)]);
    expect(onItem.codes.map((c) => c?.primary)).toEqual([undefined, 'financial']);
  });

  it('leaves two parts coded differently unplaced when they fall on one item, and lists a text that is gone', () => {
    const parts = splitClauses('D001', TEXT, { unit: 'sentence' });
    const items = splitClauses('D001', TEXT);
    const p = placeManualCodes(items, [code('D001-2-3.1', parts[1]!.text), code('D001-2-3.2', parts[2]!.text, 'taxation'), code('D001-1-1', '已删除的条款。')]);
    expect(p.codes).toEqual([undefined, undefined]);
    expect(p.placed).toEqual([]);
    expect(p.unplaced.map((u) => [u.code.clauseId, u.reason.split(':')[0]])).toEqual([
      ['D001-1-1', 'its text is in no clause of this document any more'],
      ['D001-2-3.1', 'it falls on a clause that another manual code codes differently (after a change of unit)'],
      ['D001-2-3.2', 'it falls on a clause that another manual code codes differently (after a change of unit)'],
    ]);
  });
});
