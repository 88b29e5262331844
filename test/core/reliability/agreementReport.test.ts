import { describe, expect, it } from 'vitest';
import { FLEISS_1971 } from './fleiss1971.js';
import { agreementReport, type CoderCodes, type UnitCodes } from '../../../src/core/reliability/agreementReport.js';

const coder = (entries: Array<[string, string, string[]?]>): CoderCodes =>
  new Map(entries.map(([u, primary, secondary]) => [u, { primary, secondary: secondary ?? [] } as UnitCodes]));

describe('agreementReport', () => {
  it('Fleiss (1971) per diagnosis, as presence/absence of each category: 0.245 0.245 0.520 0.471 0.566', () => {
    const table = FLEISS_1971;
    const names = ['depression', 'personality', 'schizophrenia', 'neurosis', 'other'];
    // Fleiss' raters differ from patient to patient; any assignment of the counts to six columns gives the same kappa.
    const coders = Array.from({ length: 6 }, () => new Map<string, UnitCodes>());
    table.forEach((counts, u) => {
      const values = counts.flatMap((n, j) => Array<string>(n).fill(names[j]!));
      values.forEach((v, c) => coders[c]!.set(`p${String(u).padStart(2, '0')}`, { primary: v, secondary: [] }));
    });
    const report = agreementReport(coders, names);
    const r3 = (x: number) => Math.round(x * 1000) / 1000;
    expect(report.rows.map((r) => [r.scope, r3(r.fleissKappa)])).toEqual([
      ['primary', 0.43],
      ['depression', 0.245],
      ['personality', 0.245],
      ['schizophrenia', 0.52],
      ['neurosis', 0.471],
      ['other', 0.566],
    ]);
    expect(report.rows[0]!.completeUnits).toBe(30);
    expect(Number.isNaN(report.rows[0]!.cohenKappa)).toBe(true);
  });

  it('secondary codes count as presence; a unit one coder lacks is missing, not absent', () => {
    const a = coder([['u1', '财政', ['税收']], ['u2', '税收'], ['u3', 'none']]);
    const b = coder([['u1', '税收'], ['u2', '税收']]);
    const report = agreementReport([a, b]);
    const tax = report.rows.find((r) => r.scope === '税收')!;
    expect(tax.pairableUnits).toBe(2);
    expect(tax.percentAgreement).toBe(1);
    expect(tax.codings).toBe(4);
    const fin = report.rows.find((r) => r.scope === '财政')!;
    expect(fin.percentAgreement).toBe(0.5);
    // 'none' is a primary code but not a category of its own.
    expect(report.rows.map((r) => r.scope)).toEqual(['primary', '税收', '财政']);
    expect(report.units).toBe(3);
  });
});
