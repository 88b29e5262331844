import { UserError } from '../core/errors.js';

/** Which share of the documents a run processes: those whose index (in corpus order) mod count is index. */
export interface Shard {
  index: number;
  count: number;
}

/** Parses `i/n` (0 <= i < n). */
export function parseShard(value: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index >= count) {
    throw new UserError('usage', `--shard takes i/n with 0 <= i < n, e.g. 0/10 for the first of ten shards (got '${value}')`);
  }
  return { index, count };
}
