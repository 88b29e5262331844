import { describe, expect, it } from 'vitest';
import { validateCodebook } from '../../../src/core/codebook/validateCodebook.js';
import { compileCodebook } from '../../../src/core/coding/compileCodebook.js';
import { codeClause } from '../../../src/core/coding/codeClause.js';
import { confidenceOf, COVERAGE_FLOOR, doubtOf, evidenceCoverage, EVIDENCE_PRIOR, FULL_COVERAGE, MEASURE_WEIGHT, NO_EVIDENCE_CONFIDENCE, NONE_RULE_CONFIDENCE } from '../../../src/core/coding/confidence.js';
import type { Match } from '../../../src/core/types.js';

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
/** The tiny codebook with more top-level keys (its `confidence:` block). */
function compiledWith(extra: Record<string, unknown>) {
  const r = validateCodebook({ ...raw, ...extra });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return compileCodebook(r.codebook);
}
const code = (tokens: string[]) => codeClause('u', tokens, cb);

describe('confidenceOf: the primary’s share of all the evidence', () => {
  it('is the primary’s score over the sum of every score plus the prior', () => {
    expect(confidenceOf(new Map([['fund', 2]]), 'fund', 1)).toBe(0.5);
    expect(confidenceOf(new Map([['fund', 1]]), 'fund', 1)).toBe(Math.round((1 / (1 + EVIDENCE_PRIOR)) * 1000) / 1000);
    expect(confidenceOf(new Map([['fund', 3], ['plan', 1]]), 'fund', 1)).toBe(0.5);
  });

  it('counts every rival, not only the runner-up', () => {
    const twoRivals = confidenceOf(new Map([['fund', 3], ['plan', 1], ['law', 1]]), 'fund', 1);
    const oneRival = confidenceOf(new Map([['fund', 3], ['plan', 1]]), 'fund', 1);
    expect(twoRivals).toBeLessThan(oneRival);
  });

  it('halves a mixed item: four or more instruments with evidence', () => {
    const three = confidenceOf(new Map([['fund', 6], ['plan', 1], ['law', 1]]), 'fund', 1);
    const four = confidenceOf(new Map([['fund', 6], ['plan', 0.5], ['law', 0.5], ['train', 1]]), 'fund', 1);
    expect([three, four]).toEqual([0.6, 0.3]);
  });

  it('is 0..1 with three decimals, and the no-evidence value without evidence', () => {
    expect(confidenceOf(new Map(), 'none', 1)).toBe(NO_EVIDENCE_CONFIDENCE);
    for (const scores of [[1000], [0.3, 0.3], [7, 2.5, 0.3], [1, 1, 1, 1, 1], [1 / 3, 2 / 3]]) {
      const c = confidenceOf(new Map(scores.map((s, i) => [`c${i}`, s])), 'c0', 1);
      expect(c).toBeGreaterThan(0);
      expect(c).toBeLessThan(1);
      expect(Math.round(c * 1000) / 1000).toBe(c);
    }
  });
});

const match = (category: string, start: number, end: number): Match => ({ category, term: 'x', start, end, weight: 1 });

describe('evidenceCoverage: the share of the text inside the primary’s evidence', () => {
  it('counts each character once, and only the primary’s matches', () => {
    const matches = [match('fund', 0, 2), match('fund', 1, 4), match('plan', 4, 10), match('fund', 8, 10)];
    expect(evidenceCoverage(matches, 'fund', 20)).toBe(6 / 20);
    expect(evidenceCoverage(matches, 'plan', 20)).toBe(6 / 20);
    expect(evidenceCoverage(matches, 'law', 20)).toBe(0);
    expect(evidenceCoverage([match('fund', 0, 4)], 'fund', 4)).toBe(1);
  });

  it('does not depend on the order of the matches', () => {
    const matches = [match('fund', 8, 10), match('fund', 0, 3), match('fund', 2, 5)];
    expect(evidenceCoverage(matches, 'fund', 10)).toBe(evidenceCoverage([...matches].reverse(), 'fund', 10));
    expect(evidenceCoverage(matches, 'fund', 10)).toBe(0.7);
  });
});

