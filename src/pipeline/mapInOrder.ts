/**
 * Runs `start` on items 0..count-1 with at most `window` of them in flight, and hands the results
 * to `emit` strictly in index order. The window bounds memory (only that many documents are held
 * at once, whatever the corpus size) while keeping the PDF readers and OCR busy when one document
 * is slow. `start` must not reject (failures are values); `emit` runs one at a time.
 * When `signal` aborts, nothing new is started or emitted, waiting stops at once, and the number of
 * items emitted so far is returned.
 */
export async function mapInOrder<T>(
  count: number,
  window: number,
  start: (i: number) => Promise<T>,
  emit: (i: number, result: T) => Promise<void> | void,
  signal?: AbortSignal,
): Promise<number> {
  // Not Promise.race against one long-lived "aborted" promise: every race leaves a reaction on it
  // that keeps the race's result (a whole document) alive until the run ends (measured: 5,000
  // documents' texts held, over 150 MB). Each wait removes its own listener instead.
  const untilAborted = <V>(p: Promise<V>): Promise<V | 'aborted'> => {
    if (!signal) return p;
    if (signal.aborted) return Promise.resolve('aborted');
    return new Promise<V | 'aborted'>((resolve, reject) => {
      const onAbort = () => resolve('aborted');
      signal.addEventListener('abort', onAbort, { once: true });
      p.then(
        (v) => {
          signal.removeEventListener('abort', onAbort);
          resolve(v);
        },
        (err: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(err);
        },
      );
    });
  };
  const pending = new Map<number, Promise<T>>();
  let next = 0;
  for (let i = 0; i < count; i++) {
    while (next < count && next < i + Math.max(1, window) && !signal?.aborted) {
      const p = start(next);
      p.catch(() => undefined);
      pending.set(next++, p);
    }
    const result = await untilAborted(pending.get(i)!);
    if (result === 'aborted' || signal?.aborted) return i;
    pending.delete(i);
    await emit(i, result as T);
  }
  return count;
}
