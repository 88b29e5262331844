import { getEventListeners } from 'node:events';
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

  it('holds no abort listener while it hands a result on, nor after the run (a run holds one window, not the corpus)', async () => {
    // What kept every document alive to the end of a run was a listener on the signal (a race against
    // one long-lived "aborted" promise): a listener left behind holds its wait's result. Counting the
    // listeners needs no garbage collection; the memory of a run at scale is measured by the bench.
    const controller = new AbortController();
    const listening: number[] = [];
    const n = await mapInOrder(
      40,
      4,
      async (i) => {
        await later(null, i % 3);
        return { i, text: 'x'.repeat(10_000) + i };
      },
      () => {
        listening.push(getEventListeners(controller.signal, 'abort').length);
      },
      controller.signal,
    );
    expect(n).toBe(40);
    expect(listening).toEqual(new Array<number>(40).fill(0));
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
});
