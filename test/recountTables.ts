import { readdirSync } from 'node:fs';
import { recountIndependence } from './recountIndependence.js';
import { CENTRAL, clausesOf, codes, compare, exact, groupOf, LEVELS, loadRun, readCsv, share, type Row, type Run } from './recountRun.js';

// Counts every published CSV table of an analyze run again from its clauses.csv and documents.csv
// alone, without any code of src/, and lists where the published numbers differ. Written from the
// documentation (docs/outputs-and-tables.md, docs/paper-tables.md), not from the sources.

export { readCsv };

function instruments(run: Run): Row[] {
  const coded = run.clauses.filter((c) => c.primary !== 'none').length;
  return [...run.dimensionOf].map(([inst, dim]) => {
    const primary = run.clauses.filter((c) => c.primary === inst).length;
    const inDim = run.clauses.filter((c) => run.dimensionOf.get(c.primary!) === dim).length;
    const using = new Set(run.clauses.filter((c) => codes(c).includes(inst)).map((c) => c.doc_id)).size;
    return {
      dimension: dim, instrument: inst, clauses: String(primary), share: share(primary, coded), share_in_dimension: share(primary, inDim),
      clauses_any_code: String(run.clauses.filter((c) => codes(c).includes(inst)).length),
      policies_using: String(using), share_of_policies: share(using, run.docs.length),
    };
  });
}

function dimensions(run: Run): Row[] {
  const coded = run.clauses.filter((c) => c.primary !== 'none').length;
  return run.dimensions.map((dim) => {
    const n = run.clauses.filter((c) => run.dimensionOf.get(c.primary!) === dim).length;
    const using = new Set(run.clauses.filter((c) => codes(c).some((i) => run.dimensionOf.get(i) === dim)).map((c) => c.doc_id)).size;
    return { dimension: dim, clauses: String(n), share: share(n, coded), policies_using: String(using), share_of_policies: share(using, run.docs.length) };
  });
}

function provinces(run: Run, order: string[]): Row[] {
  return order.map((p) => {
    const ids = new Set(run.docs.filter((d) => groupOf(d, 'province') === p).map((d) => d.doc_id!));
    const cl = clausesOf(run, ids);
    const row: Row = { province: p, policies: String(ids.size), clauses: String(cl.length), coded_clauses: String(cl.filter((c) => c.primary !== 'none').length) };
    for (const dim of run.dimensions) row[dim] = String(cl.filter((c) => run.dimensionOf.get(c.primary!) === dim).length);
    return row;
  });
}

/** Quantile by linear interpolation between order statistics (R type 7, Excel QUARTILE.INC). */
function quantile(sorted: number[], q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  return sorted[lo]! + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? 0) - sorted[lo]!);
}

function provinceSummary(run: Run): Row {
  const counts = new Map<string, number>();
  for (const d of run.docs) if (d.province && d.province !== CENTRAL) counts.set(d.province, (counts.get(d.province) ?? 0) + 1);
  const xs = [...counts.values()].sort((a, b) => a - b);
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const ss = xs.reduce((a, x) => a + (x - mean) ** 2, 0);
  return {
    provinces: String(n), policies: String(xs.reduce((a, b) => a + b, 0)), mean: exact(xs.reduce((a, b) => a + b, 0), n, 2),
    sd: n > 1 ? Math.sqrt(ss / (n - 1)).toFixed(2) : '', sd_population: Math.sqrt(ss / n).toFixed(2),
    median: quantile(xs, 0.5).toFixed(2), q1: quantile(xs, 0.25).toFixed(2), q3: quantile(xs, 0.75).toFixed(2),
    min: String(xs[0]), max: String(xs[n - 1]),
  };
}

/** Clauses (primary code) per group and category, with a total column and a total row. */
function crosstab(run: Run, by: 'province' | 'year' | 'level', groups: string[], cats: string[], catOf: (c: Row) => string | undefined): Row[] {
  const rows = groups.map((g) => {
    const ids = new Set(run.docs.filter((d) => groupOf(d, by) === g).map((d) => d.doc_id!));
    const cl = clausesOf(run, ids);
    const row: Row = { [by]: g };
    for (const cat of cats) row[cat] = String(cl.filter((c) => catOf(c) === cat).length);
    row.total = String(cl.filter((c) => catOf(c) !== undefined).length);
    return row;
  });
  const total: Row = { [by]: 'total' };
  for (const col of [...cats, 'total']) total[col] = String(rows.reduce((a, r) => a + Number(r[col]), 0));
  return [...rows, total];
}

/** The same crosstab as row shares; a row without clauses has empty shares. */
function shares(table: Row[], key: string): Row[] {
  return table.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, k === key ? v : share(Number(v), Number(r.total))])));
}

/** coding_table.csv: per counted policy, its coded clauses and their ids under their primary code, in clauses.csv order. */
function codingTable(run: Run): Row[] {
  return run.docs.map((d) => {
    const cl = run.clauses.filter((c) => c.doc_id === d.doc_id && c.primary !== 'none');
    const row: Row = { doc_id: d.doc_id!, coded_clauses: String(cl.length) };
    for (const inst of run.dimensionOf.keys()) row[inst] = cl.filter((c) => c.primary === inst).map((c) => c.clause_id).join('; ');
    return row;
  });
}

