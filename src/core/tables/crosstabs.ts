import { NONE } from '../types.js';
import type { DocumentSummary } from './buildTables.js';
import type { CodebookOutline } from './CodebookOutline.js';
import { ratio, sumCounts, titleOf } from './codeTables.js';
import type { Counts } from './countCodes.js';
import { categoryLabel, labelIn, levelLabel, pick, word, type Lang } from './Language.js';
import { byProvince, paperWords, provinceLabel, UNKNOWN, yearSpan } from './provinceTables.js';
import type { Cell, Table } from './Table.js';

export const TOTAL = 'total';

interface Axis {
  id: string;
  /** Heading in the paper formats. */
  header: string;
}

interface Crosstab {
  name: string;
  title: string;
  lang: Lang;
  row: Axis;
  /** Extra label column after the row key (e.g. a category's Chinese name), when rows are categories. */
  rowLabel?: Axis;
  columns: Axis[];
  rows: Array<{ key: Cell; label?: string; counts: Counts }>;
}

/**
 * A cross-tabulation as two tables: clause counts with row and column totals, and row shares
 * (each row divided by its total; the total row gives each column's share of all clauses, which is
 * the one-way table's share). Every clause of the selection falls in exactly one cell, so the
 * totals equal the one-way tables' counts.
 */
function crosstabTables(x: Crosstab): [Table, Table] {
  const lead = x.rowLabel ? [x.row, x.rowLabel] : [x.row];
  const columns = [...lead.map((a) => a.id), ...x.columns.map((c) => c.id), TOTAL];
  const headers = [...lead.map((a) => a.header), ...x.columns.map((c) => c.header), word('total', x.lang)];
  const line = (r: { key: Cell; label?: string; counts: Counts }) => {
    const cells = x.columns.map((c) => r.counts[c.id] ?? 0);
    return { lead: x.rowLabel ? [r.key, r.label ?? ''] : [r.key], cells, total: cells.reduce((a, b) => a + b, 0) };
  };
  const lines = x.rows.map(line);
  const columnTotals = x.columns.map((_, i) => lines.reduce((a, l) => a + l.cells[i]!, 0));
  const total = { lead: x.rowLabel ? [TOTAL, word('total', x.lang)] : [TOTAL], cells: columnTotals, total: columnTotals.reduce((a, b) => a + b, 0) };
  const all = [...lines, total];
  const shareKinds = Object.fromEntries([...x.columns.map((c) => c.id), TOTAL].map((id) => [id, 'share' as const]));
  const common = { columns, headers, dataOnly: x.rowLabel ? [x.row.id] : [], paperText: paperWords(x.lang) };
  return [
    {
      name: x.name,
      title: pick(x.lang, `${x.title}：条款数（主编码）`, `${x.title}: clauses (primary code)`),
      ...common,
      rows: all.map((l) => [...l.lead, ...l.cells, l.total]),
    },
    {
      name: `${x.name}_share`,
      title: pick(x.lang, `${x.title}：各行条款占比（主编码）`, `${x.title}: row shares of clauses (primary code)`),
      ...common,
      kinds: shareKinds,
      rows: all.map((l) => [...l.lead, ...l.cells.map((n) => ratio(n, l.total)), ratio(l.total, l.total)]),
    },
  ];
}

const instrumentAxes = (outline: CodebookOutline, lang: Lang): Axis[] => outline.leaves.map((l) => ({ id: l.id, header: labelIn(l.label, l.id, lang) }));

export function provinceInstrumentCrosstabs(docs: readonly DocumentSummary[], main: CodebookOutline, lang: Lang): Table[] {
  return crosstabTables({
    name: 'crosstab_province_instrument',
    title: pick(lang, '省份 × 政策工具', 'Province × policy instrument'),
    lang,
    row: { id: 'province', header: word('province', lang) },
    columns: instrumentAxes(main, lang),
    rows: byProvince(docs).map(([p, ds]) => ({ key: provinceLabel(p, lang), counts: Object.fromEntries(sumCounts(ds, (d) => d.primaryCounts)) })),
  });
}

export function yearInstrumentCrosstabs(docs: readonly DocumentSummary[], main: CodebookOutline, lang: Lang): Table[] {
  const years: Array<number | null> = [...yearSpan(docs), ...(docs.some((d) => d.year === null) ? [null] : [])];
  return crosstabTables({
    name: 'crosstab_year_instrument',
    title: pick(lang, '年份 × 政策工具', 'Year × policy instrument'),
    lang,
    row: { id: 'year', header: word('year', lang) },
    columns: instrumentAxes(main, lang),
    rows: years.map((y) => ({
      key: y ?? UNKNOWN,
      counts: Object.fromEntries(sumCounts(docs.filter((d) => d.year === y), (d) => d.primaryCounts)),
    })),
  });
}

export const LEVELS = ['national', 'provincial', 'prefecture', 'county'] as const;

/** Level x dimension; levels in administrative order, unknown last, each listed even when empty. */
export function levelDimensionCrosstabs(docs: readonly DocumentSummary[], main: CodebookOutline, lang: Lang): Table[] {
  const dimensionOf = new Map(main.leaves.map((l) => [l.id, l.dimension]));
  const perDimension = (ds: readonly DocumentSummary[]): Counts => {
    const out: Counts = {};
    for (const [code, n] of sumCounts(ds, (d) => d.primaryCounts)) {
      const dim = dimensionOf.get(code);
      if (dim) out[dim] = (out[dim] ?? 0) + n;
    }
    return out;
  };
  const levels: Array<string | null> = [...LEVELS, ...(docs.some((d) => d.level === null) ? [null] : [])];
  return crosstabTables({
    name: 'crosstab_level_dimension',
    title: pick(lang, '行政层级 × 维度', 'Administrative level × dimension'),
    lang,
    row: { id: 'level', header: word('level', lang) },
    rowLabel: { id: 'label', header: word('level', lang) },
    columns: main.dimensions.map((d) => ({ id: d.id, header: labelIn(d.label, d.id, lang) })),
    rows: levels.map((level) => ({
      key: level ?? UNKNOWN,
      label: levelLabel(level, lang),
      counts: perDimension(docs.filter((d) => d.level === level)),
    })),
  });
}

/**
 * Main codebook x a further codebook, from the clause-level pairs each summary carries: rows are
 * the main codebook's primary codes, columns the other's, both with `none`, so the row totals equal
 * the main one-way table and the column totals the other's.
 */
export function codebookCrosstabs(docs: readonly DocumentSummary[], main: CodebookOutline, other: CodebookOutline, lang: Lang): Table[] {
  const pairs = new Map<string, Counts>();
  for (const d of docs) {
    for (const [mainCode, row] of Object.entries(d.further[other.name]?.pairCounts ?? {})) {
      const acc = pairs.get(mainCode) ?? {};
      for (const [code, n] of Object.entries(row)) acc[code] = (acc[code] ?? 0) + n;
      pairs.set(mainCode, acc);
    }
  }
  const ids = (o: CodebookOutline) => [...o.leaves.map((l) => l.id), NONE];
  return crosstabTables({
    name: `crosstab_${main.name}_x_${other.name}`,
    title: `${titleOf(main, lang)} × ${titleOf(other, lang)}`,
    lang,
    row: { id: 'category', header: word('category', lang) },
    rowLabel: { id: 'label', header: titleOf(main, lang) },
    columns: ids(other).map((id) => ({ id, header: categoryLabel(other, id, lang) })),
    rows: ids(main).map((id) => ({ key: id, label: categoryLabel(main, id, lang), counts: pairs.get(id) ?? {} })),
  });
}
