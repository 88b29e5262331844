import { NONE } from '../types.js';
import type { DocumentSummary } from './buildTables.js';
import type { CodebookOutline } from './CodebookOutline.js';
import { ratio, sumCounts } from './codeTables.js';
import type { Counts } from './countCodes.js';
import { byProvince, provinceLabel, UNKNOWN, type ProvinceNames } from './provinceTables.js';
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
  const headers = [...lead.map((a) => a.header), ...x.columns.map((c) => c.header), '合计'];
  const line = (r: { key: Cell; label?: string; counts: Counts }) => {
    const cells = x.columns.map((c) => r.counts[c.id] ?? 0);
    return { lead: x.rowLabel ? [r.key, r.label ?? ''] : [r.key], cells, total: cells.reduce((a, b) => a + b, 0) };
  };
  const lines = x.rows.map(line);
  const columnTotals = x.columns.map((_, i) => lines.reduce((a, l) => a + l.cells[i]!, 0));
  const total = { lead: x.rowLabel ? [TOTAL, '合计'] : [TOTAL], cells: columnTotals, total: columnTotals.reduce((a, b) => a + b, 0) };
  const all = [...lines, total];
  const shareKinds = Object.fromEntries([...x.columns.map((c) => c.id), TOTAL].map((id) => [id, 'share' as const]));
  return [
    { name: x.name, title: `${x.title}: clauses (primary code)`, columns, headers, rows: all.map((l) => [...l.lead, ...l.cells, l.total]) },
    {
      name: `${x.name}_share`,
      title: `${x.title}: row shares of clauses (primary code)`,
      columns,
      headers,
      kinds: shareKinds,
      rows: all.map((l) => [...l.lead, ...l.cells.map((n) => ratio(n, l.total)), ratio(l.total, l.total)]),
    },
  ];
}

const instrumentAxes = (outline: CodebookOutline): Axis[] => outline.leaves.map((l) => ({ id: l.id, header: l.label.zh }));

export function provinceInstrumentCrosstabs(docs: readonly DocumentSummary[], main: CodebookOutline, names: ProvinceNames): Table[] {
  return crosstabTables({
    name: 'crosstab_province_instrument',
    title: 'Province x instrument',
    row: { id: 'province', header: '省份' },
    columns: instrumentAxes(main),
    rows: byProvince(docs).map(([p, ds]) => ({ key: provinceLabel(p, names), counts: Object.fromEntries(sumCounts(ds, (d) => d.primaryCounts)) })),
  });
}

export function yearInstrumentCrosstabs(docs: readonly DocumentSummary[], main: CodebookOutline): Table[] {
  const years = [...new Set(docs.map((d) => d.year))].sort((a, b) => (a ?? Infinity) - (b ?? Infinity));
  return crosstabTables({
    name: 'crosstab_year_instrument',
    title: 'Year x instrument',
    row: { id: 'year', header: '年份' },
    columns: instrumentAxes(main),
    rows: years.map((y) => ({
      key: y ?? UNKNOWN,
      counts: Object.fromEntries(sumCounts(docs.filter((d) => d.year === y), (d) => d.primaryCounts)),
    })),
  });
}

export const LEVELS = ['national', 'provincial', 'prefecture', 'county'] as const;
const LEVEL_LABELS: Record<string, string> = { national: '国家级', provincial: '省级', prefecture: '地市级', county: '区县级' };

/** Level x dimension; levels in administrative order, unknown last, each listed even when empty. */
export function levelDimensionCrosstabs(docs: readonly DocumentSummary[], main: CodebookOutline): Table[] {
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
    title: 'Administrative level x dimension',
    row: { id: 'level', header: '层级' },
    rowLabel: { id: 'label', header: '名称' },
    columns: main.dimensions.map((d) => ({ id: d.id, header: d.label.zh })),
    rows: levels.map((level) => ({
      key: level ?? UNKNOWN,
      label: level ? LEVEL_LABELS[level]! : '未知',
      counts: perDimension(docs.filter((d) => d.level === level)),
    })),
  });
}

/**
 * Main codebook x a further codebook, from the clause-level pairs each summary carries: rows are
 * the main codebook's primary codes, columns the other's, both with `none`, so the row totals equal
 * the main one-way table and the column totals the other's.
 */
export function codebookCrosstabs(docs: readonly DocumentSummary[], main: CodebookOutline, other: CodebookOutline): Table[] {
  const pairs = new Map<string, Counts>();
  for (const d of docs) {
    for (const [mainCode, row] of Object.entries(d.further[other.name]?.pairCounts ?? {})) {
      const acc = pairs.get(mainCode) ?? {};
      for (const [code, n] of Object.entries(row)) acc[code] = (acc[code] ?? 0) + n;
      pairs.set(mainCode, acc);
    }
  }
  const none = { id: NONE, label: { zh: '未编码' } };
  return crosstabTables({
    name: `crosstab_${main.name}_x_${other.name}`,
    title: `${main.name} x ${other.name}`,
    row: { id: 'category', header: '类别' },
    rowLabel: { id: 'label', header: '名称' },
    columns: [...other.leaves, none].map((l) => ({ id: l.id, header: l.label.zh })),
    rows: [...main.leaves, none].map((l) => ({ key: l.id, label: l.label.zh, counts: pairs.get(l.id) ?? {} })),
  });
}
