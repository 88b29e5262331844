import type { UnitCodes } from './agreementReport.js';

const SEPARATOR = /[;,；，\s]/;

/** Splits a secondary-codes cell (`a;b`, also `a,b` or `a；b`), dropping empties and repeats. */
export function splitCodes(cell: string): string[] {
  // The common cells (none, or one code) without the split: report.html reads one per clause.
  if (!SEPARATOR.test(cell)) return cell === '' ? [] : [cell];
  return [...new Set(cell.split(/[;,；，\s]+/).map((c) => c.trim()).filter((c) => c !== ''))];
}

/** A unit's codes from its primary and secondary cells; null when the primary is empty (a missing value). */
export function unitCodes(primary: string, secondary = ''): UnitCodes | null {
  const p = primary.trim();
  if (p === '') return null;
  return { primary: p, secondary: splitCodes(secondary).filter((c) => c !== p) };
}