describe('confidenceOf: evidence that covers little of the text', () => {
  const scores = new Map([['fund', 2]]);
  it('is full from FULL_COVERAGE of the text on, and falls linearly to COVERAGE_FLOOR of itself at none', () => {
    const full = confidenceOf(scores, 'fund', 1);
    expect(confidenceOf(scores, 'fund', FULL_COVERAGE)).toBe(full);
    expect(confidenceOf(scores, 'fund', 0)).toBe(Math.round(full * COVERAGE_FLOOR * 1000) / 1000);
    const half = confidenceOf(scores, 'fund', FULL_COVERAGE / 2);
    expect(half).toBe(Math.round(full * (COVERAGE_FLOOR + (1 - COVERAGE_FLOOR) / 2) * 1000) / 1000);
    expect(confidenceOf(scores, 'fund', 0.05)).toBeLessThan(confidenceOf(scores, 'fund', 0.15));
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

  it('the same word alone ranks above the same word in a long sentence that nothing else in the codebook reads', () => {
    const alone = code(['给予', '补贴', '。']);
    const long = code(['对', '在', '本市', '连续', '经营', '满', '三年', '且', '上', '一年度', '营业收入', '不低于', '五百万元', '的', '企业', '给予', '补贴', '。']);
    expect([alone.primary, long.primary, alone.scores, long.scores]).toEqual(['fund', 'fund', { fund: 1 }, { fund: 1 }]);
    expect(long.confidence).toBeLessThan(alone.confidence);
  });

  it('two measure words lost in a long sentence rank below one that is most of a short clause', () => {
    const lost = code(['在', '本市', '连续', '经营', '满', '三年', '且', '上', '一年度', '营业收入', '不低于', '五百万元', '并', '按时', '报送', '统计', '报表', '的', '企业', '经', '所在', '区', '主管', '部门', '审核', '同意', '后', '可以', '申请', '补贴', '和', '贷款', '。']);
    const short = code(['规划', '先行', '。']);
    expect([lost.primary, lost.scores, short.primary, short.scores]).toEqual(['fund', { fund: 2 }, 'plan', { plan: 1 }]);
    expect(lost.confidence).toBeLessThan(short.confidence);
  });

  it('is the same for the same clause, in multi and single mode', () => {
    const single = compileCodebook({ ...cb.codebook, mode: 'single' });
    const tokens = ['补贴', '贷款', '规划', '规范', '。'];
    expect(codeClause('u', tokens, single).confidence).toBe(code(tokens).confidence);
    expect(code(tokens).confidence).toBe(code([...tokens]).confidence);
  });
});

describe('doubtOf: the codebook’s doubts about a unit', () => {
  const settings = { residual: ['plan'], residualFactor: 0.8, rivalFactor: 0.7 };
  const m = (category: string, weight: number): Match => ({ category, term: 'x', start: 0, end: 1, weight });
  it('is the residual factor for a residual primary, the rival factor where another instrument has a measure, both multiplied', () => {
    expect(doubtOf([m('fund', 2)], 'fund', settings)).toBe(1);
    expect(doubtOf([m('plan', 1)], 'plan', settings)).toBe(0.8);
    expect(doubtOf([m('fund', 2), m('law', MEASURE_WEIGHT)], 'fund', settings)).toBe(0.7);
    expect(doubtOf([m('plan', 2), m('law', 1), m('train', 3)], 'plan', settings)).toBeCloseTo(0.56, 10);
  });

  it('counts a rival only with a measure (weight 1 or more), not with carriers, and once', () => {
    expect(doubtOf([m('fund', 2), m('plan', 0.5), m('plan', 0.5), m('law', 0.3)], 'fund', settings)).toBe(1);
    expect(doubtOf([m('fund', 2), m('law', 1), m('law', 1), m('train', 2)], 'fund', settings)).toBe(0.7);
  });

  it('is 1 for a codebook that sets no doubts', () => {
    expect(doubtOf([m('plan', 1), m('law', 2)], 'plan', cb.codebook.confidence)).toBe(1);
  });
});

describe('a codebook’s doubts lower the confidence of strategy and of units naming another measure', () => {
  const doubting = compiledWith({ confidence: { residual: ['plan'], residual_factor: 0.8, rival_factor: 0.8 } });
  const both = (tokens: string[]) => [codeClause('u', tokens, cb), codeClause('u', tokens, doubting)] as const;

  it('a residual instrument keeps its code and loses confidence; another code with the same evidence does not', () => {
    const [plainPlan, doubtedPlan] = both(['规划', '。']);
    const [plainFund, doubtedFund] = both(['补贴', '。']);
    expect([doubtedPlan.primary, doubtedPlan.scores, doubtedFund.primary, doubtedFund.scores]).toEqual(['plan', { plan: 1 }, 'fund', { fund: 1 }]);
    expect(plainPlan.confidence).toBe(plainFund.confidence);
    expect(doubtedFund.confidence).toBe(plainFund.confidence);
    expect(doubtedPlan.confidence).toBeCloseTo(plainPlan.confidence * 0.8, 2);
    expect(doubtedPlan.confidence).toBeLessThan(doubtedFund.confidence);
  });

  it('a rival measure lowers the confidence, a rival carrier only by its share', () => {
    const [plainMeasure, rivalMeasure] = both(['补贴', '贷款', '担保', '规范', '。']);
    const [plainCarrier, rivalCarrier] = both(['补贴', '贷款', '担保', '推进', '完善', '。']);
    expect([rivalMeasure.primary, rivalMeasure.scores, rivalCarrier.primary, rivalCarrier.scores]).toEqual(['fund', { fund: 3, law: 1 }, 'fund', { fund: 3, plan: 1 }]);
    expect(plainMeasure.confidence).toBe(plainCarrier.confidence);
    expect(rivalCarrier.confidence).toBe(plainCarrier.confidence);
    expect(rivalMeasure.confidence).toBeLessThan(rivalCarrier.confidence);
  });

  it('leaves codes, none formulae and units without evidence alone', () => {
    for (const tokens of [['补贴', '自', '2024年', '起施行', '。'], ['今天', '。'], ['企业', '应当', '遵守', '规划', '。']]) {
      const [plain, doubted] = both(tokens);
      expect({ ...doubted, confidence: 0 }).toEqual({ ...plain, confidence: 0 });
    }
    expect(both(['今天', '。'])[1].confidence).toBe(NO_EVIDENCE_CONFIDENCE);
  });

  it('a unit with no evidence still ranks below a long mixed item of strategy with rival measures', () => {
    const mixed = codeClause('u', ['在', '本市', '连续', '经营', '满', '三年', '且', '上', '一年度', '营业收入', '不低于', '五百万元', '的', '企业', '中', '推进', '规划', '完善', '支持', '补贴', '规范', '培训', '。'], doubting);
    const nothing = codeClause('u', ['在', '本市', '连续', '经营', '满', '三年', '的', '企业', '中', '。'], doubting);
    expect([mixed.primary, mixed.categories.length, nothing.decidedBy]).toEqual(['plan', 4, 'no evidence']);
    expect(mixed.confidence).toBeGreaterThan(nothing.confidence);
    expect(mixed.confidence).toBeLessThan(0.1);
  });
});
