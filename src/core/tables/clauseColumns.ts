import { matchedTermsCell } from '../coding/describeCoding.js';
import type { Clause, Coding } from '../types.js';
import type { Cell } from './Table.js';

/** Everything one row of clauses.csv is made of. */
export interface CodedClause {
  clause: Clause;
  /** The code written: a reviewer's manual code where there is one, else the codebook's. */
  coding: Coding;
  /** The main codebook's own coding, kept beside a person's code so that a reader sees what it replaced. */
  automatic: Coding;
  manual: boolean;
  /** The clause's coding by each further codebook of the run, in the run's order. */
  further: readonly Coding[];
}

interface Column<T> {
  name: string;
  value(row: T): Cell;
}

const flag = (b: boolean) => (b ? 'true' : 'false');

/** clauses.csv's columns for the main codebook: each name beside the value written under it. */
const MAIN: ReadonlyArray<Column<CodedClause>> = [
  { name: 'clause_id', value: (r) => r.clause.id },
  { name: 'doc_id', value: (r) => r.clause.docId },
  { name: 'chapter', value: (r) => r.clause.chapter },
  { name: 'article', value: (r) => r.clause.article },
  { name: 'item', value: (r) => r.clause.items.join('.') },
  { name: 'text', value: (r) => r.clause.text },
  { name: 'primary', value: (r) => r.coding.primary },
  { name: 'instruments', value: (r) => r.coding.categories.join(';') },
  { name: 'dimensions', value: (r) => r.coding.dimensions.join(';') },
  { name: 'matched_terms', value: (r) => matchedTermsCell(r.coding) },
  { name: 'confidence', value: (r) => r.coding.confidence },
  { name: 'runner_up', value: (r) => r.coding.runnerUp },
  { name: 'decided_by', value: (r) => r.coding.decidedBy },
  { name: 'in_scope', value: (r) => flag(r.coding.inScope) },
  { name: 'code_source', value: (r) => (r.manual ? 'manual' : 'auto') },
  { name: 'auto_primary', value: (r) => r.automatic.primary },
];

/** The columns of each further codebook, after the main ones, named `<codebook>:<name>`. */
const FURTHER: ReadonlyArray<Column<Coding>> = [
  { name: 'primary', value: (c) => c.primary },
  { name: 'categories', value: (c) => c.categories.join(';') },
  { name: 'matched_terms', value: (c) => matchedTermsCell(c) },
  { name: 'in_scope', value: (c) => flag(c.inScope) },
];

/** The main codebook's columns of clauses.csv. */
export const CLAUSE_COLUMNS: readonly string[] = MAIN.map((c) => c.name);

/** clauses.csv's columns: the main codebook's, then four for each further codebook of the run. */
export function clauseColumns(further: readonly string[]): string[] {
  return [...CLAUSE_COLUMNS, ...further.flatMap((book) => FURTHER.map((c) => `${book}:${c.name}`))];
}

/** One row of clauses.csv, in the order of clauseColumns. */
export function clauseRow(r: CodedClause): Cell[] {
  return [...MAIN.map((c) => c.value(r)), ...r.further.flatMap((coding) => FURTHER.map((c) => c.value(coding)))];
}
