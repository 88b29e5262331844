import { describe, expect, it } from 'vitest';
import {
  cohenKappa,
  fleissKappa,
  fleissKappaFromCounts,
  holsti,
  krippendorffAlpha,
  percentAgreement,
} from '../../../src/core/reliability/agreementCoefficients.js';
import { FLEISS_1971 } from './fleiss1971.js';

/** Coders as rows of space-separated values ('.' = missing) -> units x coders. */
function byUnit(...coders: string[]): Array<Array<string | null>> {
  const rows = coders.map((c) => c.trim().split(/\s+/));
  return rows[0]!.map((_, u) => rows.map((r) => (r[u] === '.' ? null : r[u]!)));
}

/** A 2x2 (or k x k) cross table of two coders -> units x coders. */
function fromCrossTable(table: number[][]): string[][] {
  const units: string[][] = [];
  table.forEach((row, i) => row.forEach((n, j) => {
    for (let k = 0; k < n; k++) units.push([`c${i}`, `c${j}`]);
  }));
  return units;
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

describe("Krippendorff's alpha (nominal), Krippendorff 2011 'Computing Krippendorff's Alpha-Reliability'", () => {
  it('A: binary data, two observers, no missing data: alpha = 0.095', () => {
    const data = byUnit('0 1 0 0 0 0 0 0 1 0', '1 1 1 0 0 1 0 0 0 0');
    expect(r3(krippendorffAlpha(data).value)).toBe(0.095);
    expect(krippendorffAlpha(data).units).toBe(10);
  });

  it('B: nominal data, two observers, no missing data: alpha = 0.692', () => {
    const data = byUnit('a a b b d c c c e d d a', 'b a b b b c c c e d d d');
    expect(r3(krippendorffAlpha(data).value)).toBe(0.692);
  });

  it('C: nominal data, four observers, missing data: alpha = 0.743, unit 12 (one value) not pairable', () => {
    const data = byUnit(
      '1 2 3 3 2 1 4 1 2 . . .',
      '1 2 3 3 2 2 4 1 2 5 . 3',
      '. 3 3 3 2 3 4 2 2 5 1 .',
      '1 2 3 3 2 4 4 1 2 5 1 .',
    );
    const alpha = krippendorffAlpha(data);
    expect(r3(alpha.value)).toBe(0.743);
    expect(alpha.units).toBe(11);
  });

  it("Wikipedia's computational example (3 coders, 15 units, many missing): alpha = 0.691", () => {
    const data = byUnit(
      '. . . . . 3 4 1 2 1 1 3 3 . 3',
      '1 . 2 1 3 3 4 3 . . . . . . .',
      '. . 2 1 3 4 4 . 2 1 1 3 3 . 4',
    );
    expect(r3(krippendorffAlpha(data).value)).toBe(0.691);
    expect(krippendorffAlpha(data).units).toBe(12);
  });

  it('is undefined (NaN), not 1, when every value is the same', () => {
    expect(krippendorffAlpha(byUnit('a a a', 'a a a')).value).toBeNaN();
  });
});

describe("Fleiss' kappa", () => {
  it('Fleiss (1971), Table 1: 30 patients, 6 psychiatrists, 5 diagnoses: kappa = 0.430; per category 0.245 0.245 0.520 0.471 0.566', () => {
    const table = FLEISS_1971;
    const k = fleissKappaFromCounts(table);
    expect(r3(k.value)).toBe(0.43);
    expect(k.units).toBe(30);
    expect(k.byCategory.map(r3)).toEqual([0.245, 0.245, 0.52, 0.471, 0.566]);
  });

  it("Wikipedia's worked example (10 subjects, 14 raters, 5 categories): kappa = 0.210", () => {
    const table = [
      '0 0 0 0 14', '0 2 6 4 2', '0 0 3 5 6', '0 3 9 2 0', '2 2 8 1 1',
      '7 7 0 0 0', '3 2 6 3 0', '2 5 3 2 2', '6 5 2 1 0', '0 2 2 3 7',
    ].map((r) => r.split(' ').map(Number));
    expect(r3(fleissKappaFromCounts(table).value)).toBe(0.21);
  });

  it('on coder data uses only the units every coder coded', () => {
    const data = byUnit('a b a .', 'a b b b', 'a b a b');
    expect(fleissKappa(data).units).toBe(3);
  });

  it('rejects a table with different numbers of coders per unit', () => {
    expect(() => fleissKappaFromCounts([[1, 1], [3, 0]])).toThrow(/same number of coders/);
  });
});

describe("Cohen's kappa", () => {
  it('textbook 2x2 example (50 proposals: yes/yes 20, yes/no 5, no/yes 10, no/no 15): po 0.70, pe 0.50, kappa = 0.400', () => {
    const data = fromCrossTable([[20, 5], [10, 15]]);
    expect(r3(cohenKappa(data).value)).toBe(0.4);
    expect(percentAgreement(data).value).toBeCloseTo(0.7, 12);
  });

  it('same agreement, different marginals (45/15/25/15 vs 25/35/5/35): kappa 0.130 and 0.259', () => {
    expect(r3(cohenKappa(fromCrossTable([[45, 15], [25, 15]])).value)).toBe(0.13);
    expect(r3(cohenKappa(fromCrossTable([[25, 35], [5, 35]])).value)).toBe(0.259);
  });

  it('leaves out units either coder missed, and reports how many it used', () => {
    const k = cohenKappa(byUnit('a b a b .', 'a b a . a'));
    expect(k).toEqual({ value: 1, units: 3 });
  });
});

describe('percent agreement and Holsti', () => {
  it('three coders: the mean share of agreeing pairs per unit', () => {
    // unit 1: 3 of 3 pairs agree; unit 2: 1 of 3; unit 3 (two values): 0 of 1.
    expect(percentAgreement(byUnit('a a a', 'a b b', 'a b .')).value).toBeCloseTo((1 + 1 / 3 + 0) / 3, 12);
  });

  it('Holsti 2M/(N1+N2) counts units only one coder coded in the denominator', () => {
    // M = 3 alike; coder 1 coded 4 units, coder 2 coded 5.
    expect(holsti(byUnit('a b a b .', 'a b a a c')).value).toBeCloseTo(6 / 9, 12);
    expect(percentAgreement(byUnit('a b a b .', 'a b a a c')).value).toBeCloseTo(3 / 4, 12);
  });

  it('Holsti leaves out a pair of coders who coded no unit in common: their 2M/(N1+N2) = 0 is no disagreement', () => {
    // Coders 1 and 2 coded the same three units alike; coder 3 coded two other units only.
    const data = byUnit('a b a . .', 'a b a . .', '. . . a b');
    expect(holsti(data).value).toBe(1);
    expect(holsti(byUnit('a b . .', '. . a b')).value).toBeNaN();
  });
});
