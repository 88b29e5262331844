import { canonicalProvince, NATIONAL, PROVINCES } from '../metadata/provinces.js';
import type { DocumentSummary } from './buildTables.js';
import type { CodebookOutline } from './CodebookOutline.js';
import { describe } from './describe.js';
import type { Table } from './Table.js';

export type ProvinceNames = 'zh' | 'en';

export const UNKNOWN = '(unknown)';

const RANK = new Map(PROVINCES.map((p, i) => [p.name, i]));
const ENGLISH = new Map(PROVINCES.map((p) => [p.name, p.en]));

/** The one spelling of a document's province (广东省, 广东 and Guangdong are 广东); null when none. */
export function provinceOf(d: DocumentSummary): string | null {
  return d.province === null ? null : (canonicalProvince(d.province) ?? d.province);
}

export function provinceLabel(province: string | null, names: ProvinceNames): string {
  if (province === null) return UNKNOWN;
  if (names === 'zh') return province;
  if (province === NATIONAL) return 'National';
  return ENGLISH.get(province) ?? province;
}

/**
 * Order of province rows: most policies first, ties in the official order of the provinces
 * (北京, 天津, 河北, ...); central documents and unknown provinces last, as they are not provinces.
 */
export function compareProvinces(a: [string | null, number], b: [string | null, number]): number {
  const rank = (p: string | null) => (p === null ? 1e9 + 1 : p === NATIONAL ? 1e9 : (RANK.get(p) ?? 1e8));
  const isProvince = (p: string | null) => p !== null && p !== NATIONAL;
  if (isProvince(a[0]) !== isProvince(b[0])) return isProvince(a[0]) ? -1 : 1;
  return b[1] - a[1] || rank(a[0]) - rank(b[0]) || String(a[0]).localeCompare(String(b[0]), 'en');
}

/** Documents grouped by canonical province, in compareProvinces order. */
export function byProvince(docs: readonly DocumentSummary[]): Array<[string | null, DocumentSummary[]]> {
  const groups = new Map<string | null, DocumentSummary[]>();
  for (const d of docs) {
    const p = provinceOf(d);
    groups.set(p, [...(groups.get(p) ?? []), d]);
  }
  return [...groups.entries()].sort((a, b) => compareProvinces([a[0], a[1].length], [b[0], b[1].length]));
}

/** Policies, clauses and primary codes per dimension for each province, most policies first. */
export function provincesTable(docs: readonly DocumentSummary[], outline: CodebookOutline, names: ProvinceNames): Table {
  const dimensionOf = new Map(outline.leaves.map((l) => [l.id, l.dimension]));
  const rows = byProvince(docs).map(([province, ds]) => {
    const perDim = new Map<string, number>();
    for (const d of ds) {
      for (const [code, n] of Object.entries(d.primaryCounts)) {
        const dim = dimensionOf.get(code);
        if (dim) perDim.set(dim, (perDim.get(dim) ?? 0) + n);
      }
    }
    return [
      provinceLabel(province, names),
      ds.length,
      ds.reduce((a, d) => a + d.clauses, 0),
      ds.reduce((a, d) => a + d.codedClauses, 0),
      ...outline.dimensions.map((dim) => perDim.get(dim.id) ?? 0),
    ];
  });
  return {
    name: 'provinces',
    title: 'Policies, clauses and coded clauses (by primary dimension) per province',
    columns: ['province', 'policies', 'clauses', 'coded_clauses', ...outline.dimensions.map((d) => d.id)],
    headers: ['省份', '政策数', '条款数', '已编码条款', ...outline.dimensions.map((d) => d.label.zh)],
    rows,
  };
}

/** How many provinces the top list names before ties: the source studies name about five. */
const TOP = 5;

function listed(entries: Array<[string, number]>, names: ProvinceNames): string {
  return entries.map(([p, n]) => `${provinceLabel(p, names)} ${n}`).join('; ');
}

/**
 * Policies per province, described over the provinces that have at least one policy. Central
 * documents and documents of unknown province are not a province and are left out. `top` names
 * the five provinces with most policies (more when the fifth place is tied), `bottom` every
 * province at the minimum.
 */
export function provinceSummaryTable(docs: readonly DocumentSummary[], names: ProvinceNames): Table {
  const counts = byProvince(docs)
    .filter(([p]) => p !== null && p !== NATIONAL)
    .map(([p, ds]) => [p!, ds.length] as [string, number]);
  const s = describe(counts.map(([, n]) => n));
  const cutoff = counts[Math.min(TOP, counts.length) - 1]?.[1] ?? 0;
  const top = counts.filter(([, n], i) => i < TOP || n === cutoff);
  const bottom = counts.filter(([, n]) => n === s.min);
  return {
    name: 'province_summary',
    title: 'Policies per province: descriptive statistics over provinces with at least one policy',
    columns: ['provinces', 'policies', 'mean', 'sd', 'sd_population', 'median', 'q1', 'q3', 'min', 'max', 'top', 'bottom'],
    headers: ['省份数', '政策数', '均值', '标准差（样本）', '标准差（总体）', '中位数', '下四分位数', '上四分位数', '最小值', '最大值', '最多', '最少'],
    kinds: { mean: 'decimal2', sd: 'decimal2', sd_population: 'decimal2', median: 'decimal2', q1: 'decimal2', q3: 'decimal2' },
    rows: [[s.n, s.sum, s.mean, s.sd, s.sdPopulation, s.median, s.q1, s.q3, s.n ? s.min : '', s.n ? s.max : '', listed(top, names), listed(bottom, names)]],
  };
}

/** Policies and clauses per year, oldest first, unknown years last: the year trend. */
export function yearsTable(docs: readonly DocumentSummary[]): Table {
  const byYear = new Map<number | null, DocumentSummary[]>();
  for (const d of docs) byYear.set(d.year, [...(byYear.get(d.year) ?? []), d]);
  const rows = [...byYear.entries()]
    .sort(([a], [b]) => (a ?? Infinity) - (b ?? Infinity))
    .map(([year, ds]) => [year ?? UNKNOWN, ds.length, ds.reduce((a, d) => a + d.clauses, 0), ds.reduce((a, d) => a + d.codedClauses, 0)]);
  return {
    name: 'years',
    title: 'Policies and clauses per year',
    columns: ['year', 'policies', 'clauses', 'coded_clauses'],
    headers: ['年份', '政策数', '条款数', '已编码条款'],
    rows,
  };
}
