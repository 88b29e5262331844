/**
 * How sure the coder can be of a unit's primary code, 0..1. It orders clauses (for `evaluate`'s bands
 * and most confident shares, and for `review export --uncertain`); it is not a probability.
 *
 *   confidence = s / (S + EVIDENCE_PRIOR), times MIXED_ITEM_FACTOR where MIXED_ITEM_INSTRUMENTS or more
 *   instruments have evidence
 *
 * s is the primary's score and S the sum of the scores of every instrument with evidence (the `scores` of
 * clauses.csv in multi mode), so a researcher can recompute it. Two things make a coder sure, and the
 * share s / S weighs both against everything the unit says: enough evidence for the primary, and little for
 * any other instrument (every rival counts, not only the runner-up). EVIDENCE_PRIOR stands for what the
 * codebook did not see: one measure term of weight 1 alone gives 1/3, of weight 2 0.5, a decision rule
 * (weight 3) 0.6, a heading naming a measure (x3) more; a carrier alone (推进 at 0.5) 0.2; two
 * instruments tied at most 0.5.
 *
 * A unit with evidence for four or more instruments is a long item mixing measures (an action plan's
 * item that builds, funds, trains and regulates at once); the coders code what it mainly does, often by
 * its heading (rule 4), and the sum of word weights is a poor guide to that: such units were right 13 of
 * 17 times on dev and 19 of 45 on dev2, against 82 % with one to three instruments.
 *
 * A unit decided by a `none` rule (a formula such as 本办法自…起施行) is nearly always right; a unit
 * with no evidence at all is `none` only because nothing matched, which is right less often (35 %).
 * The constants were chosen on dev2 and checked on dev (docs/coding-quality.md, 2.6.0).
 */
export const EVIDENCE_PRIOR = 2;
export const MIXED_ITEM_INSTRUMENTS = 4;
export const MIXED_ITEM_FACTOR = 0.5;
export const NONE_RULE_CONFIDENCE = 0.9;
export const NO_EVIDENCE_CONFIDENCE = 0.1;

/** Confidence in `primary` from every instrument's score (the sum of its kept matches' weights). */
export function confidenceOf(scores: ReadonlyMap<string, number>, primary: string): number {
  const top = scores.get(primary) ?? 0;
  if (top <= 0) return NO_EVIDENCE_CONFIDENCE;
  let total = 0;
  for (const s of scores.values()) total += s;
  const mixed = scores.size >= MIXED_ITEM_INSTRUMENTS ? MIXED_ITEM_FACTOR : 1;
  return Math.round((top / (total + EVIDENCE_PRIOR)) * mixed * 1000) / 1000;
}
