import { NONE } from '../types.js';
import { codeSet, type UnitCodes } from './agreementReport.js';

/** A human-coded unit with its tokens and the codebook terms that fired on it. */
export interface SuggestionUnit {
  unitId: string;
  tokens: readonly string[];
  gold: UnitCodes;
  matches: ReadonlyArray<{ term: string; category: string }>;
}

export interface KeyTerm {
  label: string;
  term: string;
  /** Occurrences in the label's units and in all other units. */
  frequency: number;
  otherFrequency: number;
  /** Units of the label that contain the term. */
  units: number;
  /** Log-likelihood G2 (Dunning 1993; Rayson & Garside 2000) of the label's units against the rest. */
  g2: number;
}

export interface MisfiringTerm {
  term: string;
  category: string;
  /** Units on which the term fired for the category. */
  fires: number;
  /** Of those, units whose human codes (primary or secondary) do not include the category. */
  wrong: number;
  /** The human primary codes of the wrong units, most frequent first: `label×n`. */
  humanCodes: string;
}

/**
 * Log-likelihood G2 for a term seen `a` times in a corpus of `c` tokens and `b` times in one of
 * `d` tokens: 2 Σ O ln(O/E), where E splits a+b in proportion to the corpus sizes.
 */
export function logLikelihood(a: number, b: number, c: number, d: number): number {
  const e1 = (c * (a + b)) / (c + d);
  const e2 = (d * (a + b)) / (c + d);
  return 2 * ((a > 0 ? a * Math.log(a / e1) : 0) + (b > 0 ? b * Math.log(b / e2) : 0));
}

/** A token worth suggesting: two or more characters, with at least one Chinese character and no digits. */
function candidate(token: string): boolean {
  return [...token].length >= 2 && /\p{Script=Han}/u.test(token) && !/[\d０-９]/.test(token);
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * For each human primary label, the tokens most characteristic of its units compared with all
 * other units (positive keyness only, G2 descending) that are not codebook terms (`known`),
 * occur at least `minFrequency` times in the label's units, and in at least two of them.
 */
export function keyTerms(
  units: readonly SuggestionUnit[],
  known: ReadonlySet<string>,
  options: { minFrequency: number; top: number },
): KeyTerm[] {
  const total = new Map<string, number>();
  let totalTokens = 0;
  const byLabel = new Map<string, { counts: Map<string, number>; units: Map<string, number>; tokens: number }>();
  for (const u of units) {
    const label = u.gold.primary;
    if (!byLabel.has(label)) byLabel.set(label, { counts: new Map(), units: new Map(), tokens: 0 });
    const group = byLabel.get(label)!;
    for (const t of u.tokens) {
      if (!candidate(t)) continue;
      total.set(t, (total.get(t) ?? 0) + 1);
      group.counts.set(t, (group.counts.get(t) ?? 0) + 1);
      group.tokens++;
      totalTokens++;
    }
    for (const t of new Set(u.tokens)) if (candidate(t)) group.units.set(t, (group.units.get(t) ?? 0) + 1);
  }
  const out: KeyTerm[] = [];
  for (const label of [...byLabel.keys()].filter((l) => l !== NONE).sort(compare)) {
    const group = byLabel.get(label)!;
    const c = group.tokens;
    const d = totalTokens - c;
    const scored: KeyTerm[] = [];
    for (const [term, a] of group.counts) {
      // A term of one unit only says more about that unit than about the instrument.
      if (a < options.minFrequency || group.units.get(term)! < 2 || known.has(term)) continue;
      const b = total.get(term)! - a;
      if (d > 0 && a / c <= b / d) continue;
      scored.push({ label, term, frequency: a, otherFrequency: b, units: group.units.get(term)!, g2: logLikelihood(a, b, c, d) });
    }
    scored.sort((x, y) => y.g2 - x.g2 || compare(x.term, y.term));
    out.push(...scored.slice(0, options.top));
  }
  return out;
}

/** Codebook terms that fire on units humans coded otherwise, most wrong firings first. */
export function misfiringTerms(units: readonly SuggestionUnit[], options: { top: number }): MisfiringTerm[] {
  const stats = new Map<string, { term: string; category: string; fires: number; wrong: number; human: Map<string, number> }>();
  for (const u of units) {
    const gold = codeSet(u.gold);
    const fired = new Map(u.matches.map((m) => [`${m.term}\u0000${m.category}`, m]));
    for (const [key, m] of fired) {
      if (!stats.has(key)) stats.set(key, { term: m.term, category: m.category, fires: 0, wrong: 0, human: new Map() });
      const s = stats.get(key)!;
      s.fires++;
      if (!gold.has(m.category)) {
        s.wrong++;
        s.human.set(u.gold.primary, (s.human.get(u.gold.primary) ?? 0) + 1);
      }
    }
  }
  return [...stats.values()]
    .filter((s) => s.wrong > 0)
    .sort((a, b) => b.wrong - a.wrong || b.wrong / b.fires - a.wrong / a.fires || compare(a.term, b.term) || compare(a.category, b.category))
    .slice(0, options.top)
    .map((s) => ({
      term: s.term,
      category: s.category,
      fires: s.fires,
      wrong: s.wrong,
      humanCodes: [...s.human].sort((a, b) => b[1] - a[1] || compare(a[0], b[0])).map(([l, n]) => `${l}×${n}`).join(';'),
    }));
}
