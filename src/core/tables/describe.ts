/** Descriptive statistics of a sample, as reported in papers. */
export interface Description {
  n: number;
  sum: number;
  mean: number;
  /** Sample standard deviation (n - 1 in the denominator); NaN (an empty cell) for n < 2, where it is undefined. */
  sd: number;
  /** Population standard deviation (n in the denominator). */
  sdPopulation: number;
  median: number;
  q1: number;
  q3: number;
  min: number;
  max: number;
}

/** Quantile by linear interpolation between order statistics (type 7, the default of R and Excel). */
function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export function describe(values: readonly number[]): Description {
  const n = values.length;
  if (n === 0) return { n: 0, sum: 0, mean: NaN, sd: NaN, sdPopulation: NaN, median: NaN, q1: NaN, q3: NaN, min: NaN, max: NaN };
  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  const mean = sum / n;
  const ss = sorted.reduce((a, v) => a + (v - mean) ** 2, 0);
  return {
    n,
    sum,
    mean,
    sd: n > 1 ? Math.sqrt(ss / (n - 1)) : NaN,
    sdPopulation: Math.sqrt(ss / n),
    median: quantile(sorted, 0.5),
    q1: quantile(sorted, 0.25),
    q3: quantile(sorted, 0.75),
    min: sorted[0]!,
    max: sorted[n - 1]!,
  };
}
