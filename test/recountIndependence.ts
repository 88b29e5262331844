import { CENTRAL, clausesOf, share, type Row, type Run } from './recountRun.js';

// independence_tests.csv counted again (test/recountTables.ts): everything but p, which the tests
// compare with scipy by hand (docs/table-checks.md).

/** Pearson's chi-square of a table without its empty rows and columns: what independence_tests.csv reports besides p. */
function chiSquare(table: number[][]): Row {
  const rows = table.filter((r) => r.some((v) => v > 0));
  const keep = rows[0]?.map((_, j) => rows.some((r) => r[j]! > 0)) ?? [];
  const t = rows.map((r) => r.filter((_, j) => keep[j]));
  const none = ['groups', 'categories', 'n', 'chi_square', 'df', 'cramers_v', 'expected_below_5', 'min_expected'];
  if (t.length < 2 || (t[0]?.length ?? 0) < 2) return Object.fromEntries(none.map((k) => [k, ''])); // no test
  const n = t.flat().reduce((a, b) => a + b, 0);
  const rowSums = t.map((r) => r.reduce((a, b) => a + b, 0));
  const colSums = t[0]!.map((_, j) => t.reduce((a, r) => a + r[j]!, 0));
  let chi = 0;
  const expected: number[] = [];
  t.forEach((r, i) => r.forEach((o, j) => {
    const e = (rowSums[i]! * colSums[j]!) / n;
    expected.push(e);
    chi += (o - e) ** 2 / e;
  }));
  const v = Math.sqrt(chi / (n * (Math.min(t.length, colSums.length) - 1)));
  return {
    groups: String(t.length), categories: String(colSums.length), n: String(n), chi_square: chi.toFixed(3), df: String((t.length - 1) * (colSums.length - 1)),
    cramers_v: v.toFixed(3), expected_below_5: share(expected.filter((e) => e < 5).length, expected.length), min_expected: Math.min(...expected).toFixed(2),
  };
}

/** independence_tests.csv: province (not central, not unknown), known year and known level against dimensions and instruments. */
export function recountIndependence(run: Run): Row[] {
  const rows: Row[] = [];
  for (const by of ['province', 'year', 'level'] as const) {
    const groups = [...new Set(run.docs.map((d) => d[by]!))].filter((g) => g !== '' && g !== CENTRAL);
    for (const [codes, cats, catOf] of [['dimension', run.dimensions, (c: Row) => run.dimensionOf.get(c.primary!)], ['instrument', [...run.dimensionOf.keys()], (c: Row) => c.primary]] as const) {
      const table = groups.map((g) => {
        const cl = clausesOf(run, new Set(run.docs.filter((d) => d[by] === g).map((d) => d.doc_id!)));
        return cats.map((cat) => cl.filter((c) => catOf(c) === cat).length);
      });
      rows.push({ grouping: by, codes, ...chiSquare(table) });
    }
  }
  return rows;
}
