import type { DocumentSummary } from './buildTables.js';
import type { CodebookOutline } from './CodebookOutline.js';
import type { CodeCounts, Counts } from './countCodes.js';
import type { Table } from './Table.js';

/** Which counts of a document a table reads: the main codebook's, or a further codebook's. */
export type CountsOf = (d: DocumentSummary) => CodeCounts;

/** A proportion, NaN (an empty cell) when the whole is zero: 0/0 is no share at all. */
export function ratio(part: number, whole: number): number {
  return whole === 0 ? NaN : part / whole;
}

export function sumCounts(docs: readonly DocumentSummary[], pick: (d: DocumentSummary) => Counts): Map<string, number> {
  const totals = new Map<string, number>();
  for (const d of docs) for (const [code, n] of Object.entries(pick(d))) totals.set(code, (totals.get(code) ?? 0) + n);
  return totals;
}

/** Documents with at least one clause coded (any code, not only primary) in one of `ids`. */
function policiesUsing(docs: readonly DocumentSummary[], countsOf: CountsOf, ids: readonly string[]): number {
  return docs.filter((d) => ids.some((id) => (countsOf(d).anyCounts[id] ?? 0) > 0)).length;
}

const BY_CLAUSE_AND_DOCUMENT = {
  clauses: '条款数（主编码）',
  share: '占已编码条款',
  share_in_dimension: '占本维度',
  clauses_any_code: '条款数（任一编码）',
  policies_using: '涉及的政策数',
  share_of_policies: '占政策数',
} as const;

/**
 * One row per category of a codebook, counted two ways, as the column names say:
 * by clause (`clauses`: each coded clause once, under its primary code, so
 * `share` sums to 1) and by document (`policies_using`: policies with at least one
 * clause carrying the category among any of its codes; `share_of_policies` does not sum to 1).
 */
export function categoriesTable(name: string, docs: readonly DocumentSummary[], outline: CodebookOutline, countsOf: CountsOf): Table {
  const primary = sumCounts(docs, (d) => countsOf(d).primaryCounts);
  const any = sumCounts(docs, (d) => countsOf(d).anyCounts);
  const coded = outline.leaves.reduce((a, l) => a + (primary.get(l.id) ?? 0), 0);
  const perDimension = new Map<string, number>();
  for (const l of outline.leaves) perDimension.set(l.dimension, (perDimension.get(l.dimension) ?? 0) + (primary.get(l.id) ?? 0));
  const key = name === 'instruments' ? 'instrument' : 'category';
  return {
    name,
    title: `${outline.name}: clauses by primary code and policies using each category (n = ${docs.length} policies, ${coded} coded clauses)`,
    columns: ['dimension', key, 'label', ...Object.keys(BY_CLAUSE_AND_DOCUMENT)],
    headers: ['维度', key === 'instrument' ? '政策工具' : '类别', '名称', ...Object.values(BY_CLAUSE_AND_DOCUMENT)],
    kinds: { share: 'share', share_in_dimension: 'share', share_of_policies: 'share' },
    rows: outline.leaves.map((l) => {
      const n = primary.get(l.id) ?? 0;
      const using = policiesUsing(docs, countsOf, [l.id]);
      return [l.dimension, l.id, l.label.zh, n, ratio(n, coded), ratio(n, perDimension.get(l.dimension) ?? 0), any.get(l.id) ?? 0, using, ratio(using, docs.length)];
    }),
  };
}

/** One row per dimension (top-level category), by clause and by document as in categoriesTable. */
export function dimensionsTable(docs: readonly DocumentSummary[], outline: CodebookOutline, countsOf: CountsOf = (d) => d): Table {
  const primary = sumCounts(docs, (d) => countsOf(d).primaryCounts);
  const coded = outline.leaves.reduce((a, l) => a + (primary.get(l.id) ?? 0), 0);
  const { share_in_dimension: _, ...columns } = BY_CLAUSE_AND_DOCUMENT;
  const { clauses_any_code: __, ...shown } = columns;
  return {
    name: 'dimensions',
    title: `${outline.name}: dimensions by primary code and policies using each (n = ${docs.length} policies, ${coded} coded clauses)`,
    columns: ['dimension', 'label', ...Object.keys(shown)],
    headers: ['维度', '名称', ...Object.values(shown)],
    kinds: { share: 'share', share_of_policies: 'share' },
    rows: outline.dimensions.map((dim) => {
      const leaves = outline.leaves.filter((l) => l.dimension === dim.id).map((l) => l.id);
      const n = leaves.reduce((a, id) => a + (primary.get(id) ?? 0), 0);
      const using = policiesUsing(docs, countsOf, leaves);
      return [dim.id, dim.label.zh, n, ratio(n, coded), using, ratio(using, docs.length)];
    }),
  };
}
