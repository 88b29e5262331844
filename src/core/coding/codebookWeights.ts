import { leavesOf, type Category, type Codebook, type DecisionRules } from '../codebook/Codebook.js';

/** The decision rules that carry a weight of their own. */
export const WEIGHTED_RULES = ['heading', 'obligation', 'money', 'encouragement', 'regulation'] as const;
export type WeightedRule = (typeof WEIGHTED_RULES)[number];

/**
 * One weight of a codebook that a fit may change: a keyword, a topic term or a pattern of a
 * category (its weight as the coder uses it, the category's multipliers included), or a decision
 * rule's weight. `index` is the place in its category's list (or in WEIGHTED_RULES).
 */
export type WeightParam =
  | { key: string; kind: 'keyword' | 'topic'; category: string; index: number; term: string; weight: number }
  | { key: string; kind: 'pattern'; category: string; index: number; pattern: string; weight: number }
  | { key: string; kind: 'rule'; rule: WeightedRule; index: number; weight: number };

/** A parameter as a person reads it: `keyword 补贴 (financial)`, `rule heading`. */
export function paramLabel(p: WeightParam): string {
  if (p.kind === 'rule') return `rule ${p.rule}`;
  return p.kind === 'pattern' ? `pattern #${p.index + 1} /${p.pattern.length > 30 ? p.pattern.slice(0, 30) + '…' : p.pattern}/ (${p.category})` : `${p.kind} ${p.term} (${p.category})`;
}

/** Every weight of the codebook, in codebook order: categories (keywords, topics, patterns), then rules. */
export function weightParams(codebook: Codebook): WeightParam[] {
  const out: WeightParam[] = [];
  for (const leaf of codebook.leaves) {
    leaf.keywords.forEach((k, index) => out.push({ key: `${leaf.id}/keyword/${k.term}`, kind: 'keyword', category: leaf.id, index, term: k.term, weight: k.weight }));
    leaf.topics.forEach((k, index) => out.push({ key: `${leaf.id}/topic/${k.term}`, kind: 'topic', category: leaf.id, index, term: k.term, weight: k.weight }));
    leaf.patterns.forEach((p, index) => out.push({ key: `${leaf.id}/pattern/${index}`, kind: 'pattern', category: leaf.id, index, pattern: p.pattern, weight: p.weight }));
  }
  WEIGHTED_RULES.forEach((rule, index) => {
    const r = codebook.rules[rule];
    if (r) out.push({ key: `rules/${rule}`, kind: 'rule', rule, index, weight: r.weight });
  });
  return out;
}

/**
 * The codebook with some weights replaced (by parameter key); a weight of 0 removes the keyword,
 * topic or pattern. Rule weights must stay above 0. The input is not changed.
 */
export function withWeights(codebook: Codebook, weights: ReadonlyMap<string, number>): Codebook {
  if (weights.size === 0) return codebook;
  const pick = <T extends { weight: number }>(list: readonly T[], key: (x: T, i: number) => string): T[] =>
    list.flatMap((x, i) => {
      const w = weights.get(key(x, i));
      return w === undefined ? [x] : w === 0 ? [] : [{ ...x, weight: w }];
    });
  const mapCategory = (c: Category): Category =>
    c.children.length > 0
      ? { ...c, children: c.children.map(mapCategory) }
      : {
          ...c,
          keywords: pick(c.keywords, (k) => `${c.id}/keyword/${k.term}`),
          topics: pick(c.topics, (k) => `${c.id}/topic/${k.term}`),
          patterns: pick(c.patterns, (_, i) => `${c.id}/pattern/${i}`),
        };
  const dimensions = codebook.dimensions.map(mapCategory);
  const rules: DecisionRules = { ...codebook.rules };
  for (const rule of WEIGHTED_RULES) {
    const w = weights.get(`rules/${rule}`);
    const r = codebook.rules[rule];
    if (w !== undefined && r) (rules as Record<WeightedRule, unknown>)[rule] = { ...r, weight: w };
  }
  return { ...codebook, dimensions, leaves: dimensions.flatMap(leavesOf), rules };
}
