import type { ConfidenceSettings } from '../codebook/Codebook.js';
import type { Match } from '../types.js';

/**
 * How sure the coder can be of a unit's primary code, 0..1. It orders clauses (for `evaluate`'s bands
 * and most confident shares, and for `review export --uncertain`); it is not a probability.
 *
 *   confidence = s / (S + EVIDENCE_PRIOR) × min(1, COVERAGE_FLOOR + coverage / FULL_COVERAGE × (1 − COVERAGE_FLOOR)),
 *   times MIXED_ITEM_FACTOR where MIXED_ITEM_INSTRUMENTS or more instruments have evidence,
 *   times the codebook's doubts (`doubtOf`)
 *
 * s is the primary's score and S the sum of the scores of every instrument with evidence (the `scores` of
 * clauses.csv in multi mode). Two things make a coder sure, and the share s / S weighs both against
 * everything the unit says: enough evidence for the primary, and little for any other instrument (every
 * rival counts, not only the runner-up). EVIDENCE_PRIOR stands for what the codebook did not see: one
 * measure term of weight 1 alone gives 1/3, of weight 2 0.5, a decision rule (weight 3) 0.6, a heading
 * naming a measure (x3) more; a carrier alone (推进 at 0.5) 0.2; two instruments tied at most 0.5.
 *
 * coverage is the share of the unit's characters that lie inside the primary's evidence. Where the
 * evidence is a word or two in a long sentence, most of what the sentence says was read by no rule and
 * no term, and the coders often code it by that rest: on dev, dev2 and silver-1 together units whose
 * primary evidence covers under 15 % of the text were right 75 % of the time, at 15-30 % 86 %, above
 * 30 % 97 %. Below FULL_COVERAGE the confidence falls linearly, to COVERAGE_FLOOR of itself at none.
 *
 * A unit with evidence for four or more instruments is a long item mixing measures (an action plan's
 * item that builds, funds, trains and regulates at once); the coders code what it mainly does, often by
 * its heading (rule 4), and the sum of word weights is a poor guide to that.
 *
 * The codebook's doubts (`confidence:` in its YAML; `doubtOf`) multiply the result: on units nobody had
 * tuned on, a primary that is a residual instrument (strategy: plans, organisation, guidance, read from
 * generic verbs) and a unit where another instrument also has a measure were coded wrong more often than
 * the share and coverage say.
 *
 * A unit decided by a `none` rule (a formula such as 本办法自…起施行) is nearly always right; a unit
 * with no evidence at all is `none` only because nothing matched, which on fresh units was right less
 * often than any unit with evidence (10 of 59 on silver-1 and silver-5): it ranks below nearly all of them.
 * The constants: docs/confidence.md and docs/coding-quality.md (2.6.0 (11i), 2.7.0 (11t), 2.8.0 (conf)).
 */
export const EVIDENCE_PRIOR = 2;
export const MIXED_ITEM_INSTRUMENTS = 4;
export const MIXED_ITEM_FACTOR = 0.5;
export const FULL_COVERAGE = 0.25;
export const COVERAGE_FLOOR = 0.5;
export const NONE_RULE_CONFIDENCE = 0.9;
export const NO_EVIDENCE_CONFIDENCE = 0.05;
/** The weight from which a piece of evidence is a measure, not a carrier (the codebook's convention: 1 = the usual term). */
export const MEASURE_WEIGHT = 1;

/** The share of a text of `length` characters inside the spans of `primary`'s matches (each character once). */
export function evidenceCoverage(matches: readonly Match[], primary: string, length: number): number {
  if (length <= 0) return 0;
  const spans = matches.filter((m) => m.category === primary).sort((a, b) => a.start - b.start || a.end - b.end);
  let covered = 0;
  let reached = 0;
  for (const m of spans) {
    const from = Math.max(m.start, reached);
    if (m.end > from) covered += m.end - from;
    reached = Math.max(reached, m.end);
  }
  return Math.min(1, covered / length);
}

/**
 * The product of the codebook's doubts that apply to a unit coded `primary` from `matches`: its
 * residual factor when the primary is a residual instrument, its rival factor when another
 * instrument has a piece of evidence of MEASURE_WEIGHT or more. 1 when none applies.
 */
export function doubtOf(matches: readonly Match[], primary: string, settings: ConfidenceSettings): number {
  let doubt = settings.residual.includes(primary) ? settings.residualFactor : 1;
  if (settings.rivalFactor !== 1) {
    for (const m of matches) {
      if (m.category === primary || m.weight < MEASURE_WEIGHT) continue;
      doubt *= settings.rivalFactor;
      break;
    }
  }
  return doubt;
}

/**
 * Confidence in `primary` from every instrument's score (the sum of its kept matches' weights) and the
 * share of the text its evidence covers (`evidenceCoverage`), times `doubt` (`doubtOf`).
 */
export function confidenceOf(scores: ReadonlyMap<string, number>, primary: string, coverage: number, doubt = 1): number {
  const top = scores.get(primary) ?? 0;
  if (top <= 0) return NO_EVIDENCE_CONFIDENCE;
  let total = 0;
  for (const s of scores.values()) total += s;
  const mixed = scores.size >= MIXED_ITEM_INSTRUMENTS ? MIXED_ITEM_FACTOR : 1;
  const read = Math.min(1, COVERAGE_FLOOR + (Math.max(0, coverage) / FULL_COVERAGE) * (1 - COVERAGE_FLOOR));
  return Math.round((top / (total + EVIDENCE_PRIOR)) * mixed * read * doubt * 1000) / 1000;
}
