import { duplicateMessage, type DuplicateFinder } from '../core/duplicates/findDuplicates.js';
import type { ProcessedDocument } from './processDocument.js';

/**
 * Marks a document that repeats an earlier one as `duplicate` (with the original's id in the
 * message) and drops its clauses, so the policy is counted once in every table. Only documents read
 * as policies (`ok`) take part: a failed or empty file is already out of the counts. Documents must
 * come in id order (the streamed run emits them so).
 */
export function markDuplicate(finder: DuplicateFinder, r: ProcessedDocument): ProcessedDocument {
  if (r.summary.status !== 'ok') return r;
  const f = finder.add(r.duplicateKey);
  if (!f) return r;
  return {
    ...r,
    summary: { ...r.summary, status: 'duplicate', message: [duplicateMessage(f), r.summary.message].filter(Boolean).join('; ') },
    clauseRows: [],
  };
}
