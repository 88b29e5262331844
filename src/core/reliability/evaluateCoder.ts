import { NONE } from '../types.js';
import { agreementByConfidence } from './agreementByConfidence.js';
import { cohenKappa, percentAgreement } from './agreementCoefficients.js';
import type { UnitCodes } from './agreementReport.js';

/** One unit as the human coded it and as the automatic coder coded it. */
export interface EvaluatedUnit {
  unitId: string;
  text: string;
  gold: UnitCodes;
  /** The automatic coder's primary code (`none` when nothing matched). */
  auto: string;
  /** Every category the automatic coder found, and the matched terms as one cell (the evidence). */
  autoCategories: string[];
  evidence: string;
  /** The coder's confidence in its primary (0..1); absent for coders that give none. */
  confidence?: number;
}

export interface LabelScore {
  label: string;
  /** Units whose human primary is this label. */
  support: number;
  /** Units whose automatic primary is this label. */
  predicted: number;
  truePositives: number;
  /** NaN when nothing was predicted (or nothing is there to find). */
  precision: number;
  recall: number;
  f1: number;
}

export interface Averages {
  precision: number;
  recall: number;
  f1: number;
}

export interface Evaluation {
  units: number;
  /** Rows and columns of the confusion table: codebook labels, then any other label seen, then `none`. */
  labels: string[];
  /** confusion[i][j]: units with human primary labels[i] and automatic primary labels[j]. */
  confusion: number[][];
  /** Cohen's kappa of the automatic primary against the human primary. */
  kappa: number;
  percentAgreement: number;
  /**
   * Share of units whose automatic primary is the human primary or one of the human secondary
   * codes: a lenient figure to read beside the strict one, never instead of it.
   */
  lenientAgreement: number;
  /** Per instrument (every label but `none`) seen in the human or the automatic codes. */
  perLabel: LabelScore[];
  /** Unweighted mean over perLabel; an undefined precision or recall counts as 0 (as scikit-learn does). */
  macro: Averages;
  /** Pooled over instruments, `none` left out: how well the coder finds and names instruments. */
  micro: Averages;
  /** Units whose automatic primary differs from the human primary, in input order. */
  wrong: EvaluatedUnit[];
  /** Agreement by confidence band and for the most confident shares; null when the coder gives no confidence. */
  byConfidence: ReturnType<typeof agreementByConfidence> | null;
}

function f1(p: number, r: number): number {
  if (Number.isNaN(p) || Number.isNaN(r)) return NaN;
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

const zeroIfNaN = (x: number) => (Number.isNaN(x) ? 0 : x);

/** Compares the automatic coder's primary codes with human codes, unit by unit. */
export function evaluateCoder(units: readonly EvaluatedUnit[], codebookLabels: readonly string[]): Evaluation {
  const seen = new Set(units.flatMap((u) => [u.gold.primary, u.auto]));
  const labels = [
    ...codebookLabels.filter((l) => l !== NONE),
    ...[...seen].filter((l) => l !== NONE && !codebookLabels.includes(l)).sort(),
    NONE,
  ];
  const index = new Map(labels.map((l, i) => [l, i]));
  const confusion = labels.map(() => labels.map(() => 0));
  for (const u of units) confusion[index.get(u.gold.primary)!]![index.get(u.auto)!]!++;

  const perLabel: LabelScore[] = [];
  labels.forEach((label, i) => {
    if (label === NONE) return;
    const support = confusion[i]!.reduce((a, b) => a + b, 0);
    const predicted = confusion.reduce((a, row) => a + row[i]!, 0);
    if (support === 0 && predicted === 0) return;
    const tp = confusion[i]![i]!;
    const precision = predicted === 0 ? NaN : tp / predicted;
    const recall = support === 0 ? NaN : tp / support;
    perLabel.push({ label, support, predicted, truePositives: tp, precision, recall, f1: f1(precision, recall) });
  });
  const mean = (xs: number[]) => (xs.length === 0 ? NaN : xs.reduce((a, b) => a + b, 0) / xs.length);
  const macro = {
    precision: mean(perLabel.map((s) => zeroIfNaN(s.precision))),
    recall: mean(perLabel.map((s) => zeroIfNaN(s.recall))),
    f1: mean(perLabel.map((s) => zeroIfNaN(s.f1))),
  };
  const tp = perLabel.reduce((a, s) => a + s.truePositives, 0);
  const predicted = perLabel.reduce((a, s) => a + s.predicted, 0);
  const support = perLabel.reduce((a, s) => a + s.support, 0);
  const microP = predicted === 0 ? NaN : tp / predicted;
  const microR = support === 0 ? NaN : tp / support;

  const pairs = units.map((u) => [u.gold.primary, u.auto]);
  const lenient = units.filter((u) => u.auto === u.gold.primary || u.gold.secondary.includes(u.auto)).length;
  return {
    units: units.length,
    labels,
    confusion,
    kappa: cohenKappa(pairs).value,
    percentAgreement: percentAgreement(pairs).value,
    lenientAgreement: units.length === 0 ? NaN : lenient / units.length,
    perLabel,
    macro,
    micro: { precision: microP, recall: microR, f1: f1(microP, microR) },
    wrong: units.filter((u) => u.auto !== u.gold.primary),
    byConfidence: units.length > 0 && units.every((u) => u.confidence !== undefined)
      ? agreementByConfidence(units.map((u) => ({ human: u.gold.primary, auto: u.auto, confidence: u.confidence! })))
      : null,
  };
}
