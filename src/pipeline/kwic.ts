import { codebookTerms } from '../core/codebook/Codebook.js';
import { UserError } from '../core/errors.js';
import { findOccurrences, type Occurrence } from '../core/coding/findOccurrences.js';
import type { Table } from '../core/tables/Table.js';
import { loadCodebooks } from '../io/readCodebook.js';
import { addWords, segment } from '../io/segmenter.js';
import { readCorpusClauses, type ReadCorpusOptions } from './readCorpusClauses.js';

export interface KwicOptions extends ReadCorpusOptions {
  /** Codebooks whose terms are in the segmenter's dictionary, so tokens are the coder's. */
  codebooks: string[];
  /** Characters of context on each side. */
  width: number;
  /** List occurrences inside longer words too (raw substring search). */
  substring: boolean;
}

/** One occurrence of the term, with its context, in the clause and file it stands in. */
export interface KwicLine extends Occurrence {
  clauseId: string;
  file: string;
}

/** The kwic CSV's columns, each beside its value. */
const KWIC_COLUMNS: ReadonlyArray<{ name: string; value(o: KwicLine): string | number }> = [
  { name: 'clause_id', value: (o) => o.clauseId },
  { name: 'file', value: (o) => o.file },
  { name: 'start', value: (o) => o.start },
  { name: 'left', value: (o) => o.left },
  { name: 'term', value: (o) => o.term },
  { name: 'right', value: (o) => o.right },
  { name: 'word_boundary', value: (o) => (o.onBoundary ? 'yes' : 'no') },
  { name: 'segmented_as', value: (o) => o.segmentedAs },
];

export interface KwicReport {
  /** The occurrences listed: on word boundaries, and with `substring` the others too. */
  lines: KwicLine[];
  table: Table;
  /** Occurrences on word boundaries (where the coder would match the term). */
  onBoundary: number;
  /** Occurrences not on word boundaries (inside a longer word, or cut across), which the coder does not match. */
  insideWords: number;
  /** Categories that have the term as a keyword, as `codebook:category`. */
  keywordOf: string[];
  problems: Array<{ file: string; problem: string }>;
}

/** Every occurrence of a term in a corpus, with context and clause id, for judging a keyword. */
export async function kwic(term: string, corpus: string, options: KwicOptions): Promise<KwicReport> {
  const t = term.trim();
  if (t.length === 0) throw new UserError('usage', 'the term to search for is empty');
  const books = await loadCodebooks(options.codebooks);
  // Clauses as analyze with these codebooks cuts them: in the main codebook's unit.
  const documents = await readCorpusClauses(corpus, { ...options, unit: options.unit ?? books[0]?.codebook.unit });
  // The coder's dictionary plus the term itself: the term is found wherever the coder could match it.
  for (const b of books) addWords(codebookTerms(b.codebook));
  addWords([t]);
  const lines: KwicLine[] = [];
  let onBoundary = 0;
  let insideWords = 0;
  for (const d of documents) {
    for (const c of d.clauses) {
      if (!c.text.includes(t)) continue;
      for (const o of findOccurrences(c.text, segment(c.text), t, options.width)) {
        if (o.onBoundary) onBoundary++;
        else insideWords++;
        if (o.onBoundary || options.substring) lines.push({ clauseId: c.id, file: d.file, ...o });
      }
    }
  }
  const keywordOf = books.flatMap((b) =>
    b.codebook.leaves.flatMap((l) => [
      ...(l.keywords.some((k) => k.term === t) ? [`${b.codebook.name}:${l.id}`] : []),
      ...(l.topics.some((k) => k.term === t) ? [`${b.codebook.name}:${l.id} (topic)`] : []),
    ]),
  );
  return {
    lines,
    table: { name: 'kwic', columns: KWIC_COLUMNS.map((c) => c.name), rows: lines.map((o) => KWIC_COLUMNS.map((c) => c.value(o))) },
    onBoundary,
    insideWords,
    keywordOf,
    problems: documents.filter((d) => d.problem !== null).map((d) => ({ file: d.file, problem: d.problem! })),
  };
}
