import type { Codebook } from '../codebook/Codebook.js';
import { codeClause } from './codeClause.js';
import { compileCodebook } from './compileCodebook.js';
import { weightParams, withWeights, type WeightParam } from './codebookWeights.js';
import { TermIndex } from './termIndex.js';
import { documentsOf, recodeTouched } from './recodeTouched.js';

/** A unit a person coded: its tokens (the segmenter's output), its document and the human primary code. */
export interface FitUnit {
  unitId: string;
  doc: string;
  tokens: readonly string[];
  gold: string;
}

export interface FitOptions {
  /** The weights a term, topic or pattern may take; 0 removes it. Rule weights take the values above 0. */
  grid: readonly number[];
  /** Least net gain in correctly coded units (fixed minus broken) for a change to be made. */
  minGain: number;
  /** Most changes in one fit. */
  maxChanges: number;
  /** Least number of documents among the units a change fixes. */
  minDocs: number;
}

export const DEFAULT_FIT: FitOptions = { grid: [0, 0.5, 1, 2, 3], minGain: 2, maxChanges: 10, minDocs: 2 };

/** One change the fit made, with the units it fixed and broke on the training units. */
export interface WeightChange {
  param: WeightParam;
  from: number;
  to: number;
  fixed: string[];
  broken: string[];
  /** Documents of the fixed units. */
  documents: number;
}

export interface FitResult {
  codebook: Codebook;
  changes: WeightChange[];
  /** Training units coded right before and after the fit. */
  correctBefore: number;
  correctAfter: number;
}

interface Candidate {
  param: WeightParam;
  to: number;
  gain: number;
  fixed: number[];
  broken: number[];
  primaries: Map<number, string>;
}

/**
 * Units where a rule's weight counts: where some category's score moves when the weight does. Scores
 * are compared with every category scored (multi mode), so evidence of a category that is not the
 * primary is seen too.
 */
function unitsOfRule(codebook: Codebook, p: WeightParam, units: readonly FitUnit[], before: readonly string[]): number[] {
  const after = multiScores(withWeights(codebook, new Map([[p.key, p.weight + 1]])), units);
  return units.flatMap((_, i) => (before[i] !== after[i] ? [i] : []));
}

/** Each unit's scores of every category (multi mode), as a string to compare. */
function multiScores(codebook: Codebook, units: readonly FitUnit[]): string[] {
  const compiled = compileCodebook({ ...codebook, mode: 'multi' });
  return units.map((u) => JSON.stringify(codeClause(u.unitId, u.tokens, compiled).scores));
}

/** Units whose coding a change of each parameter can alter: those holding its term or pattern, or where its rule counts. */
function unitsOfParams(codebook: Codebook, params: readonly WeightParam[], units: readonly FitUnit[]): Map<string, number[]> {
  const index = new TermIndex<true>();
  for (const p of params) if (p.kind === 'keyword' || p.kind === 'topic') index.add(p.term, true);
  const byTerm = new Map<string, Set<number>>();
  units.forEach((u, i) => {
    for (const f of index.findEvery(u.tokens)) (byTerm.get(f.term) ?? byTerm.set(f.term, new Set()).get(f.term)!).add(i);
  });
  const texts = units.map((u) => u.tokens.join(''));
  const all = units.map((_, i) => i);
  const out = new Map<string, number[]>();
  // The base codebook's scores, once for every rule parameter.
  let base: string[] | null = null;
  for (const p of params) {
    if (p.kind === 'rule') out.set(p.key, unitsOfRule(codebook, p, units, (base ??= multiScores(codebook, units))));
    else if (p.kind === 'pattern') {
      const regex = new RegExp(p.pattern, 'u');
      out.set(p.key, all.filter((i) => regex.test(texts[i]!)));
    } else out.set(p.key, [...(byTerm.get(p.term) ?? [])].sort((a, b) => a - b));
  }
  return out;
}

/** The grid values to try for a parameter, nearest to its weight first (a smaller change wins a tie). */
function valuesFor(p: WeightParam, current: number, grid: readonly number[]): number[] {
  return grid
    .filter((w) => w !== current && (p.kind !== 'rule' || w > 0))
    .sort((a, b) => Math.abs(a - current) - Math.abs(b - current) || a - b);
}

