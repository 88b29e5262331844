import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { MethodsFacts } from '../../src/core/tables/methodsFacts.js';
import { methodsEn, methodsZh } from '../../src/export/methodsText.js';
import { readReliability } from '../../src/io/readReliability.js';

const tmp = mkdtempSync(join(tmpdir(), 'policy-code-methods-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** agreement --json's shape: the files of the coders, then the primary row. */
function agreementJson(coders: number): string {
  const file = join(tmp, `agreement-${coders}.json`);
  writeFileSync(file, JSON.stringify({
    coders: Array.from({ length: coders }, (_, i) => `coder-${i}.csv`),
    units: 40,
    results: [{ scope: 'primary', units_pairable: 40, units_complete: 38, percent_agreement: 0.9, holsti: 0.9, cohen_kappa: coders === 2 ? 0.85 : null, fleiss_kappa: 0.84, krippendorff_alpha: 0.86 }],
  }));
  return file;
}

function facts(file: string): MethodsFacts {
  return {
    version: '0.0.0', documents: 3, excluded: {}, years: { first: 2020, last: 2021 }, unknownYears: 0,
    levels: {}, provinces: 1, national: 0, clauses: 40, codedClauses: 30,
    codebook: { name: 'cb', version: '1', sha256: '0'.repeat(64), dimensions: [], leaves: [] },
    filters: [], reliability: readReliability(file), unit: null,
  };
}

describe('the methods paragraph names as many coders as the agreement file had', () => {
  it('two coders', () => {
    expect(methodsEn(facts(agreementJson(2)))).toContain("Two coders coded 40 clauses independently: percent agreement 90.0%, Cohen's κ = 0.850, Krippendorff's α = 0.860.");
    expect(methodsZh(facts(agreementJson(2)))).toContain('两名编码员独立编码 40 个条款');
  });

  it('three coders: not "two"', () => {
    const en = methodsEn(facts(agreementJson(3)));
    expect(en).toContain("Three coders coded 40 clauses independently: percent agreement 90.0%, Krippendorff's α = 0.860.");
    expect(en).not.toMatch(/Two coders/);
    expect(methodsZh(facts(agreementJson(3)))).toContain('三名编码员独立编码 40 个条款');
  });
});
