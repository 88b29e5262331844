import type { Match } from '../types.js';
import type { CompiledCodebook } from './compileCodebook.js';
import { ruleMatches } from './decisionRules.js';
import { afterEmptyMatch, type Span } from './unitParts.js';

// Written as indexed loops that build each match once: most of a re-code's units are coded before
// the JIT has optimised this code, and there every closure, spread, iterator step and copy costs.

/** Whether every `with` condition has one of its terms present in the unit (true without conditions). */
function holds(withs: readonly string[][], present: ReadonlyMap<string, Span[]>): boolean {
  for (const group of withs) if (!group.some((t) => present.has(t))) return false;
  return true;
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
  return candidates.filter((m) => !m.topic || !patterns.some((p) => p.category === m.category && p.start < m.end && m.start < p.end));
}

/** No term is present (a unit without exclusion or co-occurrence terms): shared, never written to. */
const NOTHING_PRESENT: ReadonlyMap<string, Span[]> = new Map();

/** Where each exclusion and co-occurrence term occurs in the unit. */
export function presentTerms(tokens: readonly string[], compiled: CompiledCodebook): ReadonlyMap<string, Span[]> {
  if (compiled.presence.size === 0) return NOTHING_PRESENT;
  const present = new Map<string, Span[]>();
  for (const f of compiled.presence.findEvery(tokens)) {
    const spans = present.get(f.term);
    if (spans) spans.push(f);
    else present.set(f.term, [f]);
  }
  return present;
}

/** The keyword and topic terms of a unit whose `with` conditions hold, in text order. */
export function termMatches(tokens: readonly string[], compiled: CompiledCodebook, present: ReadonlyMap<string, Span[]>, candidates: Match[]): void {
  const found = compiled.terms.findAll(tokens);
  for (let i = 0; i < found.length; i++) {
    const f = found[i]!;
    for (let k = 0; k < f.entries.length; k++) {
      const r = f.entries[k]!;
      if (r.with.length > 0 && !holds(r.with, present)) continue;
      if (r.topic) candidates.push({ category: r.category, term: f.term, start: f.start, end: f.end, weight: r.weight, topic: true });
      else candidates.push({ category: r.category, term: f.term, start: f.start, end: f.end, weight: r.weight });
    }
  }
}

/**
 * Keyword, topic, pattern and decision-rule evidence before exclusions. A pattern match that overlaps
 * measure evidence already kept for its category is dropped, so one piece of text counts once per
 * category.
 */
export function candidatesOf(tokens: readonly string[], text: string, compiled: CompiledCodebook, present: ReadonlyMap<string, Span[]>): Match[] {
  let candidates: Match[] = [];
  termMatches(tokens, compiled, present, candidates);
  const terms = candidates.length;
  // Measure evidence kept per category, sorted by start, so a clash is found by binary search: a unit
  // of a million characters must not cost a scan of every earlier match per pattern match. A topic
  // term does not block a pattern: the pattern names the measure the topic is part of (高新技术在…中的应用).
  // Made on the first pattern match: most units have none.
  let kept: Map<string, Span[]> | null = null;
  let topics = false;
  const patterns = compiled.patterns;
  for (let i = 0; i < patterns.length; i++) {
    const p = patterns[i]!;
    if (p.with.length > 0 && !holds(p.with, present)) continue;
    const regex = p.regex;
    regex.lastIndex = 0;
    for (let s = regex.exec(text); s !== null; s = regex.exec(text)) {
      if (s[0].length === 0) {
        regex.lastIndex = afterEmptyMatch(text, s.index);
        continue;
      }
      if (kept === null) {
        kept = new Map();
        for (let k = 0; k < terms; k++) {
          const m = candidates[k]!;
          if (m.topic) topics = true;
          else (kept.get(m.category) ?? kept.set(m.category, []).get(m.category)!).push(m);
        }
      }
      const start = s.index;
      const end = start + s[0].length;
      const spans = kept.get(p.category) ?? kept.set(p.category, []).get(p.category)!;
      const at = firstEndingAfter(spans, start);
      if (at < spans.length && spans[at]!.start < end) continue;
      const m: Match = { category: p.category, term: s[0], pattern: p.source, start, end, weight: p.weight };
      spans.splice(at, 0, m);
      candidates.push(m);
    }
  }
  if (topics && candidates.length > terms) candidates = withoutTopicsInPatterns(candidates);
  const rules = ruleMatches(tokens, text, compiled.rules);
  const government = compiled.rules.obligation?.governmentLabel;
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i]!;
    // Rule 2 read this modal as a government body's duty to organise: the modal (应当, 须 as keywords of
    // regulation) is then no evidence of regulation.
    if (r.rule === government) candidates = withoutTermAt(candidates, r);
    candidates.push(r);
  }
  return candidates;
}

/** The candidates without the keywords found exactly on the span of a rule's word. */
function withoutTermAt(candidates: Match[], word: Match): Match[] {
  return candidates.filter((c) => c.rule !== undefined || c.pattern !== undefined || c.start !== word.start || c.end !== word.end);
}
