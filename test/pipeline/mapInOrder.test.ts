import { describe, expect, it } from 'vitest';
import { mapInOrder } from '../../src/pipeline/mapInOrder.js';

const later = <T>(value: T, ms: number) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('mapInOrder', () => {
  it('emits in index order although later items finish first, never more than the window in flight', async () => {
    const emitted: number[] = [];
    let inFlight = 0;
    let most = 0;
    const n = await mapInOrder(
      6,
      3,
      async (i) => {
        inFlight++;
        most = Math.max(most, inFlight);
        const r = await later(i * 10, (6 - i) * 3);
        inFlight--;
        return r;
      },
      (i, r) => {
        expect(r).toBe(i * 10);
        emitted.push(i);
      },
    );
    expect(n).toBe(6);
    expect(emitted).toEqual([0, 1, 2, 3, 4, 5]);
    expect(most).toBe(3);
  });

  it('stops at once when aborted, returning how many were emitted', async () => {
    const controller = new AbortController();
    const emitted: number[] = [];
    const n = await mapInOrder(
      5,
      2,
      (i) => later(i, i === 2 ? 10_000 : 1),
      (i) => {
        emitted.push(i);
        if (i === 1) setTimeout(() => controller.abort('SIGINT'), 5);
      },
      controller.signal,
    );
    expect(n).toBe(2);
    expect(emitted).toEqual([0, 1]);
  });
});
