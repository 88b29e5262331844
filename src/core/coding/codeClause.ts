import { NONE, type Coding, type Match } from '../types.js';
import { confidenceOf, doubtOf, evidenceCoverage, NO_EVIDENCE_CONFIDENCE, NONE_RULE_CONFIDENCE } from './confidence.js';
import { candidatesOf, presentTerms } from './candidateMatches.js';
import { mentionsScope, type CompiledCodebook } from './compileCodebook.js';
import { noneRuleOf } from './decisionRules.js';
import { insideWordMatches } from './insideWordMatches.js';
import { keptMatches } from './keptMatches.js';
import { stableSort } from './stableSort.js';

/** A coding without evidence: out of scope, decided by a none rule, or with nothing found. */
function uncoded(unitId: string, inScope: boolean, confidence: number, decidedBy: string): Coding {
  return { unitId, primary: NONE, categories: [], dimensions: [], scores: {}, matches: [], inScope, confidence, runnerUp: '', decidedBy };
}

/** What decided the primary: the rule of its heaviest piece of evidence, or its terms. */
function decidedBy(matches: readonly Match[], primary: string, headingLabel: string): string {
  let heaviest = matches[0]!;
  let found = false;
  for (const m of matches) {
    if (m.category !== primary || (found && m.weight <= heaviest.weight)) continue;
    heaviest = m;
    found = true;
  }
  if (heaviest.heading) return heaviest.rule ? `${headingLabel} + ${heaviest.rule}` : headingLabel;
  return heaviest.rule ?? 'terms';
}

/**
 * Each category's score (the sum of its matches' weights, in text order), the categories ranked (by
 * score, then the first match, then codebook order) and the categories coded (codebook order).
 */
function scored(kept: readonly Match[], compiled: CompiledCodebook): { ranked: string[]; sums: Map<string, number>; categories: string[] } {
  const sums = new Map<string, number>();
  const firstAt = new Map<string, number>();
  for (let i = 0; i < kept.length; i++) {
    const m = kept[i]!;
    const sum = sums.get(m.category);
    if (sum === undefined) firstAt.set(m.category, m.start);
    sums.set(m.category, (sum ?? 0) + m.weight);
  }
  const order = compiled.order;
  const ranked = stableSort([...sums.keys()], (a, b) => sums.get(b)! - sums.get(a)! || firstAt.get(a)! - firstAt.get(b)! || order.get(a)! - order.get(b)!);
  const categories = compiled.codebook.mode === 'single' ? [ranked[0]!] : stableSort([...sums.keys()], (a, b) => order.get(a)! - order.get(b)!);
  return { ranked, sums, categories };
}

/**
 * Codes one unit from its tokens (the segmenter's output, which concatenates to the unit's text).
 *
 * A unit that matches a `none` rule of the codebook is `none`. Otherwise evidence: keywords and topic
 * terms are found leftmost-longest on token boundaries (termIndex.ts); each pattern is run over the
 * text; a pattern match that overlaps evidence already kept for the same category is dropped, so one
 * piece of text counts once per category; the decision rules add their evidence (decisionRules.ts). A
 * rule with `with` conditions counts only when, for every condition, one of its terms is present in
 * the unit. An exclusion without a window present anywhere in the unit vetoes its category; one with
 * a window vetoes only the matches of its category within that many characters. A topic term counts
 * only beside a measure of its category; evidence in an item's heading counts the heading weight.
 * A unit with no evidence and no none formula is read once more in its characters (rules.inside_words:
 * the measure words the segmenter kept inside longer words).
 *
 * Score of a category = sum of the weights of its kept matches. Primary = highest score; a tie goes
 * to the category whose first match comes earliest in the text (the manual's rule 5), then codebook
 * order. In single mode only the primary is kept. `inScope` false (decided by the caller for article
 * or document scope) gives `none`; when it is not given the unit itself is checked against the scope.
 * `text` is the tokens joined, for a caller that has it already.
 */
export function codeClause(unitId: string, tokens: readonly string[], compiled: CompiledCodebook, inScope?: boolean, text = tokens.join('')): Coding {
  if (!(inScope ?? mentionsScope(tokens, compiled))) return uncoded(unitId, false, NO_EVIDENCE_CONFIDENCE, 'out of scope');
  const noneRule = noneRuleOf(text, compiled.rules);
  if (noneRule?.whole) return uncoded(unitId, true, NONE_RULE_CONFIDENCE, noneRule.label);
  const present = presentTerms(tokens, compiled);
  let kept = keptMatches(candidatesOf(tokens, text, compiled, present), text, compiled, present, noneRule ? noneRule.sentences : []);
  if (kept.length === 0 && !noneRule && compiled.rules.insideWords) kept = insideWordMatches(tokens, text, compiled, compiled.rules.insideWords);
  if (kept.length === 0) return noneRule ? uncoded(unitId, true, NONE_RULE_CONFIDENCE, noneRule.label) : uncoded(unitId, true, NO_EVIDENCE_CONFIDENCE, 'no evidence');

  const { ranked, sums, categories } = scored(kept, compiled);
  const primary = ranked[0]!;
  const runnerUp = ranked[1] ?? '';
  const dimensionOrder = compiled.codebook.dimensions.map((d) => d.id);
  const dimensions = dimensionOrder.filter((d) => categories.some((c) => compiled.dimensionOf.get(c) === d));
  const roundedScores: Record<string, number> = {};
  for (const c of categories) roundedScores[c] = Math.round(sums.get(c)! * 1000) / 1000;
  return {
    unitId,
    primary,
    categories,
    dimensions,
    scores: roundedScores,
    matches: compiled.codebook.mode === 'single' ? kept.filter((m) => m.category === primary) : kept,
    inScope: true,
    confidence: confidenceOf(sums, primary, evidenceCoverage(kept, primary, text.length), doubtOf(kept, primary, compiled.codebook.confidence)),
    runnerUp,
    decidedBy: decidedBy(kept, primary, compiled.rules.heading?.label ?? 'heading'),
  };
}
