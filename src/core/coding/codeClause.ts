import { NONE, type Coding, type Match } from '../types.js';
import { confidenceOf, NONE_RULE_CONFIDENCE } from './confidence.js';
import { mentionsScope, type CompiledCodebook } from './compileCodebook.js';
import { headingSpan, ignoredSpans, noneRuleOf, ruleMatches } from './decisionRules.js';

interface Span {
  start: number;
  end: number;
}

function regexSpans(regex: RegExp, text: string): Array<Span & { text: string }> {
  const out: Array<Span & { text: string }> = [];
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
    if (m[0].length === 0) {
      regex.lastIndex++;
      continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return out;
}

/** Characters between two spans; 0 when they touch or overlap. */
function gap(a: Span, b: Span): number {
  return Math.max(0, b.start - a.end, a.start - b.end);
}

/** Index of the first span (sorted, non-overlapping) that ends after `at`. */
function firstEndingAfter(spans: readonly Span[], at: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.end > at) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Topic terms inside a pattern match of their category are part of it: the text counts once per category. */
function withoutTopicsInPatterns(candidates: Match[]): Match[] {
  const patterns = candidates.filter((p) => p.pattern !== undefined);
  if (patterns.length === 0) return candidates;
  return candidates.filter((m) => !m.topic || !patterns.some((p) => p.category === m.category && p.start < m.end && m.start < p.end));
}

/** Keyword, topic, pattern and decision-rule evidence before exclusions. */
function candidatesOf(tokens: readonly string[], text: string, compiled: CompiledCodebook, present: Map<string, Span[]>): Match[] {
  const holds = (withs: string[][]) => withs.every((group) => group.some((t) => present.has(t)));
  const candidates: Match[] = [];
  const found = compiled.terms.findAll(tokens);
  for (const f of found) {
    for (const r of f.entries) {
      if (holds(r.with)) candidates.push({ category: r.category, term: f.term, start: f.start, end: f.end, weight: r.weight, ...(r.topic ? { topic: true as const } : {}) });
    }
  }
  // Measure evidence kept per category, sorted by start, so a clash is found by binary search: a unit
  // of a million characters must not cost a scan of every earlier match per pattern match. A topic
  // term does not block a pattern: the pattern names the measure the topic is part of (高新技术在…中的应用).
  const kept = new Map<string, Span[]>();
  for (const m of candidates) if (!m.topic) (kept.get(m.category) ?? kept.set(m.category, []).get(m.category)!).push(m);
  for (const p of compiled.patterns) {
    if (!holds(p.with)) continue;
    const spans = kept.get(p.category) ?? kept.set(p.category, []).get(p.category)!;
    for (const s of regexSpans(p.regex, text)) {
      const at = firstEndingAfter(spans, s.start);
      if (at < spans.length && spans[at]!.start < s.end) continue;
      spans.splice(at, 0, s);
      candidates.push({ category: p.category, term: s.text, pattern: p.source, start: s.start, end: s.end, weight: p.weight });
    }
  }
  return [...withoutTopicsInPatterns(candidates), ...ruleMatches(tokens, text, compiled.rules)];
}

/** Drops vetoed matches, topic terms with no measure beside them (rule 1), and weighs headings (rule 4). */
function keptMatches(candidates: Match[], text: string, compiled: CompiledCodebook, present: Map<string, Span[]>, noneSentences: Span[]): Match[] {
  const vetoes = new Map<string, Array<{ window: number | null; spans: Span[] }>>();
  const vetoesOf = (category: string) => {
    let v = vetoes.get(category);
    if (!v) {
      v = (compiled.exclusions.get(category) ?? []).map((e) => ({ window: e.window, spans: e.term !== undefined ? (present.get(e.term) ?? []) : regexSpans(e.regex!, text) }));
      vetoes.set(category, v);
    }
    return v;
  };
  const ignored = [...ignoredSpans(text, compiled.rules), ...noneSentences];
  const allowed = candidates.filter(
    (m) => !ignored.some((s) => m.start >= s.start && m.end <= s.end) && !vetoesOf(m.category).some((e) => e.spans.some((s) => e.window === null || gap(m, s) <= e.window)),
  );
  const measured = new Set(allowed.filter((m) => !m.topic).map((m) => m.category));
  const money = compiled.rules.money;
  // A fund named where no money is given: the unit rules how the fund is run (rule 3).
  const fund = (m: Match): Match[] => (money?.fundRules && m.category === money.category && money.fundTerms.has(m.term) ? [{ ...m, category: money.fundRules, rule: money.fundLabel }] : []);
  const heading = compiled.rules.heading;
  const lead = heading ? headingSpan(text, heading.maxLength) : null;
  const counted = allowed.flatMap((m) => (!m.topic || measured.has(m.category) ? [m] : fund(m)));
  // Only the name of a measure (a term of at least min_weight) in the heading codes its item; the
  // carriers around it (推进, 完善, 机制) name no measure, in a heading or elsewhere, nor does a topic
  // (人工智能 in （一）人工智能。): rule 1 comes before rule 4.
  const names = (m: Match) => !m.topic && heading !== null && lead !== null && m.start >= lead.start && m.end <= lead.end && m.weight >= heading.minWeight;
  const kept = counted.map((m) => (names(m) ? { ...m, weight: m.weight * heading!.weight, heading: true as const } : m));
  return kept.sort((a, b) => a.start - b.start || compiled.order.get(a.category)! - compiled.order.get(b.category)!);
}

/** What decided the primary: the rule of its heaviest piece of evidence, or its terms. */
function decidedBy(matches: readonly Match[], primary: string, headingLabel: string): string {
  const heaviest = matches.filter((m) => m.category === primary).reduce((a, b) => (b.weight > a.weight ? b : a));
  if (heaviest.heading) return heaviest.rule ? `${headingLabel} + ${heaviest.rule}` : headingLabel;
  return heaviest.rule ?? 'terms';
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
 *
 * Score of a category = sum of the weights of its kept matches. Primary = highest score; a tie goes
 * to the category whose first match comes earliest in the text (the manual's rule 5), then codebook
 * order. In single mode only the primary is kept. `inScope` false (decided by the caller for article
 * or document scope) gives `none`; when it is not given the unit itself is checked against the scope.
 */
export function codeClause(unitId: string, tokens: readonly string[], compiled: CompiledCodebook, inScope?: boolean): Coding {
  const empty: Coding = { unitId, primary: NONE, categories: [], dimensions: [], scores: {}, matches: [], inScope: true, confidence: confidenceOf(0, 0), runnerUp: '', decidedBy: 'no evidence' };
  if (!(inScope ?? mentionsScope(tokens, compiled))) return { ...empty, inScope: false, decidedBy: 'out of scope' };

  const text = tokens.join('');
  const noneRule = noneRuleOf(text, compiled.rules);
  const decidedNone = { ...empty, confidence: NONE_RULE_CONFIDENCE, decidedBy: noneRule?.label ?? '' };
  if (noneRule?.whole) return decidedNone;
  const present = new Map<string, Span[]>();
  for (const f of compiled.presence.findEvery(tokens)) {
    const spans = present.get(f.term);
    if (spans) spans.push(f);
    else present.set(f.term, [f]);
  }
  const kept = keptMatches(candidatesOf(tokens, text, compiled, present), text, compiled, present, noneRule ? [noneRule.sentence] : []);
  if (kept.length === 0) return noneRule ? decidedNone : empty;

  const scores = new Map<string, number>();
  const firstAt = new Map<string, number>();
  for (const m of kept) {
    scores.set(m.category, (scores.get(m.category) ?? 0) + m.weight);
    if (!firstAt.has(m.category)) firstAt.set(m.category, m.start);
  }
  const ranked = [...scores.keys()].sort(
    (a, b) =>
      scores.get(b)! - scores.get(a)! ||
      firstAt.get(a)! - firstAt.get(b)! ||
      compiled.order.get(a)! - compiled.order.get(b)!,
  );
  const primary = ranked[0]!;
  const runnerUp = ranked[1] ?? '';
  const categories = compiled.codebook.mode === 'single' ? [primary] : [...scores.keys()].sort((a, b) => compiled.order.get(a)! - compiled.order.get(b)!);
  const dimensionOrder = compiled.codebook.dimensions.map((d) => d.id);
  const dimensions = dimensionOrder.filter((d) => categories.some((c) => compiled.dimensionOf.get(c) === d));
  const roundedScores: Record<string, number> = {};
  for (const c of categories) roundedScores[c] = Math.round(scores.get(c)! * 1000) / 1000;
  return {
    unitId,
    primary,
    categories,
    dimensions,
    scores: roundedScores,
    matches: compiled.codebook.mode === 'single' ? kept.filter((m) => m.category === primary) : kept,
    inScope: true,
    confidence: confidenceOf(scores.get(primary)!, runnerUp ? scores.get(runnerUp)! : 0),
    runnerUp,
    decidedBy: decidedBy(kept, primary, compiled.rules.heading?.label ?? 'heading'),
  };
}
