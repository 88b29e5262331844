import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
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

  it('keeps no emitted result alive once it is handed on, with a signal too (a run holds one window, not the corpus)', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const refs: Array<WeakRef<object>> = [];
    const controller = new AbortController();
    await mapInOrder(
      40,
      4,
      async (i) => {
        const doc = { i, text: 'x'.repeat(10_000) + i };
        refs.push(new WeakRef(doc));
        return doc;
      },
      () => undefined,
      controller.signal,
    );
    await later(null, 10);
    gc();
    await later(null, 10);
    const alive = refs.filter((r) => r.deref() !== undefined).length;
    expect(alive).toBe(0);
  });
});
