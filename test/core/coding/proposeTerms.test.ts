import { describe, expect, it } from 'vitest';
import { codeUnits } from '../../../src/core/coding/crossValidateFit.js';
import type { FitUnit } from '../../../src/core/coding/fitWeights.js';
import { proposeTerms, wilsonLower, withAddedTerms, type ProposeOptions } from '../../../src/core/coding/proposeTerms.js';
import type { Codebook } from '../../../src/core/codebook/Codebook.js';
import { validateCodebook } from '../../../src/core/codebook/validateCodebook.js';

function book(): Codebook {
  const r = validateCodebook({
    codebook: 'tiny',
    version: '1.0.0',
    categories: [
      { id: 'information', label: { zh: '信息服务' }, topics: ['数据'], keywords: ['信息共享'] },
      { id: 'financial', label: { zh: '金融支持' }, keywords: [{ term: '补贴', weight: 2 }] },
      { id: 'strategic', label: { zh: '策略性措施' }, keywords: ['规划'] },
    ],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.codebook;
}

let n = 0;
const unit = (doc: string, tokens: string[], gold: string): FitUnit => ({ unitId: `u${++n}`, doc, tokens, gold });
const inDocs = (docs: string[], tokens: string[], gold: string) => docs.map((d) => unit(d, tokens, gold));

// Each word below is in units coded by hand; the comment says why it is or is not proposed. Units hold
// little else, so that no other word of two characters becomes a candidate.
const UNITS: FitUnit[] = [
  // 宣讲: information in 4 units of 3 documents, coded none by the codebook: proposed.
  ...inDocs(['d1', 'd2', 'd3', 'd3'], ['宣讲', '。'], 'information'),
  // 北京市: strategy in 3 documents, but a place name.
  ...inDocs(['d1', 'd2', 'd3'], ['北京市', '规划'], 'strategic'),
  // 试点: strategy in 2 documents only.
  ...inDocs(['d1', 'd2', 'd2'], ['试点'], 'strategic'),
  // 平台: half information, half strategy.
  ...inDocs(['d1', 'd2'], ['平台'], 'information'),
  ...inDocs(['d3', 'd4'], ['平台'], 'strategic'),
  // 数据中心: holds the topic 数据 (a field, not a measure).
  ...inDocs(['d1', 'd2', 'd3'], ['数据中心'], 'information'),
  // 补贴资金: holds 补贴, a keyword of another instrument.
  ...inDocs(['d1', 'd2', 'd3'], ['补贴资金'], 'information'),
  // 本办法: coded none: no instrument to add it to.
  ...inDocs(['d1', 'd2', 'd3'], ['本办法'], 'none'),
  // 通报会: information in 5 of 6 units, but the majority code in 2 documents only (d5 has one of each).
  ...inDocs(['d1', 'd1', 'd1', 'd2', 'd5'], ['通报会'], 'information'),
  unit('d5', ['通报会'], 'strategic'),
  // 发布会: information in 3 documents, but the codebook codes its units right already (信息共享).
  ...inDocs(['d1', 'd2', 'd3'], ['发布会', '信息共享'], 'information'),
];

const LOOSE: ProposeOptions = { minDocs: 3, minUnits: 3, minPrecision: 0.8, minLower: 0.3, weight: 1, minGain: 0 };
const tags = new Map([['北京市', 'ns']]);
const tagOf = (w: string) => tags.get(w) ?? 'n';
const proposed = (options: ProposeOptions, units = UNITS) => proposeTerms(book(), units, options, tagOf).map((t) => `${t.term} (${t.category})`);

describe('proposeTerms', () => {
  it('proposes only the words of several documents whose units carry one instrument, not places, fields, known terms or none', () => {
    expect(proposed(LOOSE)).toEqual(['宣讲 (information)', '发布会 (information)']);
    const [briefing] = proposeTerms(book(), UNITS, LOOSE, tagOf);
    expect(briefing).toMatchObject({ term: '宣讲', units: 4, hits: 4, documents: 3, majorityDocuments: 3, precision: 1, fixed: 4, broken: 0, tag: 'n' });
    expect(briefing!.lower).toBeCloseTo(wilsonLower(4, 4), 10);
  });

  it('keeps only the words that, added alone, code more units right (the minimum gain)', () => {
    expect(proposed({ ...LOOSE, minGain: 2 })).toEqual(['宣讲 (information)']);
    expect(proposed({ ...LOOSE, minGain: 5 })).toEqual([]);
  });

  it('holds each threshold: units, documents, precision and its lower bound', () => {
    expect(proposed({ ...LOOSE, minUnits: 5 })).toEqual([]);
    expect(proposed({ ...LOOSE, minDocs: 4 })).toEqual([]);
    expect(proposed({ ...LOOSE, minDocs: 2 })).toEqual(['宣讲 (information)', '发布会 (information)', '通报会 (information)', '试点 (strategic)']);
    expect(proposed({ ...LOOSE, minLower: 0.45 })).toEqual(['宣讲 (information)']);
    // 2 of 3 units: precision 0.67.
    const mixed = [...inDocs(['d1', 'd2'], ['宣讲', '。'], 'information'), unit('d3', ['宣讲', '。'], 'strategic'), unit('d4', ['宣讲'], 'information')];
    expect(proposed({ ...LOOSE, minDocs: 2, minUnits: 4 }, mixed)).toEqual([]);
    expect(proposed({ ...LOOSE, minDocs: 2, minUnits: 4, minPrecision: 0.75 }, mixed)).toEqual(['宣讲 (information)']);
  });

  it('gives the same list whatever the order of the units', () => {
    expect(proposed({ ...LOOSE, minDocs: 2 }, [...UNITS].reverse())).toEqual(proposed({ ...LOOSE, minDocs: 2 }));
  });

  it('adds the terms as keywords of their instrument at the weight asked, which then code the units', () => {
    const added = withAddedTerms(book(), [{ term: '宣讲', category: 'information' }], 0.5);
    expect(added.leaves.find((l) => l.id === 'information')!.keywords.map((k) => [k.term, k.weight])).toEqual([['信息共享', 1], ['宣讲', 0.5]]);
    const briefings = UNITS.slice(0, 4);
    expect(codeUnits(book(), briefings).map((u) => u.auto)).toEqual(['none', 'none', 'none', 'none']);
    expect(codeUnits(added, briefings).map((u) => u.auto)).toEqual(['information', 'information', 'information', 'information']);
  });

  it('computes the Wilson lower bound', () => {
    expect(wilsonLower(5, 5)).toBeCloseTo(0.5655, 3);
    expect(wilsonLower(8, 10)).toBeCloseTo(0.4902, 3);
    expect(wilsonLower(0, 0)).toBe(0);
  });
});
