import { describe, expect, it } from 'vitest';
import { chiSquareP, chiSquareTest, fisherExact2x2, fisherSimulated, meetsCochran } from '../../src/core/tables/chiSquareTest.js';

/*
 * Reference values: printed by scripts/statistics-reference.py (scipy 1.17.1's
 * chi2_contingency(t, correction=False), which gives what R's chisq.test(t, correct = FALSE) gives,
 * and Fisher's p by enumerating every table with the observed margins, as R's fisher.test);
 * tables (a) and (c) are also worked by hand in the comments.
 */
describe('Pearson chi-square test of independence', () => {
  it('(a) 2 x 3: chi-square 7.3317, df 2, p = exp(-x/2) = 0.02558, V 0.3829, one expected count below 5', () => {
    const r = chiSquareTest([[12, 5, 7], [8, 15, 3]])!;
    expect(r.chiSquare).toBeCloseTo(7.331730769230768, 10);
    expect(r.df).toBe(2);
    expect(r.p).toBeCloseTo(0.02558202341238982, 12);
    expect(r.p).toBeCloseTo(Math.exp(-r.chiSquare / 2), 12); // df 2: the upper tail is exp(-x/2)
    expect(r.cramersV).toBeCloseTo(0.38292899522576684, 12);
    expect(r.minExpected).toBeCloseTo(4.8, 12);
    expect([r.cellsBelow5, r.cells]).toEqual([1, 6]);
    expect(meetsCochran(r)).toBe(true); // 1 of 6 cells = 16.7% <= 20%
  });

  it('(b) 3 x 3 with a tiny p: 36.2036, df 4, p 2.6277e-7', () => {
    const r = chiSquareTest([[20, 15, 5], [10, 25, 15], [5, 10, 30]])!;
    expect(r.chiSquare).toBeCloseTo(36.20357142857142, 10);
    expect(r.df).toBe(4);
    expect(r.p / 2.6276548601661265e-7).toBeCloseTo(1, 8);
    expect(r.cramersV).toBeCloseTo(0.36617932981983237, 12);
    expect(r.cellsBelow5).toBe(0);
  });

  it('(c) 2 x 2 [[3,1],[1,3]]: every expected count is 2, chi-square 4 x (1/2) = 2, p 0.1573; Fisher 34/70', () => {
    const r = chiSquareTest([[3, 1], [1, 3]])!;
    expect(r.chiSquare).toBeCloseTo(2, 12);
    expect(r.p).toBeCloseTo(0.15729920705028105, 12);
    expect(r.cramersV).toBeCloseTo(0.5, 12);
    expect(meetsCochran(r)).toBe(false);
    // Hypergeometric probabilities of a = 0..4 are 1, 16, 36, 16, 1 (/70); those <= P(3) sum to 34/70.
    expect(fisherExact2x2([[3, 1], [1, 3]])).toBeCloseTo(34 / 70, 12);
  });

  it('(d) 2 x 2 [[10,2],[3,15]]: chi-square 13.0317, p 0.00030627; Fisher p 0.00053672', () => {
    const r = chiSquareTest([[10, 2], [3, 15]])!;
    expect(r.chiSquare).toBeCloseTo(13.031674208144796, 10);
    expect(r.p).toBeCloseTo(0.00030626663018354963, 12);
    expect(fisherExact2x2([[10, 2], [3, 15]])).toBeCloseTo(0.0005367241191434357, 12);
  });

  it('(e) drops empty rows and columns before testing, and gives no test below 2 x 2', () => {
    const r = chiSquareTest([[0, 0, 0], [4, 6, 2], [3, 0, 5]])!;
    expect([r.rows, r.columns, r.df]).toEqual([2, 3, 2]);
    expect(r.chiSquare).toBeCloseTo(6.904761904761904, 10);
    expect(r.p).toBeCloseTo(0.03167014144013949, 12);
    expect(r.cramersV).toBeCloseTo(0.5875696513930031, 12);
    expect(chiSquareTest([[1, 2, 3], [0, 0, 0]])).toBeNull();
    expect(chiSquareTest([[4], [5]])).toBeNull();
  });

  it('upper tail of the chi-square distribution across df and x (scipy.stats.chi2.sf)', () => {
    expect(chiSquareP(3.84, 1)).toBeCloseTo(0.05004352124870519, 12);
    expect(chiSquareP(0.5, 7)).toBeCloseTo(0.9994464813904249, 12);
    expect(chiSquareP(250, 200)).toBeCloseTo(0.009379131668826098, 12);
    expect(chiSquareP(100, 3) / 1.5541594313896026e-21).toBeCloseTo(1, 8);
    expect(chiSquareP(0, 4)).toBe(1);
  });
});

describe("Fisher's exact test for r x c tables by simulation", () => {
  // Exact p-values from scripts/statistics-reference.py: every table with the observed margins
  // enumerated, the probabilities of those no more likely than the observed summed (34/70 for (c)).
  const exact: Array<[number[][], number]> = [
    [[[3, 1, 0], [1, 3, 2], [0, 2, 4]], 0.12409019551876713],
    [[[12, 5, 7], [8, 15, 3]], 0.02892079833336045],
    [[[2, 0, 1], [1, 4, 0], [1, 0, 1]], 0.1365079365079367],
    [[[3, 1], [1, 3]], 34 / 70],
  ];
  it('comes within 0.01 of the exact p with 20,000 tables (4 standard errors)', () => {
    for (const [t, p] of exact) expect(Math.abs(fisherSimulated(t, 20_000) - p), JSON.stringify(t)).toBeLessThan(0.01);
  });

  it('is seeded: the same table gives the same p, and p is never 0', () => {
    const t = [[30, 0], [0, 30]];
    expect(fisherSimulated(t)).toBe(fisherSimulated(t));
    expect(fisherSimulated(t)).toBe(1 / 2001);
  });
});
