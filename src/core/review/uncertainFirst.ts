/**
 * Orders clauses for review so that a researcher's checking time goes where the coder is unsure:
 * the `n` least confident automatic codes first (lowest confidence first, ties in their given order),
 * then every other clause in its given order. Manual codes are never counted among the uncertain:
 * a person has already decided them. A clause without a confidence (an output of an older version)
 * is never counted among the uncertain either.
 */
export function uncertainFirst<T extends { confidence: number | null; codeSource: string }>(clauses: readonly T[], n: number): T[] {
  const ranked = clauses
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.codeSource !== 'manual' && c.confidence !== null)
    .sort((a, b) => a.c.confidence! - b.c.confidence! || a.i - b.i)
    .slice(0, n);
  const first = new Set(ranked.map((r) => r.i));
  return [...ranked.map((r) => r.c), ...clauses.filter((_, i) => !first.has(i))];
}
