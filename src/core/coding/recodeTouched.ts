import { codeClause } from './codeClause.js';
import type { CompiledCodebook } from './compileCodebook.js';
import type { FitUnit } from './fitWeights.js';

/** What a change of the codebook does to the units it can touch. */
export interface TouchedOutcome {
  /** The new primary of each unit coded again, by its index. */
  primaries: Map<number, string>;
  /** Indices of the units now coded right that were not, and the reverse. */
  fixed: number[];
  broken: number[];
}

/**
 * The units at `at` (those holding what changed: no other unit's code can move) coded again with the
 * changed codebook, against the primaries they have now; what a fit weighs before making a change.
 */
export function recodeTouched(compiled: CompiledCodebook, units: readonly FitUnit[], at: readonly number[], primaries: readonly string[]): TouchedOutcome {
  const out: TouchedOutcome = { primaries: new Map(), fixed: [], broken: [] };
  for (const i of at) {
    const primary = codeClause(units[i]!.unitId, units[i]!.tokens, compiled).primary;
    out.primaries.set(i, primary);
    const was = primaries[i] === units[i]!.gold;
    const now = primary === units[i]!.gold;
    if (now && !was) out.fixed.push(i);
    if (was && !now) out.broken.push(i);
  }
  return out;
}

/** How many documents the units at these indices come from. */
export function documentsOf(units: readonly FitUnit[], at: readonly number[]): number {
  return new Set(at.map((i) => units[i]!.doc)).size;
}
