import { describe, expect, it } from 'vitest';
import { compileCodebook } from '../../src/core/coding/compileCodebook.js';
import { codeClause } from '../../src/core/coding/codeClause.js';
import { codeClauses } from '../../src/core/coding/codeClauses.js';
import { validateCodebook } from '../../src/core/codebook/validateCodebook.js';

/** A one-dimension codebook around the given leaves. */
function book(leaves: unknown[], extra: Record<string, unknown> = {}) {
  const r = validateCodebook({ codebook: 'tiny', version: '1', categories: [{ id: 'env', label: { zh: '环境' }, children: leaves }], ...extra });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return compileCodebook(r.codebook);
}
const tax = (rules: Record<string, unknown>) => ({ id: 'tax', label: { zh: '税收' }, ...rules });

describe('patterns', () => {
  const b = book([tax({ patterns: ['免征.{0,4}税'] }), { id: 'fin', label: { zh: '金融' }, patterns: [{ pattern: '奖励\\d+万元', weight: 3 }] }]);

  it('match the clause text and record the pattern as evidence', () => {
    const c = codeClause('u', ['对', '企业', '免征', '增值税'], b);
    expect(c.primary).toBe('tax');
    expect(c.matches).toEqual([{ category: 'tax', term: '免征增值税', pattern: '免征.{0,4}税', start: 3, end: 8, weight: 1 }]);
  });

  it('do not match when the text differs', () => {
    expect(codeClause('u', ['免征', '城市', '建设', '维护', '费'], b).primary).toBe('none');
  });

  it('carry their weight', () => {
    const c = codeClause('u', ['免征', '契税', '，', '奖励', '50', '万元'], b);
    expect(c.scores).toEqual({ tax: 1, fin: 3 });
    expect(c.primary).toBe('fin');
  });

  it('do not count text a keyword of the same category already counted', () => {
    const k = book([tax({ keywords: ['免征'], patterns: ['免征.?'] })]);
    expect(codeClause('u', ['免征', '税'], k).matches.map((m) => m.term)).toEqual(['免征']);
  });
});

describe('exclusions', () => {
  it('without a window veto the category anywhere in the clause', () => {
    const b = book([tax({ keywords: ['税收'], exclude: ['统计'] })]);
    expect(codeClause('u', ['税收', '减少', '，', '加强', '统计'], b).primary).toBe('none');
    expect(codeClause('u', ['税收', '减少'], b).primary).toBe('tax');
  });

  it('with a window veto only matches that close (税收 in 税收统计 is not a tax incentive)', () => {
    const b = book([tax({ keywords: ['税收'], exclude: [{ term: '统计', window: 2 }] })]);
    // 统计 touches the first 税收 (gap 0); the second 税收 is 6 characters away and still counts.
    const c = codeClause('u', ['税收', '统计', '显示', '，', '税收', '增长'], b);
    expect(c.matches.map((m) => m.start)).toEqual([7]);
    expect(codeClause('u', ['税收', '统计'], b).primary).toBe('none');
  });

  it('may be patterns', () => {
    const b = book([tax({ keywords: ['税收'], exclude: [{ pattern: '统计|数据', window: 0 }] })]);
    expect(codeClause('u', ['税收', '数据'], b).primary).toBe('none');
    expect(codeClause('u', ['税收', '减免'], b).primary).toBe('tax');
  });

  it('veto only their own category', () => {
    const b = book([tax({ keywords: ['税收'], exclude: ['统计'] }), { id: 'info', label: { zh: '信息' }, keywords: ['统计'] }]);
    expect(codeClause('u', ['税收', '统计'], b).categories).toEqual(['info']);
  });
});

describe('co-occurrence', () => {
  const b = book([{ id: 'pe', label: { zh: '公共企业' }, keywords: [{ term: '平台', with: ['建设', '搭建'] }] }]);

  it('counts a keyword only when one of its partners is in the clause', () => {
    expect(codeClause('u', ['建设', '政务', '平台'], b).primary).toBe('pe');
    expect(codeClause('u', ['搭建', '平台'], b).primary).toBe('pe');
    expect(codeClause('u', ['依托', '平台', '开展', '工作'], b).primary).toBe('none');
  });

  it('applies a category condition to every rule of the category and its children', () => {
    const c = book([{ id: 'med', label: { zh: '医疗' }, with: ['区块链'], children: [{ id: 'emr', label: { zh: '病历' }, keywords: ['电子病历'] }] }]);
    expect(codeClause('u', ['电子病历', '共享'], c).primary).toBe('none');
    expect(codeClause('u', ['区块链', '电子病历', '共享'], c).primary).toBe('emr');
  });
});

describe('weights, modes and ties', () => {
  it('multiply down the hierarchy', () => {
    const b = validateCodebook({
      codebook: 't', version: '1',
      categories: [{ id: 'a', label: { zh: '甲' }, weight: 2, children: [{ id: 'b', label: { zh: '乙' }, weight: 3, children: [{ id: 'c', label: { zh: '丙' }, keywords: [{ term: '补贴', weight: 0.5 }] }] }] }],
    });
    expect(b.ok && b.codebook.leaves[0]!.keywords[0]!.weight).toBe(3);
    expect(b.ok && b.codebook.leaves[0]!.path).toEqual(['a', 'b', 'c']);
  });

  it('keeps only the primary in single mode', () => {
    const leaves = [tax({ keywords: ['减免'] }), { id: 'fin', label: { zh: '金融' }, keywords: ['补贴'] }];
    expect(codeClause('u', ['减免', '补贴'], book(leaves)).categories).toEqual(['tax', 'fin']);
    const single = codeClause('u', ['减免', '补贴'], book(leaves, { mode: 'single' }));
    expect(single.categories).toEqual(['tax']);
    expect(single.matches.map((m) => m.term)).toEqual(['减免']);
  });
});

describe('scope', () => {
  const leaves = [{ id: 'fin', label: { zh: '金融' }, keywords: ['补贴'] }];
  const unit = (id: string, article: string, tokens: string[]) => ({ id, article, document: 'D1', tokens });
  const units = [unit('D1-1-1', 'a1', ['区块链', '项目']), unit('D1-1-1-1', 'a1', ['给予', '补贴']), unit('D1-1-2', 'a2', ['给予', '补贴'])];

  it('at clause level codes only clauses that mention the topic, by term or pattern', () => {
    const b = book(leaves, { scope: { keywords: ['区块链'], patterns: ['分布式.{0,2}账本'] } });
    expect(codeClauses(units, b).map((c) => c.inScope)).toEqual([true, false, false]);
    expect(codeClause('u', ['分布式', '数据库', '账本', '补贴'], b)).toMatchObject({ inScope: false });
    expect(codeClause('u', ['分布式', '账本', '补贴'], b)).toMatchObject({ inScope: true, primary: 'fin' });
  });

  it('at article level codes every clause of an article that mentions it', () => {
    const b = book(leaves, { scope: { keywords: ['区块链'], level: 'article' } });
    expect(codeClauses(units, b).map((c) => `${c.inScope}:${c.primary}`)).toEqual(['true:none', 'true:fin', 'false:none']);
  });

  it('at document level codes every clause of a document that mentions it', () => {
    const b = book(leaves, { scope: { keywords: ['区块链'], level: 'document' } });
    expect(codeClauses(units, b).map((c) => c.primary)).toEqual(['none', 'fin', 'fin']);
    expect(codeClauses(units.slice(1), b).map((c) => c.inScope)).toEqual([false, false]);
  });
});
