import { NONE, type Coding, type Match } from '../types.js';
import { confidenceOf, NO_EVIDENCE_CONFIDENCE, NONE_RULE_CONFIDENCE } from './confidence.js';
import { mentionsScope, type CompiledCodebook } from './compileCodebook.js';
import { headingSpan, ignoredSpans, noneRuleOf, ruleMatches } from './decisionRules.js';

interface Span {
  start: number;
  end: number;
}

/** The spans of a global regular expression's non-empty matches in the text. */
function regexSpans(regex: RegExp, text: string): Span[] {
  const out: Span[] = [];
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
    if (m[0].length === 0) {
      regex.lastIndex++;
      continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length });
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

/** Whether every `with` condition has one of its terms present in the unit (true without conditions). */
function holds(withs: readonly string[][], present: ReadonlyMap<string, Span[]>): boolean {
  for (const group of withs) if (!group.some((t) => present.has(t))) return false;
  return true;
}

/** Topic terms inside a pattern match of their category are part of it: the text counts once per category. */
function withoutTopicsInPatterns(candidates: Match[]): Match[] {
  const patterns = candidates.filter((p) => p.pattern !== undefined);
  return candidates.filter((m) => !m.topic || !patterns.some((p) => p.category === m.category && p.start < m.end && m.start < p.end));
}

/**
 * Keyword, topic, pattern and decision-rule evidence before exclusions. Written as plain loops that
 * build each match once: most of a re-code's units are coded before the JIT has optimised this, and
 * every closure, spread and copy costs there (the same matches in the same order as before).
 */
function candidatesOf(tokens: readonly string[], text: string, compiled: CompiledCodebook, present: Map<string, Span[]>): Match[] {
  let candidates: Match[] = [];
  // Measure evidence kept per category, sorted by start, so a clash is found by binary search: a unit
  // of a million characters must not cost a scan of every earlier match per pattern match. A topic
  // term does not block a pattern: the pattern names the measure the topic is part of (高新技术在…中的应用).
  const kept = new Map<string, Span[]>();
  let topics = false;
  for (const f of compiled.terms.findAll(tokens)) {
    for (const r of f.entries) {
      if (r.with.length > 0 && !holds(r.with, present)) continue;
      if (r.topic) {
        topics = true;
        candidates.push({ category: r.category, term: f.term, start: f.start, end: f.end, weight: r.weight, topic: true });
        continue;
      }
      const m: Match = { category: r.category, term: f.term, start: f.start, end: f.end, weight: r.weight };
      candidates.push(m);
      const spans = kept.get(r.category);
      if (spans) spans.push(m);
      else kept.set(r.category, [m]);
    }
  }
  let patterns = false;
  for (const p of compiled.patterns) {
    if (p.with.length > 0 && !holds(p.with, present)) continue;
    const regex = p.regex;
    regex.lastIndex = 0;
    for (let s = regex.exec(text); s !== null; s = regex.exec(text)) {
      if (s[0].length === 0) {
        regex.lastIndex++;
        continue;
      }
      const start = s.index;
      const end = start + s[0].length;
      let spans = kept.get(p.category);
      if (!spans) kept.set(p.category, (spans = []));
      const at = firstEndingAfter(spans, start);
      if (at < spans.length && spans[at]!.start < end) continue;
      const m: Match = { category: p.category, term: s[0], pattern: p.source, start, end, weight: p.weight };
      spans.splice(at, 0, m);
      candidates.push(m);
      patterns = true;
    }
  }
  if (patterns && topics) candidates = withoutTopicsInPatterns(candidates);
  for (const m of ruleMatches(tokens, text, compiled.rules)) candidates.push(m);
  return candidates;
}

