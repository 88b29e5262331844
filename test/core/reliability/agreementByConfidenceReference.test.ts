import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { agreementByConfidence, type ConfidentUnit } from '../../../src/core/reliability/agreementByConfidence.js';
import { randomIndex, seededRandom } from '../../../src/core/sampling/seededRandom.js';

const script = fileURLToPath(new URL('../../reliability/statisticsReference.py', import.meta.url));
const hasPython = spawnSync('python3', ['--version']).status === 0;
if (!hasPython) console.warn('agreementByConfidenceReference.test: python3 not found, cross-check skipped');

/** Units with confidences on a coarse grid (ties, and the band edges 0.25, 0.5, 0.75, 1 themselves). */
function randomUnits(random: () => number): ConfidentUnit[] {
  const n = 1 + randomIndex(random, 60);
  const codes = 1 + randomIndex(random, 4);
  const agree = random();
  return Array.from({ length: n }, () => {
    const human = `c${randomIndex(random, codes)}`;
    return { human, auto: random() < agree ? human : `c${randomIndex(random, codes)}`, confidence: randomIndex(random, 21) / 20 };
  });
}

describe.skipIf(!hasPython)('agreement by confidence agrees with test/reliability/statisticsReference.py', () => {
  it('300 random sets: bands, the most confident 50/70/90/100 %, units, lowest confidence, agreement and kappa', () => {
    const random = seededRandom(20261126);
    const sets = Array.from({ length: 300 }, () => randomUnits(random));
    const run = spawnSync('python3', [script, 'confidence'], {
      input: JSON.stringify(sets.map((units) => units.map((u) => [u.human, u.auto, u.confidence]))),
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    const reference = JSON.parse(run.stdout) as Array<Array<Record<string, string | number | null>>>;
    const same = (ours: number, theirs: string | number | null | undefined) => {
      if (theirs === null || theirs === undefined) expect(ours).toBeNaN();
      else expect(ours).toBeCloseTo(theirs as number, 12);
    };
    sets.forEach((units, i) => {
      const { bands, mostConfident } = agreementByConfidence(units);
      [...bands, ...mostConfident].forEach((s, j) => {
        const ref = reference[i]![j]!;
        expect(s.slice).toBe(ref.slice);
        expect(s.units).toBe(ref.units);
        same(s.minConfidence, ref.min_confidence);
        same(s.agreement, ref.agreement);
        same(s.kappa, ref.cohen_kappa);
      });
    });
  });
});
