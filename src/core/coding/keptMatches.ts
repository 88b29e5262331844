import type { Match } from '../types.js';
import type { CompiledCodebook } from './compileCodebook.js';
import { headingSpan, ignoredSpans } from './decisionRules.js';
import { stableSort } from './stableSort.js';
import { matchSpans, type Span } from './unitParts.js';

// Indexed loops without closures, like candidateMatches.ts: most units are coded before the JIT has
// optimised this code.

/** Characters between two spans; 0 when they touch or overlap. */
function gap(a: Span, b: Span): number {
  return Math.max(0, b.start - a.end, a.start - b.end);
}

type Vetoes = Map<string, Array<{ window: number | null; spans: Span[] }>>;

/** Whether an exclusion of the match's category vetoes it; each category's exclusions are found once per unit. */
function vetoed(m: Match, text: string, compiled: CompiledCodebook, present: ReadonlyMap<string, Span[]>, vetoes: Vetoes): boolean {
  let v = vetoes.get(m.category);
  if (!v) {
    v = (compiled.exclusions.get(m.category) ?? []).map((e) => ({ window: e.window, spans: e.term !== undefined ? (present.get(e.term) ?? []) : matchSpans(e.regex!, text, false) }));
    vetoes.set(m.category, v);
  }
  for (let i = 0; i < v.length; i++) {
    const { window, spans } = v[i]!;
    for (let k = 0; k < spans.length; k++) if (window === null || gap(m, spans[k]!) <= window) return true;
  }
  return false;
}

/** Whether the match lies inside one of the spans. */
function inside(m: Match, spans: readonly Span[]): boolean {
  for (let i = 0; i < spans.length; i++) if (m.start >= spans[i]!.start && m.end <= spans[i]!.end) return true;
  return false;
}

/** The candidates that no ignore rule, none sentence or exclusion takes away. */
function allowedOf(candidates: readonly Match[], text: string, compiled: CompiledCodebook, present: ReadonlyMap<string, Span[]>, noneSentences: readonly Span[]): Match[] {
  const ignored = ignoredSpans(text, compiled.rules).concat(noneSentences);
  const vetoes: Vetoes = new Map();
  const allowed: Match[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const m = candidates[i]!;
    if (!inside(m, ignored) && !vetoed(m, text, compiled, present, vetoes)) allowed.push(m);
  }
  return allowed;
}

/** The categories of the measure evidence (not topic terms) among the matches. */
function measuredOf(matches: readonly Match[]): Set<string> {
  const measured = new Set<string>();
  for (let i = 0; i < matches.length; i++) if (!matches[i]!.topic) measured.add(matches[i]!.category);
  return measured;
}

/**
 * Drops vetoed matches, topic terms with no measure beside them (rule 1), and weighs headings (rule 4);
 * sorted by start, then codebook order.
 */
export function keptMatches(candidates: Match[], text: string, compiled: CompiledCodebook, present: ReadonlyMap<string, Span[]>, noneSentences: readonly Span[]): Match[] {
  if (candidates.length === 0) return candidates;
  const allowed = allowedOf(candidates, text, compiled, present, noneSentences);
  const money = compiled.rules.money;
  const heading = compiled.rules.heading;
  let measured: Set<string> | null = null;
  // The heading is read once a match could name a measure in it: the same spans, looked for less often.
  let lead: Span | null | undefined;
  const kept: Match[] = [];
  for (let i = 0; i < allowed.length; i++) {
    const m = allowed[i]!;
    if (m.topic) {
      measured ??= measuredOf(allowed);
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
  const order = compiled.order;
  return stableSort(kept, (a, b) => a.start - b.start || order.get(a.category)! - order.get(b.category)!);
}
