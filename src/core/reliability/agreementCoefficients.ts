/**
 * Inter-coder agreement coefficients for nominal codes.
 *
 * Reliability data are a units x coders matrix of values, `null` where a coder did not code a
 * unit (Krippendorff's "missing value"). Each coefficient states which units it uses, because
 * papers must report that number: Cohen's and Fleiss' kappa need every coder on a unit (complete
 * units); Krippendorff's alpha and percent agreement use every unit that at least two coders coded
 * (pairable units); Holsti's coefficient counts every coding decision of each pair of coders.
 * A coefficient whose chance term leaves nothing to explain (e.g. everyone always used one value)
 * is NaN: undefined, not 1.
 */

export type ReliabilityData = ReadonlyArray<ReadonlyArray<string | null>>;

export interface Coefficient {
  value: number;
  /** Units that entered the computation. */
  units: number;
}

function present(row: ReadonlyArray<string | null>): string[] {
  return row.filter((v): v is string => v !== null);
}

function tally(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

/** Mean over pairable units of the share of agreeing coder pairs in the unit (for two coders: the share of units coded alike). */
export function percentAgreement(data: ReliabilityData): Coefficient {
  let sum = 0;
  let units = 0;
  for (const row of data) {
    const values = present(row);
    const m = values.length;
    if (m < 2) continue;
    let agreeing = 0;
    for (const n of tally(values).values()) agreeing += n * (n - 1);
    sum += agreeing / (m * (m - 1));
    units++;
  }
  return { value: units === 0 ? NaN : sum / units, units };
}

/** Cohen's kappa for two coders (columns 0 and 1) over the units both coded. */
export function cohenKappa(data: ReliabilityData): Coefficient {
  const a: string[] = [];
  const b: string[] = [];
  for (const row of data) {
    if (row.length !== 2) throw new Error(`Cohen's kappa needs exactly two coders, got ${row.length}`);
    if (row[0] !== null && row[1] !== null && row[0] !== undefined && row[1] !== undefined) {
      a.push(row[0]);
      b.push(row[1]);
    }
  }
  const n = a.length;
  if (n === 0) return { value: NaN, units: 0 };
  let observed = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i]) observed++;
  const ta = tally(a);
  const tb = tally(b);
  let expected = 0;
  for (const [v, count] of ta) expected += (count / n) * ((tb.get(v) ?? 0) / n);
  const po = observed / n;
  return { value: expected === 1 ? NaN : (po - expected) / (1 - expected), units: n };
}

/**
 * Fleiss' kappa from a units x categories table of counts (how many coders put unit i in
 * category j). Every unit must have the same number of coders, as in Fleiss (1971).
 */
export function fleissKappaFromCounts(counts: ReadonlyArray<readonly number[]>): Coefficient & { byCategory: number[] } {
  const units = counts.length;
  const k = counts[0]?.length ?? 0;
  if (units === 0) return { value: NaN, units: 0, byCategory: [] };
  const raters = counts[0]!.reduce((s, x) => s + x, 0);
  for (const row of counts) {
    if (row.reduce((s, x) => s + x, 0) !== raters) throw new Error('Fleiss kappa needs the same number of coders on every unit');
  }
  if (raters < 2) return { value: NaN, units, byCategory: new Array(k).fill(NaN) };
  let pBar = 0;
  for (const row of counts) pBar += (row.reduce((s, x) => s + x * x, 0) - raters) / (raters * (raters - 1));
  pBar /= units;
  const p = Array.from({ length: k }, (_, j) => counts.reduce((s, row) => s + row[j]!, 0) / (units * raters));
  const pe = p.reduce((s, x) => s + x * x, 0);
  // Fleiss' kappa for category j alone: the agreement on "j or not j".
  const byCategory = p.map((pj, j) => {
    const disagreement = counts.reduce((s, row) => s + row[j]! * (raters - row[j]!), 0);
    const denom = units * raters * (raters - 1) * pj * (1 - pj);
    return denom === 0 ? NaN : 1 - disagreement / denom;
  });
  return { value: pe === 1 ? NaN : (pBar - pe) / (1 - pe), units, byCategory };
}

/** Fleiss' kappa over the units that every coder coded. */
export function fleissKappa(data: ReliabilityData): Coefficient {
  const complete = data.filter((row) => row.length >= 2 && row.every((v) => v !== null)) as string[][];
  const categories = [...new Set(complete.flat())].sort();
  const counts = complete.map((row) => {
    const t = tally(row);
    return categories.map((c) => t.get(c) ?? 0);
  });
  const { value, units } = fleissKappaFromCounts(counts);
  return { value, units };
}

/**
 * Krippendorff's alpha for nominal data with missing values, computed from the coincidence matrix
 * as in Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": units coded by fewer
 * than two coders are not pairable and drop out.
 */
export function krippendorffAlpha(data: ReliabilityData): Coefficient {
  // Only the diagonal of the coincidence matrix and the value totals are needed for nominal data.
  const diagonal = new Map<string, number>();
  const totals = new Map<string, number>();
  let units = 0;
  for (const row of data) {
    const values = present(row);
    const m = values.length;
    if (m < 2) continue;
    units++;
    for (const [v, n] of tally(values)) {
      diagonal.set(v, (diagonal.get(v) ?? 0) + (n * (n - 1)) / (m - 1));
      totals.set(v, (totals.get(v) ?? 0) + n);
    }
  }
  let n = 0;
  let sameExpected = 0;
  for (const t of totals.values()) {
    n += t;
    sameExpected += t * (t - 1);
  }
  let sameObserved = 0;
  for (const d of diagonal.values()) sameObserved += d;
  const denom = n * (n - 1) - sameExpected;
  return { value: denom === 0 ? NaN : ((n - 1) * sameObserved - sameExpected) / denom, units };
}

/**
 * Holsti's coefficient 2M / (N1 + N2) for each pair of coders (M: units both coded alike; N1, N2:
 * units each coded), averaged over the pairs that coded a unit in common: for a pair without one,
 * M = 0 measures no disagreement, and averaging it in pulled three coders' 0.95 down to 0.32.
 * Units: those coded by at least one coder.
 */
export function holsti(data: ReliabilityData): Coefficient {
  const coders = data[0]?.length ?? 0;
  let sum = 0;
  let pairs = 0;
  for (let i = 0; i < coders; i++) {
    for (let j = i + 1; j < coders; j++) {
      let m = 0;
      let ni = 0;
      let nj = 0;
      let common = 0;
      for (const row of data) {
        if (row[i] !== null) ni++;
        if (row[j] !== null) nj++;
        if (row[i] !== null && row[j] !== null) common++;
        if (row[i] !== null && row[i] === row[j]) m++;
      }
      if (common === 0) continue;
      sum += (2 * m) / (ni + nj);
      pairs++;
    }
  }
  const units = data.filter((row) => row.some((v) => v !== null)).length;
  return { value: pairs === 0 ? NaN : sum / pairs, units };
}
