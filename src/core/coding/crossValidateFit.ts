import type { Codebook } from '../codebook/Codebook.js';
import type { CodedUnit } from '../reliability/codingFigures.js';
import { codeClause } from './codeClause.js';
import { compileCodebook } from './compileCodebook.js';
import type { ProposedTerm } from './proposeTerms.js';
import { fitWeights, type FitOptions, type FitUnit, type WeightChange } from './fitWeights.js';

export interface FoldResult {
  documents: string[];
  units: number;
  /** The changes the fit on the other folds made. */
  changes: WeightChange[];
  /** The terms the further step (`--add-terms`) added on the other folds. */
  added: ProposedTerm[];
}

/** A step after the weight fit that learns from the same training units (proposeTerms): the codebook it gives and the terms it added. */
export type FurtherStep = (fitted: Codebook, train: readonly FitUnit[]) => { codebook: Codebook; added: ProposedTerm[] };

export interface CrossValidation {
  folds: FoldResult[];
  /** Every unit coded once, while its fold was held out: by the codebook as given and as fitted without it. */
  before: CodedUnit[];
  after: CodedUnit[];
}

/** Documents dealt to k folds in sorted order (the 1st, k+1th, ... to fold 1): the same input gives the same folds. */
export function documentFolds(docs: readonly string[], k: number): string[][] {
  const sorted = [...new Set(docs)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const folds: string[][] = Array.from({ length: Math.min(k, sorted.length) }, () => []);
  sorted.forEach((d, i) => folds[i % folds.length]!.push(d));
  return folds;
}

/** Codes units with a codebook, as `evaluate` does. */
export function codeUnits(codebook: Codebook, units: readonly FitUnit[]): CodedUnit[] {
  const compiled = compileCodebook(codebook);
  return units.map((u) => {
    const c = codeClause(u.unitId, u.tokens, compiled);
    return { human: u.gold, auto: c.primary, confidence: c.confidence };
  });
}

/**
 * Leave-documents-out cross-validation of a fit: the units' documents go to k folds; each fold is
 * coded by the codebook fitted on the other folds' units, so every figure of `after` is measured on
 * documents the fit did not learn from. Units of one document never sit on both sides.
 */
export function crossValidateFit(codebook: Codebook, units: readonly FitUnit[], k: number, options: FitOptions, learn?: FurtherStep): CrossValidation {
  const folds: FoldResult[] = [];
  // The codebook before any fit codes every unit the same in whichever fold it is held out.
  const before = codeUnits(codebook, units);
  const after: CodedUnit[] = new Array(units.length);
  for (const documents of documentFolds(units.map((u) => u.doc), k)) {
    const held = new Set(documents);
    const train = units.filter((u) => !held.has(u.doc));
    const heldIndex = units.flatMap((u, i) => (held.has(u.doc) ? [i] : []));
    const fit = fitWeights(codebook, train, options);
    const learned = learn ? learn(fit.codebook, train) : { codebook: fit.codebook, added: [] };
    const heldUnits = heldIndex.map((i) => units[i]!);
    const now = codeUnits(learned.codebook, heldUnits);
    heldIndex.forEach((i, j) => {
      after[i] = now[j]!;
    });
    folds.push({ documents, units: heldIndex.length, changes: fit.changes, added: learned.added });
  }
  return { folds, before, after };
}
