import { describe, expect, it } from 'vitest';
import { paramLabel, weightParams, withWeights } from '../../../src/core/coding/codebookWeights.js';
import { codeUnits, crossValidateFit, documentFolds } from '../../../src/core/coding/crossValidateFit.js';
import { fitWeights, type FitOptions, type FitUnit } from '../../../src/core/coding/fitWeights.js';
import type { Codebook } from '../../../src/core/codebook/Codebook.js';
import { validateCodebook } from '../../../src/core/codebook/validateCodebook.js';
import { shareDistance } from '../../../src/core/reliability/codingFigures.js';

/** 资金 (1) ties with 规划 (1) and, named first, wins (rule 5); so does 规划 with 标准. */
function book(): Codebook {
  const r = validateCodebook({
    codebook: 'tiny',
    version: '1.0.0',
    categories: [
      { id: 'financial', label: { zh: '金融支持' }, keywords: ['资金', { term: '补贴', weight: 2 }] },
      { id: 'strategic', label: { zh: '策略性措施' }, keywords: ['规划'] },
      { id: 'legal_regulatory', label: { zh: '法规管制' }, keywords: ['标准'] },
    ],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.codebook;
}

const unit = (unitId: string, doc: string, tokens: string[], gold: string): FitUnit => ({ unitId, doc, tokens, gold });

// Hand-coded: money named beside a plan is the plan (strategic) in three documents; money alone is
// financial; one unit where a plan is named before a standard is regulation.
const UNITS: FitUnit[] = [
  unit('u1', 'd1', ['资金', '保障', '规划'], 'strategic'),
  unit('u2', 'd2', ['资金', '用于', '规划'], 'strategic'),
  unit('u3', 'd3', ['统筹', '资金', '编制', '规划'], 'strategic'),
  unit('u4', 'd1', ['资金', '到位'], 'financial'),
  unit('u5', 'd4', ['规划', '标准'], 'legal_regulatory'),
  unit('u6', 'd4', ['发放', '补贴'], 'financial'),
];

const OPTIONS: FitOptions = { grid: [0, 0.5, 1, 2, 3], minGain: 2, maxChanges: 10, minDocs: 1 };
const summary = (changes: ReturnType<typeof fitWeights>['changes']) => changes.map((c) => `${paramLabel(c.param)}: ${c.from} -> ${c.to}`);

describe('fitWeights', () => {
  it('lowers a weight that codes three hand-coded units wrong, to the nearest weight that fixes them', () => {
    const before = codeUnits(book(), UNITS).map((u) => u.auto);
    expect(before).toEqual(['financial', 'financial', 'financial', 'financial', 'strategic', 'financial']);
    const fit = fitWeights(book(), UNITS, OPTIONS);
    // 0.5 fixes u1-u3 and keeps u4; removing 资金 (0) would also break u4, so it gains less. Raising
    // 规划 to 2 gains as much: the tie goes to the earlier term in codebook order.
    expect(summary(fit.changes)).toEqual(['keyword 资金 (financial): 1 -> 0.5']);
    expect(fit.changes[0]).toMatchObject({ fixed: ['u1', 'u2', 'u3'], broken: [], documents: 3 });
    expect([fit.correctBefore, fit.correctAfter]).toEqual([2, 5]);
    expect(codeUnits(fit.codebook, UNITS).map((u) => u.auto)).toEqual(['strategic', 'strategic', 'strategic', 'financial', 'strategic', 'financial']);
  });

  it('leaves a weight whose change gains fewer units than the minimum, and makes it when the minimum allows', () => {
    // Raising 标准 fixes only u5: one unit, below --min-gain 2.
    expect(summary(fitWeights(book(), UNITS, OPTIONS).changes)).toEqual(['keyword 资金 (financial): 1 -> 0.5']);
    expect(summary(fitWeights(book(), UNITS, { ...OPTIONS, minGain: 1 }).changes)).toEqual(['keyword 资金 (financial): 1 -> 0.5', 'keyword 标准 (legal_regulatory): 1 -> 2']);
  });

  it('needs the fixed units to come from enough documents', () => {
    expect(fitWeights(book(), UNITS, { ...OPTIONS, minDocs: 3 }).changes).toHaveLength(1);
    expect(fitWeights(book(), UNITS, { ...OPTIONS, minDocs: 4 }).changes).toEqual([]);
  });

  it('stops at the cap on changes', () => {
    expect(fitWeights(book(), UNITS, { ...OPTIONS, minGain: 1, maxChanges: 1 }).changes).toHaveLength(1);
  });

  it('gives the same changes from the same input, and does not change the codebook it was given', () => {
    const a = fitWeights(book(), UNITS, { ...OPTIONS, minGain: 1 });
    const b = fitWeights(book(), UNITS, { ...OPTIONS, minGain: 1 });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    const original = book();
    fitWeights(original, UNITS, OPTIONS);
    expect(JSON.stringify(original)).toBe(JSON.stringify(book()));
  });

  it('never removes the last measure of a category', () => {
    // Removing both financial terms would code every unit right, but would leave the category with
    // nothing to code it: only 补贴 (which alone fixes one unit) goes.
    const units = [unit('a', 'd1', ['补贴', '资金'], 'none'), unit('b', 'd2', ['资金', '补贴'], 'none'), unit('c', 'd3', ['补贴'], 'none')];
    const fit = fitWeights(book(), units, { ...OPTIONS, minGain: 1 });
    expect(summary(fit.changes)).toEqual(['keyword 补贴 (financial): 2 -> 0']);
    expect(weightParams(fit.codebook).filter((p) => p.category === 'financial').map((p) => p.key)).toEqual(['financial/keyword/资金']);
  });
});

describe('withWeights', () => {
  it('replaces weights by key and removes a term at weight 0, leaving the input as it was', () => {
    const b = book();
    const changed = withWeights(b, new Map([['financial/keyword/资金', 0], ['strategic/keyword/规划', 3]]));
    expect(weightParams(changed).map((p) => `${p.key}=${p.weight}`)).toEqual(['financial/keyword/补贴=2', 'strategic/keyword/规划=3', 'legal_regulatory/keyword/标准=1']);
    expect(weightParams(b)).toHaveLength(4);
  });

  it('offers the weight of every weighted decision rule, rule 1 for regulation included', () => {
    const r = validateCodebook({
      codebook: 'tiny',
      version: '1.0.0',
      rules: { regulation: { acts: ['整改'], actors: ['机构'], names: ['局'], reach: 10, category: 'legal_regulatory', weight: 2 } },
      categories: [{ id: 'legal_regulatory', label: { zh: '法规管制' }, keywords: ['标准'] }],
    });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(weightParams(r.codebook).filter((p) => p.kind === 'rule').map((p) => `${p.key}=${p.weight}`)).toEqual(['rules/regulation=2']);
    expect(withWeights(r.codebook, new Map([['rules/regulation', 1]])).rules.regulation?.weight).toBe(1);
  });
});

describe('crossValidateFit', () => {
  it('deals documents to folds in sorted order, and codes each unit by a fit that never saw its document', () => {
    expect(documentFolds(['d3', 'd1', 'd2', 'd1', 'd4'], 2)).toEqual([['d1', 'd3'], ['d2', 'd4']]);
    const cv = crossValidateFit(book(), UNITS, 4, OPTIONS);
    expect(cv.folds.map((f) => f.documents)).toEqual([['d1'], ['d2'], ['d3'], ['d4']]);
    // Held out d1 (u1, u4): the others still show the 资金 pattern (u2, u3), so u1 is fixed.
    expect(cv.after.map((u) => u.auto)).toEqual(['strategic', 'strategic', 'strategic', 'financial', 'strategic', 'financial']);
    expect(cv.before.map((u) => u.auto)).toEqual(codeUnits(book(), UNITS).map((u) => u.auto));
  });

  it('measures the distance of code shares', () => {
    expect(shareDistance(['a', 'a', 'b', 'b'], ['a', 'a', 'a', 'b'])).toBeCloseTo(0.25, 10);
    expect(shareDistance(['a'], ['a'])).toBe(0);
  });
});