/** categories_<name>.csv and crosstab_<main>_x_<name>.csv of a further codebook, from its clauses.csv columns. */
function furtherCodebook(dir: string, run: Run, main: string, name: string, problems: string[]): void {
  const published = readCsv(dir, `categories_${name}.csv`);
  const dimOf = new Map(published.map((r) => [r.category!, r.dimension!]));
  const primary = (c: Row) => c[`${name}:primary`]!;
  const any = (c: Row) => (c[`${name}:categories`] ? c[`${name}:categories`]!.split(';') : []);
  const coded = run.clauses.filter((c) => primary(c) !== 'none').length;
  compare(`categories_${name}.csv`, published, [...dimOf].map(([cat, dim]) => {
    const n = run.clauses.filter((c) => primary(c) === cat).length;
    const inDim = run.clauses.filter((c) => dimOf.get(primary(c)) === dim).length;
    const using = new Set(run.clauses.filter((c) => any(c).includes(cat)).map((c) => c.doc_id)).size;
    return {
      dimension: dim, category: cat, clauses: String(n), share: share(n, coded), share_in_dimension: share(n, inDim),
      clauses_any_code: String(run.clauses.filter((c) => any(c).includes(cat)).length), policies_using: String(using), share_of_policies: share(using, run.docs.length),
    };
  }), problems);
  const rows = [...run.dimensionOf.keys(), 'none'];
  const cols = [...dimOf.keys(), 'none'];
  const table = rows.map((r) => {
    const row: Row = { category: r };
    for (const col of cols) row[col] = String(run.clauses.filter((c) => c.primary === r && primary(c) === col).length);
    row.total = String(run.clauses.filter((c) => c.primary === r).length);
    return row;
  });
  const total: Row = { category: 'total' };
  for (const col of [...cols, 'total']) total[col] = String(table.reduce((a, r) => a + Number(r[col]), 0));
  compare(`crosstab_${main}_x_${name}.csv`, readCsv(dir, `crosstab_${main}_x_${name}.csv`), [...table, total], problems);
}

/**
 * Every mismatch between the published CSV tables in `dir` and a recount from its clauses.csv and
 * documents.csv (those of `source`, for the tables `report` wrote elsewhere), over the counted
 * documents that `keep` keeps (the filter the tables were made with).
 */
export function recountTables(dir: string, keep: (d: Row) => boolean = () => true, source = dir): string[] {
  const run = loadRun(dir, source, keep);
  const problems: string[] = [];
  compare('instruments.csv', readCsv(dir, 'instruments.csv'), instruments(run), problems);
  compare('dimensions.csv', readCsv(dir, 'dimensions.csv'), dimensions(run), problems);
  const publishedProvinces = readCsv(dir, 'provinces.csv');
  const groupsSeen = [...new Set(run.docs.map((d) => groupOf(d, 'province')))].sort();
  const listed = publishedProvinces.map((r) => r.province!).filter((p) => Number(publishedProvinces.find((r) => r.province === p)!.policies) > 0);
  if (JSON.stringify([...listed].sort()) !== JSON.stringify(groupsSeen)) problems.push(`provinces.csv lists ${listed.join(',')}; documents have ${groupsSeen.join(',')}`);
  compare('provinces.csv', publishedProvinces, provinces(run, publishedProvinces.map((r) => r.province!)), problems);
  compare('province_summary.csv', readCsv(dir, 'province_summary.csv'), [provinceSummary(run)], problems);
  const insts = [...run.dimensionOf.keys()];
  const instOf = (c: Row) => (c.primary === 'none' ? undefined : c.primary);
  const dimOf = (c: Row) => run.dimensionOf.get(c.primary!);
  const tables: Array<[string, 'province' | 'year' | 'level', string[], (c: Row) => string | undefined]> = [
    ['crosstab_province_instrument', 'province', insts, instOf],
    ['crosstab_year_instrument', 'year', insts, instOf],
    ['crosstab_level_dimension', 'level', run.dimensions, dimOf],
  ];
  for (const [name, by, cats, catOf] of tables) {
    const published = readCsv(dir, `${name}.csv`);
    const groups = published.map((r) => r[by]!).filter((g) => g !== 'total');
    const seen = new Set(run.docs.map((d) => groupOf(d, by)));
    for (const g of seen) if (!groups.includes(g)) problems.push(`${name}.csv has no row for ${by} ${g}`);
    if (by === 'level') for (const l of LEVELS) if (!groups.includes(l)) problems.push(`${name}.csv has no row for level ${l}`);
    const recount = crosstab(run, by, groups, cats, catOf);
    compare(`${name}.csv`, published, recount, problems);
    compare(`${name}_share.csv`, readCsv(dir, `${name}_share.csv`), shares(recount, by), problems);
  }
  const further = readdirSync(dir).filter((f) => /^crosstab_.+_x_.+\.csv$/.test(f) && !f.endsWith('_share.csv'));
  for (const f of further) {
    const [, main, name] = /^crosstab_(.+)_x_(.+)\.csv$/.exec(f)!;
    furtherCodebook(dir, run, main!, name!, problems);
  }
  compare('coding_table.csv', readCsv(dir, 'coding_table.csv'), codingTable(run), problems);
  compare('independence_tests.csv', readCsv(dir, 'independence_tests.csv'), recountIndependence(run), problems);
  const years = readCsv(dir, 'years.csv');
  compare('years.csv', years, years.map((r) => {
    const ids = new Set(run.docs.filter((d) => groupOf(d, 'year') === r.year).map((d) => d.doc_id!));
    const cl = clausesOf(run, ids);
    return { year: r.year!, policies: String(ids.size), clauses: String(cl.length), coded_clauses: String(cl.filter((c) => c.primary !== 'none').length) };
  }), problems);
  return problems;
}
