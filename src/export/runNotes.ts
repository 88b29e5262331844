import type { DocumentSummary } from '../core/tables/buildTables.js';

type Noted = Pick<DocumentSummary, 'status' | 'province' | 'similarTo' | 'duplicateCause'>;

/**
 * What a researcher must know of a run's counts before quoting them: how many documents were left
 * out as duplicates and why, how many near-identical texts were counted as policies of their own
 * (told apart by metadata.csv, 文号 or date), and how many counted policies have no province.
 * Lines for stderr; empty when there is nothing to say.
 */
export function runNotes(documents: readonly Noted[]): string {
  const lines: string[] = [];
  const duplicates = documents.filter((d) => d.status === 'duplicate');
  if (duplicates.length > 0) {
    const causes = new Map<string, number>();
    for (const d of duplicates) causes.set(d.duplicateCause ?? 'duplicate', (causes.get(d.duplicateCause ?? 'duplicate') ?? 0) + 1);
    const why = [...causes].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([cause, n]) => `${n} ${cause}`);
    lines.push(`${duplicates.length} documents left out as duplicates (${why.join(', ')}); see status and message in documents.csv`);
  }
  const counted = documents.filter((d) => d.status === 'ok');
  const similar = counted.filter((d) => d.similarTo);
  if (similar.length > 0) {
    lines.push(`${similar.length} documents counted as policies of their own although their text is near-identical to another (told apart by metadata.csv, 文号 or date); see similar_to in documents.csv`);
  }
  const unknown = counted.filter((d) => d.province === null);
  if (unknown.length > 0) {
    lines.push(`${unknown.length} counted documents have no province (nothing in their header, signature, 文号, folder or metadata.csv names it): counted under (unknown)`);
  }
  return lines.map((l) => l + '\n').join('');
}
