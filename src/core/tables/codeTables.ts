import type { DocumentSummary } from './buildTables.js';
import type { CodebookOutline } from './CodebookOutline.js';
import type { CodeCounts, Counts } from './countCodes.js';
import { labelIn, pick, word, type Lang, type Word } from './Language.js';
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

const BY_CLAUSE_AND_DOCUMENT: Record<string, Word> = {
  clauses: 'clauses_primary',
  share: 'share',
  share_in_dimension: 'share_in_dimension',
  clauses_any_code: 'clauses_any_code',
  policies_using: 'policies_using',
  share_of_policies: 'share_of_policies',
};

/** What every count table of a codebook says under it: the two ways of counting. */
export function countingNote(lang: Lang): string {
  return pick(
    lang,
    '注：条款按主编码计数，每条一次；政策数为至少有一条款（任一编码）属于该类别的政策，占比之和不为 100%。',
    'Note: clauses are counted once, under their primary code; policies are counted under every category any of their clauses carries, so policy shares do not sum to 100%.',
  );
}

/**
 * One row per category of a codebook, counted two ways, as the column names say:
 * by clause (`clauses`: each coded clause once, under its primary code, so
 * `share` sums to 1) and by document (`policies_using`: policies with at least one
 * clause carrying the category among any of its codes; `share_of_policies` does not sum to 1).
 */
export function categoriesTable(name: string, docs: readonly DocumentSummary[], outline: CodebookOutline, countsOf: CountsOf, lang: Lang): Table {
  const primary = sumCounts(docs, (d) => countsOf(d).primaryCounts);
  const any = sumCounts(docs, (d) => countsOf(d).anyCounts);
  const coded = outline.leaves.reduce((a, l) => a + (primary.get(l.id) ?? 0), 0);
  const perDimension = new Map<string, number>();
  for (const l of outline.leaves) perDimension.set(l.dimension, (perDimension.get(l.dimension) ?? 0) + (primary.get(l.id) ?? 0));
  const key = name === 'instruments' ? 'instrument' : 'category';
  return {
    name,
    title: pick(
      lang,
      `${titleOf(outline, lang)}：各${key === 'instrument' ? '政策工具' : '类别'}的条款数与政策数（n = ${docs.length} 项政策，${coded} 条已编码条款）`,
      `${titleOf(outline, lang)}: clauses and policies per ${key === 'instrument' ? 'policy instrument' : 'category'} (n = ${docs.length} policies, ${coded} coded clauses)`,
    ),
    columns: ['dimension', key, 'label', ...Object.keys(BY_CLAUSE_AND_DOCUMENT)],
    headers: [word('dimension', lang), word(key, lang), word(key, lang), ...Object.values(BY_CLAUSE_AND_DOCUMENT).map((w) => word(w, lang))],
    kinds: { share: 'share', share_in_dimension: 'share', share_of_policies: 'share' },
    dataOnly: ['dimension', key],
    notes: [countingNote(lang)],
    rows: outline.leaves.map((l) => {
      const n = primary.get(l.id) ?? 0;
      const using = policiesUsing(docs, countsOf, [l.id]);
      return [l.dimension, l.id, labelIn(l.label, l.id, lang), n, ratio(n, coded), ratio(n, perDimension.get(l.dimension) ?? 0), any.get(l.id) ?? 0, using, ratio(using, docs.length)];
    }),
  };
}

/** One row per dimension (top-level category), by clause and by document as in categoriesTable. */
export function dimensionsTable(docs: readonly DocumentSummary[], outline: CodebookOutline, lang: Lang, countsOf: CountsOf = (d) => d): Table {
  const primary = sumCounts(docs, (d) => countsOf(d).primaryCounts);
  const coded = outline.leaves.reduce((a, l) => a + (primary.get(l.id) ?? 0), 0);
  const { share_in_dimension: _, ...columns } = BY_CLAUSE_AND_DOCUMENT;
  const { clauses_any_code: __, ...shown } = columns;
  return {
    name: 'dimensions',
    title: pick(
      lang,
      `${titleOf(outline, lang)}：各维度的条款数与政策数（n = ${docs.length} 项政策，${coded} 条已编码条款）`,
      `${titleOf(outline, lang)}: clauses and policies per dimension (n = ${docs.length} policies, ${coded} coded clauses)`,
    ),
    columns: ['dimension', 'label', ...Object.keys(shown)],
    headers: [word('dimension', lang), word('dimension', lang), ...Object.values(shown).map((w) => word(w, lang))],
    kinds: { share: 'share', share_of_policies: 'share' },
    dataOnly: ['dimension'],
    notes: [countingNote(lang)],
    rows: outline.dimensions.map((dim) => {
      const leaves = outline.leaves.filter((l) => l.dimension === dim.id).map((l) => l.id);
      const n = leaves.reduce((a, id) => a + (primary.get(id) ?? 0), 0);
      const using = policiesUsing(docs, countsOf, leaves);
      return [dim.id, labelIn(dim.label, dim.id, lang), n, ratio(n, coded), using, ratio(using, docs.length)];
    }),
  };
}

/** How a table names a codebook: its title in the language when the outline has one, else its name. */
export function titleOf(outline: CodebookOutline, lang: Lang): string {
  return outline.title ? labelIn(outline.title, outline.name, lang) : outline.name;
}
