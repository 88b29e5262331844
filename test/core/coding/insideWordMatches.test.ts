import { describe, expect, it } from 'vitest';
import { validateCodebook } from '../../../src/core/codebook/validateCodebook.js';
import { compileCodebook } from '../../../src/core/coding/compileCodebook.js';
import { codeClause } from '../../../src/core/coding/codeClause.js';

/**
 * A tiny codebook with `rules.inside_words`; tokens are given by hand (no segmenter in core), so each
 * test says which compound the segmenter kept whole.
 */
const rules = {
  none: [{ id: 'effective_date', manual: 'none', pattern: '自[^。]{0,20}起施行' }],
  heading: { manual: 'rule 4', weight: 3 },
  inside_words: { min_weight: 1, names: ['局', '小组'] },
};
const raw = {
  codebook: 'tiny',
  version: '1',
  rules,
  categories: [
    { id: 'env', label: { zh: '环境' }, children: [
      { id: 'tax', label: { zh: '税收' }, keywords: ['所得税'] },
      { id: 'law', label: { zh: '法规' }, keywords: ['许可', '规范'] },
      { id: 'plan', label: { zh: '策略' }, keywords: ['规划', '协调', { term: '推进', weight: 0.5 }], topics: ['人工智能'],
        exclude: [{ term: '规划处', window: 0 }] },
    ] },
  ],
};

function compiled(codebook: unknown) {
  const r = validateCodebook(codebook);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return compileCodebook(r.codebook);
}
const withRule = compiled(raw);
const withoutRule = compiled({ ...raw, rules: { none: rules.none, heading: rules.heading } });
const code = (tokens: string[], c = withRule) => codeClause('u', tokens, c);

describe('a unit with no evidence is read in its characters (rules.inside_words)', () => {
  it('a measure word the segmenter kept inside a longer word codes a unit that has no other evidence', () => {
    expect(code(['退还', '个人所得税', '。'], withoutRule).decidedBy).toBe('no evidence');
    const c = code(['退还', '个人所得税', '。']);
    expect([c.primary, c.decidedBy, c.matches.map((m) => [m.term, m.start, m.rule])]).toEqual(['tax', 'inside_words', [['所得税', 4, 'inside_words']]]);
    expect(c.confidence).toBeGreaterThan(0.1);
  });

  it('is only for units with no evidence: where the tokens find a term, the words inside others do not count', () => {
    const c = code(['规范', '个人所得税', '。']);
    expect([c.primary, c.decidedBy, c.matches.map((m) => m.term)]).toEqual(['law', 'terms', ['规范']]);
  });

  it('a term across two words is no word of the unit (上市 in 以上|市区; here 规划 in 以上规|划区)', () => {
    expect(code(['五年', '以上规', '划区', '户籍', '。']).decidedBy).toBe('no evidence');
  });

  it('a term before one of `names` is part of a name of a body or a document (规划局, 协调小组), not a measure', () => {
    expect(code(['报送', '市规划局', '。']).decidedBy).toBe('no evidence');
    expect(code(['由', '工程协调小组', '确定', '。']).decidedBy).toBe('no evidence');
  });

  it('a name ends the word: a longer word that only begins like one (局面 after 规范, as 处理 after 依法) leaves the measure', () => {
    const c = code(['维护', '规范局面', '。']);
    expect([c.primary, c.decidedBy, c.matches.map((m) => m.term)]).toEqual(['law', 'inside_words', ['规范']]);
  });

  it('carriers under min_weight, topics with no measure beside them and excluded terms name no measure', () => {
    expect(code(['加快推进器', '研制', '。']).decidedBy).toBe('no evidence');
    expect(code(['人工智能芯片', '。']).decidedBy).toBe('no evidence');
    expect(code(['报', '市规划处', '。']).decidedBy).toBe('no evidence');
  });

  it('rule 4 and the none formulae apply as to any evidence', () => {
    const heading = code(['（', '二', '）', '统一规划', '设计', '。']);
    expect([heading.primary, heading.decidedBy, heading.scores.plan]).toEqual(['plan', 'rule 4: heading + inside_words', 3]);
    expect(code(['本办法', '自发布之日起施行', '，', '未经许可证', '。']).primary).toBe('none');
  });
});
