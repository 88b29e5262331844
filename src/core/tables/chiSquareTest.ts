import { seededRandom } from '../sampling/seededRandom.js';
import { randomTable } from './randomTable.js';

/**
 * Pearson's chi-square test of independence for an r x c table of counts, with Cramér's V and the
 * expected-count check that decides whether the chi-square approximation can be trusted. p-values
 * come from the regularized upper incomplete gamma function Q(df/2, x/2), computed here (core has
 * no statistics library). No continuity correction, as R's chisq.test(correct = FALSE) and
 * scipy's chi2_contingency(correction=False): the corrected value is only defined for 2 x 2.
 */
export interface ChiSquareResult {
  /** Total count of the table after empty rows and columns are dropped. */
  n: number;
  rows: number;
  columns: number;
  chiSquare: number;
  df: number;
  p: number;
  cramersV: number;
  /** Cells whose expected count is below 5, and all cells. */
  cellsBelow5: number;
  cells: number;
  minExpected: number;
}

const LANCZOS = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];

/** ln Γ(x) for x > 0 (Lanczos, g = 7): about 15 significant digits. */
export function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Q(a, x) = Γ(a, x) / Γ(a): series below a + 1, Lentz's continued fraction above (Numerical Recipes 6.2). */
function gammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  const lead = -x + a * Math.log(x) - lnGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let k = 1; k < 1000 && Math.abs(term) > Math.abs(sum) * 1e-16; k++) {
      term *= x / (a + k);
      sum += term;
    }
    return Math.max(0, 1 - sum * Math.exp(lead));
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(lead) * h;
}

/** The upper tail of the chi-square distribution: P(X >= x) for df degrees of freedom. */
export function chiSquareP(x: number, df: number): number {
  return gammaQ(df / 2, x / 2);
}

/** Drops rows and columns whose total is zero: they carry no information and have no expected count. */
export function dropEmpty(observed: readonly (readonly number[])[]): number[][] {
  const keepCols = (observed[0] ?? []).map((_, j) => observed.some((r) => (r[j] ?? 0) > 0));
  return observed.filter((r) => r.some((v) => v > 0)).map((r) => r.filter((_, j) => keepCols[j]));
}

/** The test on a table of counts; null when fewer than two non-empty rows or columns remain. */
export function chiSquareTest(observed: readonly (readonly number[])[]): ChiSquareResult | null {
  const t = dropEmpty(observed);
  const r = t.length;
  const c = t[0]?.length ?? 0;
  if (r < 2 || c < 2) return null;
  const rowSums = t.map((row) => row.reduce((a, b) => a + b, 0));
  const colSums = t[0]!.map((_, j) => t.reduce((a, row) => a + row[j]!, 0));
  const n = rowSums.reduce((a, b) => a + b, 0);
  let chiSquare = 0;
  let cellsBelow5 = 0;
  let minExpected = Infinity;
  t.forEach((row, i) =>
    row.forEach((o, j) => {
      const e = (rowSums[i]! * colSums[j]!) / n;
      chiSquare += (o - e) ** 2 / e;
      if (e < 5) cellsBelow5++;
      minExpected = Math.min(minExpected, e);
    }),
  );
  const df = (r - 1) * (c - 1);
  return {
    n, rows: r, columns: c, chiSquare, df,
    p: chiSquareP(chiSquare, df),
    cramersV: Math.sqrt(chiSquare / (n * Math.min(r - 1, c - 1))),
    cellsBelow5, cells: r * c, minExpected,
  };
}

/**
 * The chi-square approximation is trusted when no expected count is below 1 and at most 20% are
 * below 5 (Cochran's rule, the one textbooks and SPSS's footnote use).
 */
export function meetsCochran(result: ChiSquareResult): boolean {
  return result.minExpected >= 1 && result.cellsBelow5 / result.cells <= 0.2;
}

/**
 * Fisher's exact test for a 2 x 2 table, two-sided as in R's fisher.test: the probability of every
 * table with the same margins that is no more likely than the observed one (relative tolerance 1e-7).
 */
export function fisherExact2x2(t: readonly (readonly number[])[]): number {
  const [a, b] = [t[0]![0]!, t[0]![1]!];
  const [c, d] = [t[1]![0]!, t[1]![1]!];
  const row1 = a + b;
  const col1 = a + c;
  const n = a + b + c + d;
  const lnChoose = (m: number, k: number) => lnGamma(m + 1) - lnGamma(k + 1) - lnGamma(m - k + 1);
  const prob = (x: number) => Math.exp(lnChoose(col1, x) + lnChoose(n - col1, row1 - x) - lnChoose(n, row1));
  const observed = prob(a);
  let p = 0;
  for (let x = Math.max(0, row1 + col1 - n); x <= Math.min(row1, col1); x++) {
    const px = prob(x);
    if (px <= observed * (1 + 1e-7)) p += px;
  }
  return Math.min(1, p);
}

/**
 * Fisher's exact test for an r x c table by simulation, as R's fisher.test(simulate.p.value = TRUE,
 * B = 2000): B random tables with the observed margins (`randomTable`, the distribution R's
 * r2dtable draws from), p = (1 + tables no more likely than the observed) / (B + 1). A table's
 * probability given its margins is proportional to 1 / prod(n_ij!), so comparing sums of ln(n_ij!)
 * is enough. Seeded: the same table always gives the same p. A table costs draws per cell, not per
 * clause (shuffling every clause took seconds on 1,000 documents and grew with the corpus).
 */
export function fisherSimulated(observed: readonly (readonly number[])[], replicates = 2000, seed = 20251125): number {
  const t = dropEmpty(observed);
  const rowSums = t.map((r) => r.reduce((a, b) => a + b, 0));
  const columnSums = t[0]!.map((_, j) => t.reduce((a, r) => a + r[j]!, 0));
  const n = rowSums.reduce((a, b) => a + b, 0);
  const lnFactorial = new Float64Array(n + 1).map((_, k) => lnGamma(k + 1));
  const score = (cells: ArrayLike<number>) => {
    let total = 0;
    for (let k = 0; k < cells.length; k++) total += lnFactorial[cells[k]!]!;
    return total;
  };
  const observedScore = score(t.flat());
  const random = seededRandom(seed);
  const cells = new Int32Array(rowSums.length * columnSums.length);
  let asExtreme = 0;
  for (let b = 0; b < replicates; b++) {
    randomTable(rowSums, columnSums, random, lnFactorial, cells);
    // A relative tolerance as in R: ties in probability count as "no more likely".
    if (score(cells) >= observedScore - 1e-7 * Math.abs(observedScore)) asExtreme++;
  }
  return (1 + asExtreme) / (replicates + 1);
}
