import type { NotApplied } from './manualOverrides.js';

/**
 * A manual code that was not applied, as run.json and a shard's part.json keep it. `unreached` is
 * written by shards only: a code whose document is in another shard is not a problem until the
 * merge finds that no shard had it.
 */
export interface NotAppliedRecord {
  clause_id: string;
  file: string;
  text: string;
  reason: string;
  unreached?: boolean;
}

export function notAppliedRecord(n: NotApplied, inShard: boolean): NotAppliedRecord {
  return { clause_id: n.clauseId, file: n.file, text: n.text, reason: n.reason, ...(inShard && n.unreached ? { unreached: true } : {}) };
}

export function fromNotAppliedRecord(r: NotAppliedRecord): NotApplied {
  return { clauseId: r.clause_id, file: r.file, text: r.text, reason: r.reason };
}
