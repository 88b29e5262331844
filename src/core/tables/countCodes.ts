import type { Coding } from '../types.js';

/** Clauses per code: category id (or 'none') -> number of clauses. */
export type Counts = Record<string, number>;

/** The per-document counts of one codebook's codes; sums of these are every table's numbers. */
export interface CodeCounts {
  /** Clauses per primary code (category id or 'none'): every clause counts exactly once. */
  primaryCounts: Counts;
  /**
   * Clauses per category counting every code of a clause, not only the primary: a clause coded
   * financial and taxation counts once under each. A document "uses" a category when this is > 0.
   */
  anyCounts: Counts;
}

/** Counts for a further codebook of the run, with its pairs against the main codebook. */
export interface PairedCodeCounts extends CodeCounts {
  /** Clauses per (main codebook's primary, this codebook's primary), 'none' included on both sides. */
  pairCounts: Record<string, Counts>;
}

function addCount(counts: Counts, key: string, n = 1): void {
  counts[key] = (counts[key] ?? 0) + n;
}

/** Counts the codes of one document's clauses (one coding per clause). */
export function countCodes(codings: readonly Pick<Coding, 'primary' | 'categories'>[]): CodeCounts {
  const primaryCounts: Counts = {};
  const anyCounts: Counts = {};
  for (const c of codings) {
    addCount(primaryCounts, c.primary);
    for (const category of c.categories) addCount(anyCounts, category);
  }
  return { primaryCounts, anyCounts };
}

/**
 * Counts a further codebook's codes of the same clauses, paired clause by clause with the main
 * codebook's primaries (`main[i]` and `other[i]` code the same clause). Summing pairCounts over
 * documents gives the codebook x codebook cross-tabulation without keeping any clause.
 */
export function countPairedCodes(
  main: readonly Pick<Coding, 'primary'>[],
  other: readonly Pick<Coding, 'primary' | 'categories'>[],
): PairedCodeCounts {
  if (main.length !== other.length) throw new Error(`countPairedCodes: ${main.length} main codings but ${other.length} others`);
  const pairCounts: Record<string, Counts> = {};
  other.forEach((c, i) => {
    const row = (pairCounts[main[i]!.primary] ??= {});
    addCount(row, c.primary);
  });
  return { ...countCodes(other), pairCounts };
}
