import { describe, expect, it } from 'vitest';
import { evaluateCoder, type EvaluatedUnit } from '../../../src/core/reliability/evaluateCoder.js';
import { confusionTable } from '../../../src/core/reliability/evaluationTables.js';

const unit = (unitId: string, gold: string, auto: string, secondary: string[] = []): EvaluatedUnit => ({
  unitId, text: '', gold: { primary: gold, secondary }, auto, autoCategories: auto === 'none' ? [] : [auto], evidence: '',
});

describe('evaluateCoder', () => {
  // Human: fin fin fin tax none; auto: fin fin tax tax fin.
  const units = [
    unit('u1', 'fin', 'fin'),
    unit('u2', 'fin', 'fin'),
    unit('u3', 'fin', 'tax', ['tax']),
    unit('u4', 'tax', 'tax'),
    unit('u5', 'none', 'fin'),
  ];
  const e = evaluateCoder(units, ['fin', 'tax', 'law']);

  it('precision, recall and F1 per instrument, by hand', () => {
    // fin: 3 predicted, 2 right, 3 to find. tax: 2 predicted, 1 right, 1 to find. law never seen: left out.
    expect(e.perLabel.map((s) => [s.label, s.precision, s.recall])).toEqual([
      ['fin', 2 / 3, 2 / 3],
      ['tax', 1 / 2, 1],
    ]);
    expect(e.perLabel[1]!.f1).toBeCloseTo(2 / 3, 12);
    expect(e.macro.f1).toBeCloseTo((2 / 3 + 2 / 3) / 2, 12);
    // micro, none left out: 3 right of 5 predicted instruments, of 4 to find.
    expect(e.micro.precision).toBeCloseTo(3 / 5, 12);
    expect(e.micro.recall).toBeCloseTo(3 / 4, 12);
  });

  it('strict agreement and kappa, with the lenient figure (secondary accepted) beside them', () => {
    expect(e.percentAgreement).toBeCloseTo(3 / 5, 12);
    // po = 0.6; pe = human(fin .6, tax .2, none .2) x auto(fin .6, tax .4) = .36 + .08 = .44.
    expect(e.kappa).toBeCloseTo((0.6 - 0.44) / (1 - 0.44), 12);
    expect(e.lenientAgreement).toBeCloseTo(4 / 5, 12);
    expect(e.wrong.map((u) => u.unitId)).toEqual(['u3', 'u5']);
  });

  it('confusion table: human rows, automatic columns, unused labels dropped, totals', () => {
    const t = confusionTable(e);
    expect(t.columns).toEqual(['human \\ auto', 'fin', 'tax', 'none', 'total']);
    expect(t.rows).toEqual([
      ['fin', 2, 1, 0, 3],
      ['tax', 0, 1, 0, 1],
      ['none', 1, 0, 0, 1],
      ['total', 3, 2, 0, 5],
    ]);
  });
});
