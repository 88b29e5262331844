/**
 * One draw of the hypergeometric distribution: how many of `successes` marked items are among
 * `draws` items taken without replacement from `population`. Inversion that starts at the mode and
 * walks outwards (any fixed order of the outcomes gives an exact draw), so a draw costs steps in
 * the order of the standard deviation, never of the counts, and no probability underflows.
 * `lnFactorial[k]` is ln k! for k up to `population`.
 */
export function hypergeometric(population: number, successes: number, draws: number, random: () => number, lnFactorial: Float64Array): number {
  const failures = population - successes;
  const low = Math.max(0, draws - failures);
  const high = Math.min(successes, draws);
  if (low === high) return low;
  const mode = Math.min(high, Math.max(low, Math.floor(((draws + 1) * (successes + 1)) / (population + 2))));
  const f = lnFactorial;
  const lnP = f[successes]! - f[mode]! - f[successes - mode]! + f[failures]! - f[draws - mode]! - f[failures - draws + mode]! - (f[population]! - f[draws]! - f[population - draws]!);
  const u = random();
  let below = mode;
  let above = mode;
  let pBelow = Math.exp(lnP);
  let pAbove = pBelow;
  let sum = pBelow;
  while (u >= sum) {
    if (below > low) {
      // p(x - 1) / p(x) = x (failures - draws + x) / ((successes - x + 1) (draws - x + 1))
      pBelow *= (below * (failures - draws + below)) / ((successes - below + 1) * (draws - below + 1));
      below--;
      sum += pBelow;
      if (u < sum) return below;
    }
    if (above < high) {
      // p(x + 1) / p(x) = (successes - x) (draws - x) / ((x + 1) (failures - draws + x + 1))
      pAbove *= ((successes - above) * (draws - above)) / ((above + 1) * (failures - draws + above + 1));
      above++;
      sum += pAbove;
      if (u < sum) return above;
    }
    // Rounding left the sum a hair below 1 with every outcome visited: the mode is as good as any.
    if (below === low && above === high) return mode;
  }
  return mode;
}

/**
 * A random table with the given row and column sums, every such table as likely as under
 * independence (the conditional distribution Fisher's test needs; R's r2dtable draws from the same
 * one by Patefield's algorithm): each row takes its clauses from the columns' remaining ones, cell
 * by cell, by hypergeometric draws. Writes the cells row by row into `cells`.
 */
export function randomTable(rowSums: readonly number[], columnSums: readonly number[], random: () => number, lnFactorial: Float64Array, cells: Int32Array): void {
  const columns = columnSums.length;
  const left = columnSums.slice();
  let remaining = rowSums.reduce((a, b) => a + b, 0);
  for (let i = 0; i < rowSums.length; i++) {
    const last = i === rowSums.length - 1;
    let need = rowSums[i]!;
    let pool = remaining;
    for (let j = 0; j < columns; j++) {
      const x = last || j === columns - 1 ? (last ? left[j]! : need) : hypergeometric(pool, left[j]!, need, random, lnFactorial);
      cells[i * columns + j] = x;
      need -= x;
      pool -= left[j]!;
      left[j]! -= x;
    }
    remaining -= rowSums[i]!;
  }
}
