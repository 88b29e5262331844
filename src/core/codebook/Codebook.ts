/** A validated, resolved codebook: the only form of a codebook that core code accepts. */

/** A keyword: an exact term matched on word boundaries. */
export interface Term {
  term: string;
  /** The keyword's weight times the weights of its category and ancestors. */
  weight: number;
  /**
   * Co-occurrence: each inner list is a condition that holds when one of its terms is in the same
   * clause; the keyword counts only when every condition holds (its own and its category's).
   */
  with: string[][];
}

/** A regular expression over the clause text; validated as safe before it gets here. */
export interface Pattern {
  pattern: string;
  weight: number;
  with: string[][];
}

/** A term or pattern that vetoes matches: in the whole clause (window null) or within N characters. */
export interface Exclusion {
  term?: string;
  pattern?: string;
  window: number | null;
}

export interface Category {
  id: string;
  label: { zh: string; en?: string };
  definition?: string;
  /** Ids from the top-level category down to this one. */
  path: string[];
  /** The top-level ancestor's id (a dimension in Rothwell & Zegveld). */
  dimension: string;
  keywords: Term[];
  /** Topic terms (rule 1): they add weight only where a keyword or pattern of the category matched. */
  topics: Term[];
  patterns: Pattern[];
  exclude: Exclusion[];
  children: Category[];
}

export type ScopeLevel = 'clause' | 'article' | 'document';

export interface Scope {
  keywords: string[];
  patterns: string[];
  level: ScopeLevel;
}

export interface NoneRule {
  id: string;
  manual?: string;
  pattern: string;
}

/** The manual's decision rules as the coder applies them (see codebookSchema.ts for their meaning). */
export interface DecisionRules {
  none: NoneRule[];
  ignore: NoneRule[];
  heading: { manual?: string; weight: number; minWeight: number; maxLength: number } | null;
  obligation: {
    manual?: string;
    modals: string[];
    prohibitions: string[];
    notModal: string[];
    market: string[];
    government: string[];
    enforcement: string[];
    organising: string[];
    conditions: string[];
    objects: string[];
    bases: string[];
    basisHeads: string[];
    marketCategory: string;
    governmentCategory: string;
    weight: number;
    governmentWeight: number;
  } | null;
  money: { manual?: string; givers: string[]; money: string[]; category: string; weight: number; window: number; fundTerms: string[]; fundRules: string | null } | null;
  encouragement: { manual?: string; verbs: string[]; actors: string[]; others: string[]; reach: number; category: string; weight: number } | null;
  regulation: { manual?: string; acts: string[]; actors: string[]; names: string[]; reach: number; category: string; weight: number } | null;
  insideWords: { manual?: string; minWeight: number; names: string[] } | null;
}

/**
 * Doubts that lower a unit's confidence (core/coding/confidence.ts): 1 where a codebook sets none.
 * `residual` are the instruments of generic organising words (strategy), coded where a unit names no
 * more specific measure; `rivalFactor` applies where another instrument has a measure in the unit.
 */
export interface ConfidenceSettings {
  residual: string[];
  residualFactor: number;
  rivalFactor: number;
}

export interface Codebook {
  name: string;
  version: string;
  title?: { zh: string; en?: string };
  mode: 'multi' | 'single';
  /** The unit this codebook is meant for, when it says (core/clauses/segmentText.ts CodingUnit). */
  unit?: 'item' | 'sentence';
  scope: Scope | null;
  /** Top-level categories (dimensions), in codebook order. */
  dimensions: Category[];
  /** Codable categories (the leaves), in codebook order. */
  leaves: Category[];
  rules: DecisionRules;
  confidence: ConfidenceSettings;
}

/** The leaf categories under a category, in order (itself when it has no children). */
export function leavesOf(c: Category): Category[] {
  return c.children.length === 0 ? [c] : c.children.flatMap(leavesOf);
}

/** Every term the codebook matches on, for the segmenter's user dictionary. */
export function codebookTerms(codebook: Codebook): string[] {
  const terms = new Set<string>();
  for (const leaf of codebook.leaves) {
    for (const k of [...leaf.keywords, ...leaf.topics]) {
      terms.add(k.term);
      for (const group of k.with) for (const w of group) terms.add(w);
    }
    for (const p of leaf.patterns) for (const group of p.with) for (const w of group) terms.add(w);
    for (const e of leaf.exclude) if (e.term !== undefined) terms.add(e.term);
  }
  for (const s of codebook.scope?.keywords ?? []) terms.add(s);
  const { obligation: o, money: m } = codebook.rules;
  if (o) for (const t of [...o.modals, ...o.prohibitions, ...o.market, ...o.government, ...o.enforcement, ...o.organising, ...o.conditions, ...o.objects]) terms.add(t);
  if (m) for (const t of [...m.givers, ...m.money]) terms.add(t);
  for (const t of codebook.rules.encouragement?.verbs ?? []) terms.add(t);
  for (const t of codebook.rules.regulation?.acts ?? []) terms.add(t);
  return [...terms].sort();
}
