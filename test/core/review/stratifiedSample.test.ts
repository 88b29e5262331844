import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src/core/sampling/seededRandom.js';
import { stratifiedSample } from '../../../src/core/sampling/stratifiedSample.js';

// 60 clauses coded strategic, 30 financial, 9 taxation, 1 overseas.
const items = [
  ...Array.from({ length: 60 }, (_, i) => ({ id: `s${i}`, code: 'strategic' })),
  ...Array.from({ length: 30 }, (_, i) => ({ id: `f${i}`, code: 'financial' })),
  ...Array.from({ length: 9 }, (_, i) => ({ id: `t${i}`, code: 'taxation' })),
  { id: 'o0', code: 'overseas' },
];
const count = (xs: Array<{ code: string }>) => Object.fromEntries(['strategic', 'financial', 'taxation', 'overseas'].map((c) => [c, xs.filter((x) => x.code === c).length]));

describe('seededRandom', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const a = seededRandom(1);
    const b = seededRandom(1);
    const c = seededRandom(2);
    const xs = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(xs);
    expect(c()).not.toBe(xs[0]);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('stratifiedSample', () => {
  it('allocates in proportion to stratum size, at least one per stratum', () => {
    // One each first; the other 16 split by what is left, 59:29:8 of 96 -> 9.83, 4.83, 1.33:
    // 9, 4, 1, and the two largest remainders (strategic, financial) one more each.
    const s = stratifiedSample(items, 20, 1, (x) => x.code);
    expect(s).toHaveLength(20);
    expect(count(s)).toEqual({ strategic: 11, financial: 6, taxation: 2, overseas: 1 });
  });

  it('is deterministic for a seed, differs between seeds, keeps input order, never repeats an item', () => {
    const a = stratifiedSample(items, 20, 7, (x) => x.code);
    expect(stratifiedSample(items, 20, 7, (x) => x.code)).toEqual(a);
    expect(stratifiedSample(items, 20, 8, (x) => x.code)).not.toEqual(a);
    expect(new Set(a.map((x) => x.id)).size).toBe(20);
    const order = a.map((x) => items.indexOf(x));
    expect(order).toEqual([...order].sort((x, y) => x - y));
  });

  it('returns everything when the sample is as large as the population', () => {
    expect(stratifiedSample(items, 500, 1, (x) => x.code)).toHaveLength(100);
  });
});
