/** A document that was not coded, as the end-of-run summary lists it. */
export interface ProblemDocument {
  docId: string;
  file: string;
  status: string;
  message: string;
}

/**
 * The errors summary printed at the end of a run: documents that could not be used, grouped by
 * status (in a fixed order), each with its one-line reason. Empty when there are none.
 */
export function errorsSummary(problems: readonly ProblemDocument[], skipped: readonly string[] = []): string {
  if (problems.length === 0 && skipped.length === 0) return '';
  const order = ['failed', 'refused', 'needs_ocr', 'needs_conversion', 'empty', 'not_policy', 'duplicate'];
  const statuses = [...new Set(problems.map((p) => p.status))].sort((a, b) => rank(order, a) - rank(order, b) || (a < b ? -1 : 1));
  const lines: string[] = [];
  for (const status of statuses) {
    const group = problems.filter((p) => p.status === status);
    lines.push(`${status} (${group.length}):`);
    for (const p of group) lines.push(`  ${p.docId} ${p.file}: ${p.message}`);
  }
  if (skipped.length > 0) lines.push(`skipped, not a document type (${skipped.length}): ${skipped.slice(0, 5).join(', ')}${skipped.length > 5 ? ', ...' : ''}`);
  return lines.join('\n') + '\n';
}

function rank(order: string[], status: string): number {
  const i = order.indexOf(status);
  return i < 0 ? order.length : i;
}
