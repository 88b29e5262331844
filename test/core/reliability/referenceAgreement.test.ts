import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  cohenKappa,
  fleissKappa,
  holsti,
  krippendorffAlpha,
  percentAgreement,
} from '../../../src/core/reliability/agreementCoefficients.js';
import { randomIndex, seededRandom } from '../../../src/core/sampling/seededRandom.js';

const script = fileURLToPath(new URL('../../reliability/statisticsReference.py', import.meta.url));
const hasPython = spawnSync('python3', ['--version']).status === 0;

/** Random reliability data: 2-5 coders, 5-60 units, 2-6 values, some missing, coders who agree more or less. */
function randomData(random: () => number): Array<Array<string | null>> {
  const coders = 2 + randomIndex(random, 4);
  const units = 5 + randomIndex(random, 56);
  const values = 2 + randomIndex(random, 5);
  const missing = random() * 0.3;
  const agree = random();
  return Array.from({ length: units }, () => {
    const truth = `v${randomIndex(random, values)}`;
    return Array.from({ length: coders }, () =>
      random() < missing ? null : random() < agree ? truth : `v${randomIndex(random, values)}`,
    );
  });
}

describe.skipIf(!hasPython)('agreement coefficients agree with an independent Python implementation on random data', () => {
  it('200 random data sets, to 10 decimals', () => {
    const random = seededRandom(20240611);
    const sets = Array.from({ length: 200 }, () => randomData(random));
    const run = spawnSync('python3', [script, 'coefficients'], { input: JSON.stringify(sets), encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const reference = JSON.parse(run.stdout) as Array<Record<string, number | null>>;
    const same = (ours: number, theirs: number | null | undefined) => {
      if (theirs === null || theirs === undefined) expect(ours).toBeNaN();
      else expect(ours).toBeCloseTo(theirs, 10);
    };
    sets.forEach((data, i) => {
      const ref = reference[i]!;
      same(krippendorffAlpha(data).value, ref.alpha);
      same(fleissKappa(data).value, ref.fleiss);
      same(percentAgreement(data).value, ref.percent);
      same(holsti(data).value, ref.holsti);
      if (data[0]!.length === 2) same(cohenKappa(data).value, ref.cohen);
    });
  });
});

if (!hasPython) console.warn('referenceAgreement.test: python3 not found, cross-check skipped');
