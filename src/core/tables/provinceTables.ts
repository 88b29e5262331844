import { canonicalProvince, NATIONAL, PROVINCES } from '../metadata/provinces.js';
import type { DocumentSummary } from './buildTables.js';
import type { CodebookOutline } from './CodebookOutline.js';
import { describe } from './describe.js';
import { labelIn, pick, provinceLabel as labelOfProvince, word, type Lang } from './Language.js';
import type { Table } from './Table.js';

/**
 * Which provinces the province tables list: `present` those with at least one policy, `all` the
 * 31 provincial-level divisions of the mainland, zeros included (what a mean over China means).
 */
export type ProvinceSet = 'present' | 'all';

export const UNKNOWN = '(unknown)';

/** The 31 provincial-level divisions of the mainland (Taiwan, Hong Kong and Macao left out). */
const MAINLAND = PROVINCES.slice(0, 31).map((p) => p.name);

const RANK = new Map(PROVINCES.map((p, i) => [p.name, i]));

/** The one spelling of a document's province (广东省, 广东 and Guangdong are 广东); null when none. */
export function provinceOf(d: DocumentSummary): string | null {
  return d.province === null ? null : (canonicalProvince(d.province) ?? d.province);
}

/** A province as a table's key cell: its name in the language, `(unknown)` for none (a word in paper formats). */
export function provinceLabel(province: string | null, lang: Lang): string {
  return province === null ? UNKNOWN : labelOfProvince(province, lang);
}

/** Replacements every table applies in its paper formats. */
export function paperWords(lang: Lang): Record<string, string> {
  return { total: word('total', lang), [UNKNOWN]: word('unknown', lang) };
}

/**
 * Order of province rows: most policies first, ties in the official order of the provinces
 * (北京, 天津, 河北, ...); central documents and unknown provinces last, as they are not provinces.
 */
function compareProvinces(a: [string | null, number], b: [string | null, number]): number {
  const rank = (p: string | null) => (p === null ? 1e9 + 1 : p === NATIONAL ? 1e9 : (RANK.get(p) ?? 1e8));
  const isProvince = (p: string | null) => p !== null && p !== NATIONAL;
  if (isProvince(a[0]) !== isProvince(b[0])) return isProvince(a[0]) ? -1 : 1;
  return b[1] - a[1] || rank(a[0]) - rank(b[0]) || String(a[0]).localeCompare(String(b[0]), 'en');
}

/** Documents grouped by canonical province, in compareProvinces order; with `all`, every mainland province, empty or not. */
export function byProvince(docs: readonly DocumentSummary[], set: ProvinceSet = 'present'): Array<[string | null, DocumentSummary[]]> {
  const groups = new Map<string | null, DocumentSummary[]>(set === 'all' ? MAINLAND.map((p) => [p, []]) : []);
  for (const d of docs) {
    const p = provinceOf(d);
    groups.set(p, [...(groups.get(p) ?? []), d]);
  }
  return [...groups.entries()].sort((a, b) => compareProvinces([a[0], a[1].length], [b[0], b[1].length]));
}

/** The note that names the province set of a table. */
function provinceSetNote(set: ProvinceSet, lang: Lang): string {
  return set === 'all'
    ? pick(lang, '注：列出全部 31 个省级行政区（不含港澳台），无政策的省份计为 0。', 'Note: all 31 provincial-level divisions of the mainland are listed; provinces without a policy count as 0.')
    : pick(lang, '注：仅列出至少有一项政策的省份，统计量仅基于这些省份。', 'Note: only provinces with at least one policy are listed, and the statistics are over these provinces only.');
}

/** Policies, clauses and primary codes per dimension for each province, most policies first. */
export function provincesTable(docs: readonly DocumentSummary[], outline: CodebookOutline, lang: Lang, set: ProvinceSet): Table {
  const dimensionOf = new Map(outline.leaves.map((l) => [l.id, l.dimension]));
  const rows = byProvince(docs, set).map(([province, ds]) => {
    const perDim = new Map<string, number>();
    for (const d of ds) {
      for (const [code, n] of Object.entries(d.primaryCounts)) {
        const dim = dimensionOf.get(code);
        if (dim) perDim.set(dim, (perDim.get(dim) ?? 0) + n);
      }
    }
    return [
      provinceLabel(province, lang),
      ds.length,
      ds.reduce((a, d) => a + d.clauses, 0),
      ds.reduce((a, d) => a + d.codedClauses, 0),
      ...outline.dimensions.map((dim) => perDim.get(dim.id) ?? 0),
    ];
  });
  return {
    name: 'provinces',
    title: pick(lang, '各省份的政策数、条款数与已编码条款数（按主编码的维度）', 'Policies, clauses and coded clauses (by dimension of the primary code) per province'),
    columns: ['province', 'policies', 'clauses', 'coded_clauses', ...outline.dimensions.map((d) => d.id)],
    headers: [word('province', lang), word('policies', lang), word('clauses', lang), word('coded_clauses', lang), ...outline.dimensions.map((d) => labelIn(d.label, d.id, lang))],
    paperText: paperWords(lang),
    notes: [provinceSetNote(set, lang)],
    rows,
  };
}

