/**
 * How clearly a unit's evidence singles out its primary code, 0..1. Two things make a human coder
 * sure, and both are needed: enough evidence (a strong measure term, a decision rule) and little
 * evidence for anything else. So confidence is the product of the strength of the primary's score
 * (s / (s + HALF_STRENGTH): a score of HALF_STRENGTH gives 0.5) and its margin over the runner-up
 * ((s1 - s2) / s1, 0 for a tie).
 *
 * A unit decided by a `none` rule (a formula such as 本办法自…起施行) is nearly always right; a unit
 * with no evidence at all is `none` only because nothing matched, which is right less often.
 * The constants were read off agreement by confidence band on the development gold sets
 * (`policy-code evaluate` prints them); they order clauses, they are not probabilities.
 */
const HALF_STRENGTH = 3;
export const NONE_RULE_CONFIDENCE = 0.9;
export const NO_EVIDENCE_CONFIDENCE = 0.1;

export function confidenceOf(top: number, second: number): number {
  if (top <= 0) return NO_EVIDENCE_CONFIDENCE;
  const strength = top / (top + HALF_STRENGTH);
  const margin = (top - second) / top;
  return Math.round(strength * margin * 1000) / 1000;
}
