import type { Codebook } from '../codebook/Codebook.js';
import { NONE, type Coding, type Match } from '../types.js';
import { TermIndex } from './termIndex.js';

type Entry = { kind: 'keyword'; category: string; weight: number } | { kind: 'exclude'; category: string };

/** A codebook turned into the lookup structures the coder needs; build it once per run. */
export interface CompiledCodebook {
  codebook: Codebook;
  terms: TermIndex<Entry>;
  scope: TermIndex<true> | null;
  order: Map<string, number>;
  dimensionOf: Map<string, string>;
}

export function compileCodebook(codebook: Codebook): CompiledCodebook {
  const terms = new TermIndex<Entry>();
  const order = new Map<string, number>();
  const dimensionOf = new Map<string, string>();
  codebook.leaves.forEach((leaf, i) => {
    order.set(leaf.id, i);
    dimensionOf.set(leaf.id, leaf.dimension);
    for (const k of leaf.keywords) terms.add(k.term, { kind: 'keyword', category: leaf.id, weight: k.weight });
    for (const e of leaf.exclude) terms.add(e, { kind: 'exclude', category: leaf.id });
  });
  let scope: TermIndex<true> | null = null;
  if (codebook.scope) {
    scope = new TermIndex<true>();
    for (const s of codebook.scope) scope.add(s, true);
  }
  return { codebook, terms, scope, order, dimensionOf };
}

/**
 * Codes one unit from its tokens (the segmenter's output, which concatenates to the unit's text).
 * Score of a category = sum of the weights of its matched keyword occurrences; an exclusion term of
 * a category anywhere in the unit vetoes that category. Primary = highest score; a tie goes to the
 * category whose first match comes earliest in the text (the manual's rule 5), then codebook order.
 * In single mode only the primary is kept. Out-of-scope units get `none` and no categories.
 */
export function codeClause(unitId: string, tokens: readonly string[], compiled: CompiledCodebook): Coding {
  const empty: Coding = { unitId, primary: NONE, categories: [], dimensions: [], scores: {}, matches: [], inScope: true };
  if (compiled.scope && compiled.scope.findAll(tokens).length === 0) return { ...empty, inScope: false };

  const matches: Match[] = [];
  const vetoed = new Set<string>();
  for (const f of compiled.terms.findAll(tokens)) {
    for (const e of f.entries) {
      if (e.kind === 'exclude') vetoed.add(e.category);
      else matches.push({ category: e.category, term: f.term, start: f.start, end: f.end, weight: e.weight });
    }
  }
  const kept = matches.filter((m) => !vetoed.has(m.category));
  if (kept.length === 0) return empty;

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
  };
}
