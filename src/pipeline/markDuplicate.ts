import { duplicateMessage, type DuplicateCandidate, type DuplicateFinder } from '../core/duplicates/findDuplicates.js';
import type { DocumentSummary } from '../core/tables/buildTables.js';

/**
 * The summary of a document as duplicate detection leaves it: `duplicate` (with the original's id in
 * the message, the cause in the summary) when it repeats an earlier one, so the caller writes none
 * of its clauses; a distinct policy whose text resembles an earlier one stays counted, with that
 * document in `similarTo`. So each policy is counted once in every table, and every policy is
 * counted. Only documents read as policies (`ok`) take part: a failed or empty file is already out
 * of the counts. Documents must come in id order (the streamed run emits them so). The summary is
 * returned unchanged (the same object) when the document is neither.
 */
export function markDuplicate(finder: DuplicateFinder, summary: DocumentSummary, key: DuplicateCandidate): DocumentSummary {
  if (summary.status !== 'ok') return summary;
  const f = finder.add(key);
  if (!f) return summary;
  if (f.kind === 'similar') return { ...summary, similarTo: f.originalId, message: [`counted as its own policy: ${f.reason} (${f.originalId})`, summary.message].filter(Boolean).join('; ') };
  return { ...summary, status: 'duplicate', duplicateCause: f.cause, message: [duplicateMessage(f), summary.message].filter(Boolean).join('; ') };
}
