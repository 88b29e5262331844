import { describe, expect, it } from 'vitest';
import { TermIndex } from '../../src/core/coding/termIndex.js';

const index = (...terms: string[]) => {
  const i = new TermIndex<string>();
  for (const t of terms) i.add(t, t);
  return i;
};

describe('TermIndex', () => {
  it('never matches inside a token: 印度 is not in 印度尼西亚', () => {
    expect(index('印度').findAll(['与', '印度尼西亚', '合作'])).toEqual([]);
    expect(index('印度').findAll(['与', '印度', '合作']).map((f) => f.start)).toEqual([1]);
  });

  it('prefers the longest term at a position: 税收优惠 over 税收', () => {
    const found = index('税收', '税收优惠').findAll(['落实', '税收', '优惠', '和', '税收', '政策']);
    expect(found.map((f) => `${f.term}@${f.start}`)).toEqual(['税收优惠@2', '税收@7']);
  });

  it('takes the leftmost match first, so an overlapping later term loses', () => {
    // 数字政府 (tokens 0-1) and 政府采购 (tokens 1-2) overlap on 政府: the leftmost wins.
    expect(index('数字政府', '政府采购').findAll(['数字', '政府', '采购']).map((f) => f.term)).toEqual(['数字政府']);
  });

  it('findEvery reports nested and overlapping terms too', () => {
    expect(index('税收', '税收优惠').findEvery(['税收', '优惠']).map((f) => f.term)).toEqual(['税收', '税收优惠']);
  });
});