/** Whether an exclusion of the match's category vetoes it; each category's exclusions are found once per unit. */
function vetoed(m: Match, text: string, compiled: CompiledCodebook, present: Map<string, Span[]>, vetoes: Map<string, Array<{ window: number | null; spans: Span[] }>>): boolean {
  let v = vetoes.get(m.category);
  if (!v) {
    v = (compiled.exclusions.get(m.category) ?? []).map((e) => ({ window: e.window, spans: e.term !== undefined ? (present.get(e.term) ?? []) : regexSpans(e.regex!, text) }));
    vetoes.set(m.category, v);
  }
  for (const e of v) for (const s of e.spans) if (e.window === null || gap(m, s) <= e.window) return true;
  return false;
}

/** The candidates that no ignore rule, none sentence or exclusion takes away. */
function allowedOf(candidates: readonly Match[], text: string, compiled: CompiledCodebook, present: Map<string, Span[]>, noneSentence: Span | null): Match[] {
  const ignored = ignoredSpans(text, compiled.rules);
  if (noneSentence) ignored.push(noneSentence);
  const vetoes = new Map<string, Array<{ window: number | null; spans: Span[] }>>();
  const allowed: Match[] = [];
  for (const m of candidates) {
    if (ignored.some((s) => m.start >= s.start && m.end <= s.end)) continue;
    if (!vetoed(m, text, compiled, present, vetoes)) allowed.push(m);
  }
  return allowed;
}

/** Drops vetoed matches, topic terms with no measure beside them (rule 1), and weighs headings (rule 4). */
function keptMatches(candidates: Match[], text: string, compiled: CompiledCodebook, present: Map<string, Span[]>, noneSentence: Span | null): Match[] {
  if (candidates.length === 0) return candidates;
  const allowed = allowedOf(candidates, text, compiled, present, noneSentence);
  let measured: Set<string> | null = null;
  const money = compiled.rules.money;
  const heading = compiled.rules.heading;
  // The heading is read only once a match could name a measure in it (the same spans, found less often).
  let lead: Span | null | undefined;
  const kept: Match[] = [];
  for (const m of allowed) {
    if (m.topic) {
      measured ??= new Set(allowed.filter((a) => !a.topic).map((a) => a.category));
      if (measured.has(m.category)) kept.push(m);
      // A fund named where no money is given: the unit rules how the fund is run (rule 3).
      else if (money?.fundRules && m.category === money.category && money.fundTerms.has(m.term)) kept.push({ ...m, category: money.fundRules, rule: money.fundLabel });
      continue;
    }
    // Only the name of a measure (a term of at least min_weight) in the heading codes its item; the
    // carriers around it (推进, 完善, 机制) name no measure, in a heading or elsewhere, nor does a topic
    // (人工智能 in （一）人工智能。): rule 1 comes before rule 4.
    if (heading !== null && m.weight >= heading.minWeight) {
      if (lead === undefined) lead = headingSpan(text, heading.maxLength);
      if (lead !== null && m.start >= lead.start && m.end <= lead.end) {
        kept.push({ ...m, weight: m.weight * heading.weight, heading: true });
        continue;
      }
    }
    kept.push(m);
  }
  return kept.sort((a, b) => a.start - b.start || compiled.order.get(a.category)! - compiled.order.get(b.category)!);
}

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
  if (!(inScope ?? mentionsScope(tokens, compiled))) return uncoded(unitId, false, NO_EVIDENCE_CONFIDENCE, 'out of scope');
  const text = tokens.join('');
  const noneRule = noneRuleOf(text, compiled.rules);
  if (noneRule?.whole) return uncoded(unitId, true, NONE_RULE_CONFIDENCE, noneRule.label);
  const present = new Map<string, Span[]>();
  if (compiled.presence.size > 0) {
    for (const f of compiled.presence.findEvery(tokens)) {
      const spans = present.get(f.term);
      if (spans) spans.push(f);
      else present.set(f.term, [f]);
    }
  }
  const kept = keptMatches(candidatesOf(tokens, text, compiled, present), text, compiled, present, noneRule ? noneRule.sentence : null);
  if (kept.length === 0) return noneRule ? uncoded(unitId, true, NONE_RULE_CONFIDENCE, noneRule.label) : uncoded(unitId, true, NO_EVIDENCE_CONFIDENCE, 'no evidence');

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
