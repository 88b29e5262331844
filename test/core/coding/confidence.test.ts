import { describe, expect, it } from 'vitest';
import { validateCodebook } from '../../../src/core/codebook/validateCodebook.js';
import { compileCodebook } from '../../../src/core/coding/compileCodebook.js';
import { codeClause } from '../../../src/core/coding/codeClause.js';
import { confidenceOf, EVIDENCE_PRIOR, NO_EVIDENCE_CONFIDENCE, NONE_RULE_CONFIDENCE } from '../../../src/core/coding/confidence.js';

/** A tiny codebook: one measure term per instrument, a carrier, a rule; tokens are given by hand. */
const raw = {
  codebook: 'tiny',
  version: '1',
  rules: {
    none: [{ id: 'effective_date', manual: 'none', pattern: '自[^。]{0,20}起施行' }],
    obligation: {
      manual: 'rule 2', modals: ['应当'], prohibitions: ['不得'], market: ['企业'], government: ['部门'],
      enforcement: ['检查'], organising: ['组织'], objects: ['对'], market_category: 'law', government_category: 'plan', weight: 3,
    },
  },
  categories: [
    { id: 'env', label: { zh: '环境' }, children: [
      { id: 'fund', label: { zh: '金融' }, keywords: ['补贴', '贷款', '担保'] },
      { id: 'law', label: { zh: '法规' }, keywords: ['规范'] },
      { id: 'plan', label: { zh: '策略' }, keywords: ['规划', { term: '推进', weight: 0.5 }, { term: '支持', weight: 0.5 }, { term: '完善', weight: 0.5 }] },
    ] },
    { id: 'supply', label: { zh: '供给' }, children: [
      { id: 'train', label: { zh: '培训' }, keywords: ['培训'] },
      { id: 'info', label: { zh: '信息' }, keywords: ['信息平台'] },
    ] },
  ],
};

function compiled() {
  const r = validateCodebook(raw);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return compileCodebook(r.codebook);
}
const cb = compiled();
const code = (tokens: string[]) => codeClause('u', tokens, cb);

describe('confidenceOf: the primary’s share of all the evidence', () => {
  it('is the primary’s score over the sum of every score plus the prior', () => {
    expect(confidenceOf(new Map([['fund', 2]]), 'fund')).toBe(0.5);
    expect(confidenceOf(new Map([['fund', 1]]), 'fund')).toBe(Math.round((1 / (1 + EVIDENCE_PRIOR)) * 1000) / 1000);
    expect(confidenceOf(new Map([['fund', 3], ['plan', 1]]), 'fund')).toBe(0.5);
  });

  it('counts every rival, not only the runner-up', () => {
    const twoRivals = confidenceOf(new Map([['fund', 3], ['plan', 1], ['law', 1]]), 'fund');
    const oneRival = confidenceOf(new Map([['fund', 3], ['plan', 1]]), 'fund');
    expect(twoRivals).toBeLessThan(oneRival);
  });

  it('halves a mixed item: four or more instruments with evidence', () => {
    const three = confidenceOf(new Map([['fund', 6], ['plan', 1], ['law', 1]]), 'fund');
    const four = confidenceOf(new Map([['fund', 6], ['plan', 0.5], ['law', 0.5], ['train', 1]]), 'fund');
    expect([three, four]).toEqual([0.6, 0.3]);
  });

  it('is 0..1 with three decimals, and the no-evidence value without evidence', () => {
    expect(confidenceOf(new Map(), 'none')).toBe(NO_EVIDENCE_CONFIDENCE);
    for (const scores of [[1000], [0.3, 0.3], [7, 2.5, 0.3], [1, 1, 1, 1, 1], [1 / 3, 2 / 3]]) {
      const c = confidenceOf(new Map(scores.map((s, i) => [`c${i}`, s])), 'c0');
      expect(c).toBeGreaterThan(0);
      expect(c).toBeLessThan(1);
      expect(Math.round(c * 1000) / 1000).toBe(c);
    }
  });
});

describe('the coder’s confidence orders clauses by how clearly their evidence names the primary', () => {
  it('more evidence for the primary alone gives more confidence: a carrier < a measure term < two terms < a decision rule', () => {
    const carrier = code(['推进', '。']);
    const term = code(['规划', '。']);
    const twoTerms = code(['规划', '推进', '支持', '完善', '。']);
    const rule = code(['企业', '应当', '遵守', '。']);
    expect([carrier.primary, term.primary, twoTerms.primary, rule.primary]).toEqual(['plan', 'plan', 'plan', 'law']);
    expect(carrier.confidence).toBeLessThan(term.confidence);
    expect(term.confidence).toBeLessThan(twoTerms.confidence);
    expect(twoTerms.confidence).toBeLessThan(rule.confidence);
  });

  it('a clause with evidence for a third instrument is less certain than one with the same primary and runner-up only', () => {
    const two = code(['补贴', '贷款', '担保', '规划', '。']);
    const three = code(['补贴', '贷款', '担保', '规划', '规范', '。']);
    expect([two.primary, three.primary, two.runnerUp, three.runnerUp]).toEqual(['fund', 'fund', 'plan', 'plan']);
    expect(three.confidence).toBeLessThan(two.confidence);
  });

  it('a long item naming four instruments ranks below a clause naming one, whatever its word count', () => {
    const mixed = code(['补贴', '贷款', '担保', '补贴', '规划', '规范', '培训', '。']);
    const single = code(['补贴', '。']);
    expect(mixed.primary).toBe('fund');
    expect(mixed.confidence).toBeLessThan(single.confidence);
  });

  it('a tie ranks below a clear primary and above a clause with no evidence; a none formula ranks first', () => {
    const tie = code(['补贴', '规划', '。']);
    const clear = code(['补贴', '贷款', '。']);
    const nothing = code(['今天', '。']);
    const formula = code(['补贴', '自', '2024年', '起施行', '。']);
    expect([nothing.decidedBy, nothing.confidence, formula.confidence]).toEqual(['no evidence', NO_EVIDENCE_CONFIDENCE, NONE_RULE_CONFIDENCE]);
    expect(tie.confidence).toBeLessThan(clear.confidence);
    expect(tie.confidence).toBeGreaterThan(nothing.confidence);
    expect(formula.confidence).toBeGreaterThan(clear.confidence);
  });

  it('is the same for the same clause, in multi and single mode', () => {
    const single = compileCodebook({ ...cb.codebook, mode: 'single' });
    const tokens = ['补贴', '贷款', '规划', '规范', '。'];
    expect(codeClause('u', tokens, single).confidence).toBe(code(tokens).confidence);
    expect(code(tokens).confidence).toBe(code([...tokens]).confidence);
  });
});
