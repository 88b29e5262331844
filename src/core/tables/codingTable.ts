import type { DocumentSummary } from './buildTables.js';
import type { CodebookOutline } from './CodebookOutline.js';
import { titleOf } from './codeTables.js';
import { labelIn, pick, word, type Lang } from './Language.js';
import type { Table } from './Table.js';

/**
 * Clause ids as summaries.json keeps them: one string per code, the ids separated by spaces and
 * without their `<docId>-` prefix (all ids of splitClauses have it), which keeps a summary about
 * as small as before for any number of clauses. An id without the prefix is kept whole after '/'.
 */
export function packClauseIds(docId: string, ids: readonly string[]): string {
  const prefix = `${docId}-`;
  return ids.map((id) => (id.startsWith(prefix) ? id.slice(prefix.length) : `/${id}`)).join(' ');
}

export function unpackClauseIds(docId: string, packed: string): string[] {
  return packed.split(' ').filter(Boolean).map((p) => (p.startsWith('/') ? p.slice(1) : `${docId}-${p}`));
}

/**
 * The coding table (编码表) reviewers use to check the coding: one row per policy, and for each
 * instrument the ids of the clauses coded with it as primary code (the ids of clauses.csv), so
 * every number of the instrument table can be traced to its clauses. Null when the summaries come
 * from a run that did not record clause ids (re-run analyze).
 */
export function codingTable(docs: readonly DocumentSummary[], outline: CodebookOutline, lang: Lang): Table | null {
  if (docs.some((d) => d.clauseIds === undefined)) return null;
  const leaves = outline.leaves;
  return {
    name: 'coding_table',
    title: pick(lang, `${titleOf(outline, lang)}：编码表（各政策按主编码的条款编号）`, `${titleOf(outline, lang)}: coding table (clause ids per policy and instrument, primary code)`),
    columns: ['doc_id', 'title', 'coded_clauses', ...leaves.map((l) => l.id)],
    headers: [pick(lang, '编号', 'Id'), word('policy', lang), word('coded_clauses', lang), ...leaves.map((l) => labelIn(l.label, l.id, lang))],
    notes: [
      pick(
        lang,
        '注：条款编号即 clauses.csv 的 clause_id（文档编号-章-条，同一条拆分时加 .序号）；每一条款只列在其主编码下。',
        'Note: clause ids are the clause_id of clauses.csv (document-chapter-article, with .n for the parts of a split article); each clause is listed under its primary code only.',
      ),
    ],
    latex: false,
    rows: docs.map((d) => [d.docId, d.title, d.codedClauses, ...leaves.map((l) => unpackClauseIds(d.docId, d.clauseIds?.[l.id] ?? '').join('; '))]),
  };
}