/** How many provinces the top list names before ties: the source studies name about five. */
const TOP = 5;

/** Provinces with their counts; a long run of ties (29 provinces with none) as a count instead. */
function listed(entries: Array<[string, number]>, lang: Lang): string {
  if (entries.length > 2 * TOP && entries.every(([, n]) => n === entries[0]![1])) {
    return pick(lang, `${entries.length} 个省份各 ${entries[0]![1]} 项`, `${entries.length} provinces with ${entries[0]![1]} each`);
  }
  return entries.map(([p, n]) => `${provinceLabel(p, lang)} ${n}`).join('; ');
}

/**
 * Policies per province, described over the provinces of the set: those with at least one policy
 * (`present`) or all 31 mainland divisions with zeros (`all`); the note says which. Central
 * documents and documents of unknown province are not a province and are left out. `top` names
 * the five provinces with most policies (more when the fifth place is tied), `bottom` every
 * province at the minimum.
 */
export function provinceSummaryTable(docs: readonly DocumentSummary[], lang: Lang, set: ProvinceSet): Table {
  const counts = byProvince(docs, set)
    .filter(([p]) => p !== null && p !== NATIONAL)
    .map(([p, ds]) => [p!, ds.length] as [string, number]);
  const s = describe(counts.map(([, n]) => n));
  const cutoff = counts[Math.min(TOP, counts.length) - 1]?.[1] ?? 0;
  // Provinces without a policy (listed with --provinces all) are never "most".
  const top = counts.filter(([, n], i) => n > 0 && (i < TOP || n === cutoff));
  const bottom = counts.filter(([, n]) => n === s.min);
  const keys = ['provinces', 'policies', 'mean', 'sd', 'sd_population', 'median', 'q1', 'q3', 'min', 'max', 'top', 'bottom'] as const;
  return {
    name: 'province_summary',
    title: set === 'all'
      ? pick(lang, '各省份政策数的描述统计（全部 31 个省级行政区）', 'Policies per province: descriptive statistics over all 31 provincial-level divisions')
      : pick(lang, '各省份政策数的描述统计（至少有一项政策的省份）', 'Policies per province: descriptive statistics over provinces with at least one policy'),
    columns: [...keys],
    headers: keys.map((k) => word(k, lang)),
    kinds: { mean: 'decimal2', sd: 'decimal2', sd_population: 'decimal2', median: 'decimal2', q1: 'decimal2', q3: 'decimal2' },
    notes: [provinceSetNote(set, lang)],
    rows: [[s.n, s.sum, s.mean, s.sd, s.sdPopulation, s.median, s.q1, s.q3, s.n ? s.min : '', s.n ? s.max : '', listed(top, lang), listed(bottom, lang)]],
  };
}

/** Every year from the first to the last year of the documents, zeros included, oldest first. */
export function yearSpan(docs: readonly DocumentSummary[]): number[] {
  const known = docs.map((d) => d.year).filter((y): y is number => y !== null);
  if (known.length === 0) return [];
  const first = Math.min(...known);
  return Array.from({ length: Math.max(...known) - first + 1 }, (_, i) => first + i);
}

/** Policies and clauses per year, every year of the span (zeros included), unknown years last: the year trend. */
export function yearsTable(docs: readonly DocumentSummary[], lang: Lang): Table {
  const of = (y: number | null) => docs.filter((d) => d.year === y);
  const years: Array<number | null> = [...yearSpan(docs), ...(docs.some((d) => d.year === null) ? [null] : [])];
  const rows = years.map((year) => {
    const ds = of(year);
    return [year ?? UNKNOWN, ds.length, ds.reduce((a, d) => a + d.clauses, 0), ds.reduce((a, d) => a + d.codedClauses, 0)];
  });
  return {
    name: 'years',
    title: pick(lang, '各年份的政策数与条款数', 'Policies and clauses per year'),
    columns: ['year', 'policies', 'clauses', 'coded_clauses'],
    headers: [word('year', lang), word('policies', lang), word('clauses', lang), word('coded_clauses', lang)],
    paperText: paperWords(lang),
    notes: [pick(lang, '注：列出从最早到最晚年份的每一年，无政策的年份计为 0。', 'Note: every year from the first to the last is listed; years without a policy count as 0.')],
    rows,
  };
}
