import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src/core/sampling/seededRandom.js';
import { stableSort } from '../../../src/core/coding/stableSort.js';

describe('stableSort', () => {
  it('gives the order of the built-in (stable) sort, ties included, short and long arrays alike', () => {
    const random = seededRandom(3);
    for (let round = 0; round < 3000; round++) {
      // Items with few distinct keys, so that ties are common; the label tells equal keys apart.
      const items = Array.from({ length: Math.floor(random() * 40) }, (_, i) => ({ key: Math.floor(random() * 5), second: Math.floor(random() * 3), label: i }));
      const compare = (a: (typeof items)[number], b: (typeof items)[number]) => a.key - b.key || b.second - a.second;
      expect(stableSort([...items], compare)).toEqual([...items].sort(compare));
    }
  });

  it('sorts in place and returns the array', () => {
    const items = [3, 1, 2];
    expect(stableSort(items, (a, b) => a - b)).toBe(items);
    expect(items).toEqual([1, 2, 3]);
  });
});