/**
 * Fits the weights of a codebook's existing terms, topics, patterns and rules to human codes by greedy
 * coordinate ascent on the number of units coded right. Each round tries every grid value of every
 * parameter not yet changed and makes the one change with the largest net gain, if that gain is at
 * least `minGain` units and the units it fixes come from at least `minDocs` documents; ties go to the
 * earlier parameter in codebook order, then to the smaller change. No term is ever added, and a
 * category keeps at least one keyword or pattern. Each candidate re-codes, with the real coder, only
 * the units that hold its term or pattern (or where its rule counts), and keeps its result until a
 * change touches one of those units, so a fit over hundreds of units and parameters takes seconds.
 */
export function fitWeights(codebook: Codebook, units: readonly FitUnit[], options: FitOptions = DEFAULT_FIT): FitResult {
  const params = weightParams(codebook);
  const affected = unitsOfParams(codebook, params, units);
  const weights = new Map<string, number>();
  const compiledBase = compileCodebook(codebook);
  const primaries = units.map((u) => codeClause(u.unitId, u.tokens, compiledBase).primary);
  const correctBefore = primaries.filter((p, i) => p === units[i]!.gold).length;
  // Measures (keywords and patterns) left per category: the last one is never removed, or the category could never be coded.
  const measures = new Map<string, number>();
  for (const p of params) if (p.kind === 'keyword' || p.kind === 'pattern') measures.set(p.category, (measures.get(p.category) ?? 0) + 1);

  const evaluate = (p: WeightParam, to: number): Candidate => {
    const compiled = compileCodebook(withWeights(codebook, new Map(weights).set(p.key, to)));
    const outcome = recodeTouched(compiled, units, affected.get(p.key)!, primaries);
    return { param: p, to, gain: outcome.fixed.length - outcome.broken.length, ...outcome };
  };

  const changes: WeightChange[] = [];
  const cache = new Map<string, Candidate>();
  while (changes.length < options.maxChanges) {
    let best: Candidate | null = null;
    for (const p of params) {
      if (weights.has(p.key) || affected.get(p.key)!.length < options.minGain) continue;
      for (const to of valuesFor(p, p.weight, options.grid)) {
        if (to === 0 && (p.kind === 'keyword' || p.kind === 'pattern') && measures.get(p.category)! <= 1) continue;
        const id = `${p.key}=${to}`;
        const c = cache.get(id) ?? cache.set(id, evaluate(p, to)).get(id)!;
        if (c.gain < options.minGain || documentsOf(units, c.fixed) < options.minDocs) continue;
        if (!best || c.gain > best.gain) best = c;
      }
    }
    if (!best) break;
    const p = best.param;
    weights.set(p.key, best.to);
    if (best.to === 0 && (p.kind === 'keyword' || p.kind === 'pattern')) measures.set(p.category, measures.get(p.category)! - 1);
    for (const [i, primary] of best.primaries) primaries[i] = primary;
    // A candidate that shares a unit with this change must be measured again against the new weights.
    const touched = new Set(affected.get(p.key)!);
    for (const [id, c] of cache) if (affected.get(c.param.key)!.some((i) => touched.has(i))) cache.delete(id);
    changes.push({
      param: p,
      from: p.weight,
      to: best.to,
      fixed: best.fixed.map((i) => units[i]!.unitId),
      broken: best.broken.map((i) => units[i]!.unitId),
      documents: documentsOf(units, best.fixed),
    });
  }
  const fitted = withWeights(codebook, weights);
  // The bookkeeping above re-coded only the units each change touched; all of them coded afresh must agree.
  const compiledFitted = compileCodebook(fitted);
  if (units.some((u, i) => codeClause(u.unitId, u.tokens, compiledFitted).primary !== primaries[i])) throw new Error('fitWeights: re-coding only the touched units disagrees with coding every unit');
  return { codebook: fitted, changes, correctBefore, correctAfter: primaries.filter((p, i) => p === units[i]!.gold).length };
}
