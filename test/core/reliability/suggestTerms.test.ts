import { describe, expect, it } from 'vitest';
import { keyTerms, logLikelihood, misfiringTerms, type SuggestionUnit } from '../../../src/core/reliability/suggestTerms.js';

const unit = (unitId: string, primary: string, tokens: string, matches: Array<[string, string]> = [], secondary: string[] = []): SuggestionUnit => ({
  unitId, tokens: tokens.split(' '), gold: { primary, secondary }, matches: matches.map(([term, category]) => ({ term, category })),
});

describe('suggestTerms', () => {
  it('log-likelihood G2 by hand: 10 of 100 tokens against 0 of 100 is 2*10*ln 2', () => {
    expect(logLikelihood(10, 0, 100, 100)).toBeCloseTo(20 * Math.log(2), 12);
    expect(logLikelihood(5, 5, 100, 100)).toBeCloseTo(0, 12);
  });

  const units = [
    unit('a', 'fin', '给予 购房 补贴 ， 购房 款'),
    unit('b', 'fin', '发放 购房 补贴'),
    unit('c', 'law', '不得 违规 购房'),
    unit('d', 'law', '加强 监管 ， 违规 处罚', [['补贴', 'fin']]),
    unit('e', 'law', '违规 行为 补贴', [['补贴', 'fin']], ['fin']),
  ];

  it('key terms: over-represented, not in the codebook, frequent enough, in two units or more', () => {
    const terms = keyTerms(units, new Set(['补贴']), { minFrequency: 2, top: 5 });
    // 购房: 3 in fin (2 units), 1 in law. 违规: 3 in law (3 units), 0 in fin. 补贴 is a codebook term.
    expect(terms.map((t) => [t.label, t.term, t.frequency, t.units, t.otherFrequency])).toEqual([
      ['fin', '购房', 3, 2, 1],
      ['law', '违规', 3, 3, 0],
    ]);
  });

  it('misfiring terms: a firing counts as wrong only when no human code (primary or secondary) has its category', () => {
    expect(misfiringTerms(units, { top: 5 })).toEqual([{ term: '补贴', category: 'fin', fires: 2, wrong: 1, humanCodes: 'law×1' }]);
  });
});
