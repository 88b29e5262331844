import type { DocumentSummary } from './buildTables.js';
import type { CodebookOutline } from './CodebookOutline.js';
import { countingNote, ratio, sumCounts, titleOf } from './codeTables.js';
import { TOTAL } from './crosstabs.js';
import { labelIn, pick, word, type Lang } from './Language.js';
import type { Cell, Table } from './Table.js';

const SUBTOTAL = 'subtotal';

/**
 * The instrument table in the layout of the field's papers: dimension, instrument, clauses and
 * their share, policies and their share; each dimension closes with a subtotal row, the table with
 * a total. Clauses count once under their primary code, so clause shares add up to 100% down the
 * instruments and down the subtotals; a policy counts under every instrument it uses (any code),
 * so a subtotal's policies are the policies using any instrument of the dimension, not a sum.
 */
export function instrumentStructureTable(docs: readonly DocumentSummary[], outline: CodebookOutline, lang: Lang): Table {
  const primary = sumCounts(docs, (d) => d.primaryCounts);
  const clausesOf = (ids: readonly string[]) => ids.reduce((a, id) => a + (primary.get(id) ?? 0), 0);
  const policiesOf = (ids: readonly string[]) => docs.filter((d) => ids.some((id) => (d.anyCounts[id] ?? 0) > 0)).length;
  const all = outline.leaves.map((l) => l.id);
  const coded = clausesOf(all);
  const line = (dimension: string, instrument: string, dimLabel: string, label: string, ids: readonly string[]): Cell[] => {
    const n = clausesOf(ids);
    const p = policiesOf(ids);
    return [dimension, instrument, dimLabel, label, n, ratio(n, coded), p, ratio(p, docs.length)];
  };
  const rows: Cell[][] = [];
  const rules: number[] = [];
  // A rule closes each dimension after its subtotal.
  for (const dim of outline.dimensions) {
    const leaves = outline.leaves.filter((l) => l.dimension === dim.id);
    const dimLabel = labelIn(dim.label, dim.id, lang);
    for (const l of leaves) rows.push(line(dim.id, l.id, dimLabel, labelIn(l.label, l.id, lang), [l.id]));
    rows.push(line(dim.id, SUBTOTAL, dimLabel, word('subtotal', lang), leaves.map((l) => l.id)));
    rules.push(rows.length);
  }
  rows.push(line(TOTAL, '', word('total', lang), '', all));
  return {
    name: 'instrument_structure',
    title: pick(
      lang,
      `${titleOf(outline, lang)}：政策工具分布（n = ${docs.length} 项政策，${coded} 条已编码条款）`,
      `${titleOf(outline, lang)}: distribution of policy instruments (n = ${docs.length} policies, ${coded} coded clauses)`,
    ),
    columns: ['dimension', 'instrument', 'dimension_label', 'instrument_label', 'clauses', 'share', 'policies', 'share_of_policies'],
    headers: [
      word('dimension', lang), word('instrument', lang), word('dimension', lang), word('instrument', lang),
      word('clauses_primary', lang), word('share', lang), word('policies_using', lang), word('share_of_policies', lang),
    ],
    kinds: { share: 'share', share_of_policies: 'share' },
    dataOnly: ['dimension', 'instrument'],
    rules,
    notes: [countingNote(lang)],
    rows,
  };
}
