import { duplicateMessage, type DuplicateFinder } from '../core/duplicates/findDuplicates.js';
import type { ProcessedDocument } from './processDocument.js';

/**
 * Marks a document that repeats an earlier one as `duplicate` (with the original's id in the
 * message, the cause in the summary) and drops its clauses; a distinct policy whose text resembles
 * an earlier one stays counted, with that document in `similarTo`. So each policy is counted
 * once in every table, and every policy is counted. Only documents read as policies (`ok`) take part: a failed or empty file is already out of the counts. Documents must
 * come in id order (the streamed run emits them so).
 */
export function markDuplicate(finder: DuplicateFinder, r: ProcessedDocument): ProcessedDocument {
  if (r.summary.status !== 'ok') return r;
  const f = finder.add(r.duplicateKey);
  if (!f) return r;
  if (f.kind === 'similar') {
    return { ...r, summary: { ...r.summary, similarTo: f.originalId, message: [`counted as its own policy: ${f.reason} (${f.originalId})`, r.summary.message].filter(Boolean).join('; ') } };
  }
  return {
    ...r,
    summary: { ...r.summary, status: 'duplicate', duplicateCause: f.cause, message: [duplicateMessage(f), r.summary.message].filter(Boolean).join('; ') },
    clauseRows: [],
  };
}
