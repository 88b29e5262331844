import type { Codebook } from '../codebook/Codebook.js';
import type { Table } from '../tables/Table.js';
import { NONE, type Coding } from '../types.js';

/** One clause whose codes differ between two codebook versions. */
export interface CodingChange {
  before: Coding;
  after: Coding;
}

export interface CodingDiff {
  clauses: number;
  /** Clauses whose primary code changed. */
  primaryChanged: number;
  /** Clauses whose primary or any category changed. */
  changes: CodingChange[];
  /** Clauses per primary code: category id, before, after, gained (now this, was not), lost. */
  perCategory: Array<{ id: string; label: string; before: number; after: number; gained: number; lost: number }>;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * Compares the codings of the same clauses under two codebooks (`before[i]` and `after[i]` code one
 * clause). Categories are listed in the new codebook's order, then those only the old one has, then `none`.
 */
export function diffCodings(before: readonly Coding[], after: readonly Coding[], oldBook: Codebook, newBook: Codebook): CodingDiff {
  if (before.length !== after.length) throw new Error(`diffCodings: ${before.length} codings before but ${after.length} after`);
  const labels = new Map<string, string>();
  for (const l of [...newBook.leaves, ...oldBook.leaves]) if (!labels.has(l.id)) labels.set(l.id, l.label.zh);
  labels.set(NONE, '无');
  const rows = new Map([...labels.keys()].map((id) => [id, { id, label: labels.get(id)!, before: 0, after: 0, gained: 0, lost: 0 }]));
  const changes: CodingChange[] = [];
  let primaryChanged = 0;
  before.forEach((b, i) => {
    const a = after[i]!;
    rows.get(b.primary)!.before++;
    rows.get(a.primary)!.after++;
    if (a.primary !== b.primary) {
      primaryChanged++;
      rows.get(a.primary)!.gained++;
      rows.get(b.primary)!.lost++;
    }
    if (a.primary !== b.primary || !sameSet(a.categories, b.categories)) changes.push({ before: b, after: a });
  });
  return { clauses: before.length, primaryChanged, changes, perCategory: [...rows.values()] };
}

/** The per-category counts as a table (for the terminal and --counts-csv). */
export function diffCountsTable(diff: CodingDiff): Table {
  return {
    name: 'codebook-diff-counts',
    columns: ['category', 'label', 'before', 'after', 'change', 'gained', 'lost'],
    rows: diff.perCategory.map((r) => [r.id, r.label, r.before, r.after, r.after - r.before, r.gained, r.lost]),
  };
}
