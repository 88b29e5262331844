import { compareNotApplied, type NotApplied } from './manualOverrides.js';
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
  // Unreached in every shard: no document of the corpus has it (listed once, though every shard did).
  const gone = new Map<string, NotAppliedRecord>();
  for (const r of lists.flat()) if (r.unreached && unreachedIn.get(key(r)) === lists.length && !gone.has(key(r))) gone.set(key(r), r);
  return [...gone.values(), ...found.values()]
    .map(fromNotAppliedRecord)
    .sort(compareNotApplied);
}
