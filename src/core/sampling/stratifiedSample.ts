import { randomIndex, seededRandom } from './seededRandom.js';

/**
 * Draws `size` items without replacement, stratified by `stratumOf`: every stratum first gets one
 * item (the rarest first, when the sample cannot hold one of each), so rare instruments are
 * reviewed too; the rest of the sample is shared in proportion to the items each stratum has
 * left (largest remainders; ties to the larger stratum, then the stratum name). Deterministic for
 * a seed; the result keeps the input order.
 */
export function stratifiedSample<T>(items: readonly T[], size: number, seed: number, stratumOf: (item: T) => string): T[] {
  if (size >= items.length) return [...items];
  const strata = new Map<string, number[]>();
  items.forEach((item, i) => {
    const s = stratumOf(item);
    strata.set(s, [...(strata.get(s) ?? []), i]);
  });
  const names = [...strata.keys()].sort((a, b) => strata.get(b)!.length - strata.get(a)!.length || (a < b ? -1 : a > b ? 1 : 0));
  const quota = new Map<string, number>();
  // One each for the rarest strata first when the sample cannot hold one of every stratum.
  const floor = [...names].reverse().slice(0, size);
  for (const s of floor) quota.set(s, 1);
  let left = size - floor.length;
  const room = (s: string) => strata.get(s)!.length - (quota.get(s) ?? 0);
  const totalRoom = names.reduce((n, s) => n + room(s), 0);
  const exact = names.map((s) => ({ s, want: totalRoom === 0 ? 0 : (left * room(s)) / totalRoom }));
  for (const { s, want } of exact) {
    const whole = Math.min(room(s), Math.floor(want));
    quota.set(s, (quota.get(s) ?? 0) + whole);
    left -= whole;
  }
  const byRemainder = [...exact].sort((a, b) => (b.want % 1) - (a.want % 1));
  while (left > 0) {
    const next = byRemainder.find(({ s }) => room(s) > 0);
    if (!next) break;
    quota.set(next.s, (quota.get(next.s) ?? 0) + 1);
    left--;
    byRemainder.push(byRemainder.splice(byRemainder.indexOf(next), 1)[0]!);
  }
  const random = seededRandom(seed);
  const chosen: number[] = [];
  for (const s of names) {
    // Partial Fisher-Yates shuffle of the stratum's indices.
    const pool = [...strata.get(s)!];
    const take = quota.get(s) ?? 0;
    for (let i = 0; i < take; i++) {
      const j = i + randomIndex(random, pool.length - i);
      [pool[i], pool[j]] = [pool[j]!, pool[i]!];
      chosen.push(pool[i]!);
    }
  }
  return chosen.sort((a, b) => a - b).map((i) => items[i]!);
}
