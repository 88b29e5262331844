import type { Codebook } from '../codebook/Codebook.js';
import { compileRules, type CompiledRules } from './decisionRules.js';
import { TermIndex } from './termIndex.js';

interface Rule {
  category: string;
  weight: number;
  with: string[][];
  /** A topic term (rule 1). */
  topic: boolean;
}

interface CompiledPattern extends Rule {
  source: string;
  regex: RegExp;
}

interface CompiledExclusion {
  term?: string;
  regex?: RegExp;
  window: number | null;
}

/** A codebook turned into the lookup structures the coder needs; build it once per run. */
export interface CompiledCodebook {
  codebook: Codebook;
  /** Keywords, scanned leftmost-longest. */
  terms: TermIndex<Rule>;
  patterns: CompiledPattern[];
  /** Terms whose mere presence matters (exclusions, co-occurrence), found overlapping. */
  presence: TermIndex<true>;
  exclusions: Map<string, CompiledExclusion[]>;
  scope: { terms: TermIndex<true>; patterns: RegExp[] } | null;
  order: Map<string, number>;
  dimensionOf: Map<string, string>;
  rules: CompiledRules;
}

export function compileCodebook(codebook: Codebook): CompiledCodebook {
  const terms = new TermIndex<Rule>();
  const presence = new TermIndex<true>();
  const patterns: CompiledPattern[] = [];
  const exclusions = new Map<string, CompiledExclusion[]>();
  const order = new Map<string, number>();
  const dimensionOf = new Map<string, string>();
  codebook.leaves.forEach((leaf, i) => {
    order.set(leaf.id, i);
    dimensionOf.set(leaf.id, leaf.dimension);
    for (const [list, topic] of [[leaf.keywords, false], [leaf.topics, true]] as const) {
      for (const k of list) {
        terms.add(k.term, { category: leaf.id, weight: k.weight, with: k.with, topic });
        for (const w of k.with.flat()) presence.add(w, true);
      }
    }
    for (const p of leaf.patterns) {
      patterns.push({ category: leaf.id, weight: p.weight, with: p.with, topic: false, source: p.pattern, regex: new RegExp(p.pattern, 'gu') });
      for (const w of p.with.flat()) presence.add(w, true);
    }
    exclusions.set(
      leaf.id,
      leaf.exclude.map((e) => {
        if (e.term !== undefined) presence.add(e.term, true);
        return e.term !== undefined ? { term: e.term, window: e.window } : { regex: new RegExp(e.pattern!, 'gu'), window: e.window };
      }),
    );
  });
  let scope: CompiledCodebook['scope'] = null;
  if (codebook.scope) {
    const scopeTerms = new TermIndex<true>();
    for (const s of codebook.scope.keywords) scopeTerms.add(s, true);
    scope = { terms: scopeTerms, patterns: codebook.scope.patterns.map((p) => new RegExp(p, 'u')) };
  }
  return { codebook, terms, patterns, presence, exclusions, scope, order, dimensionOf, rules: compileRules(codebook.rules) };
}

/** Whether a unit mentions the codebook's scope topic (always true without a scope). */
export function mentionsScope(tokens: readonly string[], compiled: CompiledCodebook): boolean {
  if (!compiled.scope) return true;
  if (compiled.scope.terms.findAll(tokens).length > 0) return true;
  const text = tokens.join('');
  return compiled.scope.patterns.some((r) => r.test(text));
}
