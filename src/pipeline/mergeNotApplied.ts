import type { NotApplied } from './manualOverrides.js';
import { fromNotAppliedRecord, type NotAppliedRecord } from './NotAppliedRecord.js';

/**
 * The manual codes a sharded run did not apply, as one run over the whole corpus reports them: a
 * code no shard reached (its document is in no shard), and every code a shard reached but could not
 * place or whose category the codebook lacks (each once, though every shard read the file).
 * `lists` holds each shard's `manual.not_applied`.
 */
export function mergeNotApplied(lists: ReadonlyArray<readonly NotAppliedRecord[]>): NotApplied[] {
  const key = (r: NotAppliedRecord) => `${r.file}\u0000${r.clause_id}\u0000${r.text}`;
  const unreachedIn = new Map<string, number>();
  const found = new Map<string, NotAppliedRecord>();
  for (const list of lists) {
    for (const r of list) {
      if (r.unreached) unreachedIn.set(key(r), (unreachedIn.get(key(r)) ?? 0) + 1);
      else if (!found.has(`${key(r)}\u0000${r.reason}`)) found.set(`${key(r)}\u0000${r.reason}`, r);
    }
  }
  const gone = [...new Set(lists.flatMap((list) => list.filter((r) => r.unreached && unreachedIn.get(key(r)) === lists.length)))];
  const once = new Map(gone.map((r) => [key(r), r]));
  return [...once.values(), ...found.values()]
    .map(fromNotAppliedRecord)
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.clauseId < b.clauseId ? -1 : a.clauseId > b.clauseId ? 1 : 0));
}
