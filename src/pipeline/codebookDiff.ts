import { codebookTerms, type Codebook } from '../core/codebook/Codebook.js';
import { compileCodebook } from '../core/coding/compileCodebook.js';
import { matchedTermsCell } from '../core/coding/describeCoding.js';
import { diffCodings, type CodingDiff } from '../core/coding/diffCodings.js';
import type { Table } from '../core/tables/Table.js';
import type { Coding } from '../core/types.js';
import { loadCodebook } from '../io/readCodebook.js';
import { addWords, segment } from '../io/segmenter.js';
import { codeDocumentClauses } from './processDocument.js';
import { readCorpusClauses, type ReadCorpusOptions } from './readCorpusClauses.js';

export interface CodebookDiffReport {
  oldBook: Codebook;
  newBook: Codebook;
  documents: number;
  /** Documents that could not be read, with the reason. */
  problems: Array<{ file: string; problem: string }>;
  diff: CodingDiff;
  /** Every changed clause with its text and both codings. */
  changedTable: Table;
}

/**
 * Codes every clause of a corpus with two versions of a codebook and compares them. Both versions
 * code the same tokens (the segmenter's dictionary holds the terms of both), so every difference
 * comes from the codebook's rules, not from a different segmentation.
 */
export async function codebookDiff(oldFile: string, newFile: string, corpus: string, options: ReadCorpusOptions = {}): Promise<CodebookDiffReport> {
  const [oldLoaded, newLoaded] = [await loadCodebook(oldFile), await loadCodebook(newFile)];
  // Both versions code the same clauses, cut as a recode with the new version would cut them.
  const documents = await readCorpusClauses(corpus, { ...options, unit: options.unit ?? newLoaded.codebook.unit ?? oldLoaded.codebook.unit });
  addWords([...codebookTerms(oldLoaded.codebook), ...codebookTerms(newLoaded.codebook)]);
  const compiled = [compileCodebook(oldLoaded.codebook), compileCodebook(newLoaded.codebook)];
  const before: Coding[] = [];
  const after: Coding[] = [];
  const where = new Map<string, { file: string; text: string }>();
  for (const d of documents) {
    const [b, a] = codeDocumentClauses(d.clauses, compiled, { segment });
    before.push(...b!);
    after.push(...a!);
    for (const c of d.clauses) where.set(c.id, { file: d.file, text: c.text });
  }
  const diff = diffCodings(before, after, oldLoaded.codebook, newLoaded.codebook);
  const changedTable: Table = {
    name: 'codebook-diff',
    columns: ['clause_id', 'file', 'text', 'before_primary', 'after_primary', 'before_categories', 'after_categories', 'before_matched_terms', 'after_matched_terms'],
    rows: diff.changes.map(({ before: b, after: a }) => {
      const w = where.get(b.unitId)!;
      return [b.unitId, w.file, w.text, b.primary, a.primary, b.categories.join(';'), a.categories.join(';'), matchedTermsCell(b), matchedTermsCell(a)];
    }),
  };
  return {
    oldBook: oldLoaded.codebook,
    newBook: newLoaded.codebook,
    documents: documents.length,
    problems: documents.filter((d) => d.problem !== null).map((d) => ({ file: d.file, problem: d.problem! })),
    diff,
    changedTable,
  };
}
