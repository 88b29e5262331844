import { describe, expect, it } from 'vitest';
import { compileCodebook } from '../../src/core/coding/compileCodebook.js';
import { codeClause } from '../../src/core/coding/codeClause.js';
import { validateCodebook } from '../../src/core/codebook/validateCodebook.js';
import { afterEmptyMatch } from '../../src/core/coding/unitParts.js';

const book = (extra: Record<string, unknown> = {}) => {
  const r = validateCodebook({
    codebook: 'tiny',
    version: '1',
    categories: [
      { id: 'env', label: { zh: '环境型' }, children: [
        { id: 'tax', label: { zh: '税收' }, keywords: ['税收优惠', '减免'], exclude: ['税收统计'] },
        { id: 'fin', label: { zh: '金融' }, keywords: ['补贴', { term: '贷款', weight: 2 }] },
      ] },
      { id: 'dem', label: { zh: '需求型' }, children: [{ id: 'trade', label: { zh: '贸易' }, keywords: ['印度'] }] },
    ],
    ...extra,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return compileCodebook(r.codebook);
};

describe('codeClause', () => {
  it('matches terms on token boundaries only', () => {
    // 印度 is inside the token 印度尼西亚: no match.
    expect(codeClause('u', ['与', '印度尼西亚', '合作'], book()).primary).toBe('none');
    expect(codeClause('u', ['与', '印度', '合作'], book()).primary).toBe('trade');
  });

  it('matches a term that the segmenter split into several tokens', () => {
    const c = codeClause('u', ['给予', '税收', '优惠'], book());
    expect(c.primary).toBe('tax');
    expect(c.matches[0]).toMatchObject({ term: '税收优惠', start: 2, end: 6 });
  });

  it('lets an exclusion veto its category', () => {
    expect(codeClause('u', ['加强', '税收统计', '，', '减免'], book()).categories).toEqual([]);
  });

  it('chooses the highest score as primary, ties by first position', () => {
    expect(codeClause('u', ['减免', '补贴'], book()).primary).toBe('tax');
    expect(codeClause('u', ['补贴', '减免'], book()).primary).toBe('fin');
    // 贷款 weighs 2 and beats an earlier 减免.
    const c = codeClause('u', ['减免', '和', '贷款'], book());
    expect(c.primary).toBe('fin');
    expect(c.categories).toEqual(['tax', 'fin']);
    expect(c.dimensions).toEqual(['env']);
  });

  it('codes only clauses in scope', () => {
    const b = book({ scope: { keywords: ['区块链'] } });
    expect(codeClause('u', ['给予', '补贴'], b)).toMatchObject({ primary: 'none', inScope: false });
    expect(codeClause('u', ['区块链', '项目', '补贴'], b)).toMatchObject({ primary: 'fin', inScope: true });
  });

  it('goes on past an empty pattern match at a character beyond the BMP (no endless search)', () => {
    // One code unit on would land inside 𠀀, where a `u` expression finds the same empty match again.
    expect(afterEmptyMatch('𠀀补贴', 0)).toBe(2);
    expect(afterEmptyMatch('补贴', 0)).toBe(1);
    const b = book({ categories: [
      { id: 'env', label: { zh: '环境型' }, children: [
        { id: 'fin', label: { zh: '金融' }, patterns: ['(专项)?补贴|(资金)?'], exclude: [{ pattern: '(统计)?' }] },
        { id: 'tax', label: { zh: '税收' }, keywords: ['减免'] },
      ] },
    ] });
    const c = codeClause('u', ['𠀀', '给予', '补贴'], b);
    expect(c.primary).toBe('fin');
    expect(c.matches.map((m) => m.term)).toEqual(['补贴']);
  });
});
