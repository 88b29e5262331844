import type { Table } from '../tables/Table.js';
import { round } from '../tables/round.js';
import type { Evaluation } from './evaluateCoder.js';

const r3 = (x: number) => round(x, 3);

/** Headline figures: one row per measure. */
export function evaluationSummaryTable(e: Evaluation): Table {
  return {
    name: 'evaluation',
    columns: ['measure', 'value'],
    rows: [
      ['units', e.units],
      ['cohen_kappa', r3(e.kappa)],
      ['percent_agreement', r3(e.percentAgreement)],
      ['macro_precision', r3(e.macro.precision)],
      ['macro_recall', r3(e.macro.recall)],
      ['macro_f1', r3(e.macro.f1)],
      ['micro_precision', r3(e.micro.precision)],
      ['micro_recall', r3(e.micro.recall)],
      ['micro_f1', r3(e.micro.f1)],
      ['lenient_agreement (auto primary = human primary or secondary)', r3(e.lenientAgreement)],
    ],
  };
}

/** Precision, recall and F1 per instrument, then the macro and micro averages. */
export function instrumentScoresTable(e: Evaluation): Table {
  return {
    name: 'evaluation_instruments',
    columns: ['instrument', 'support', 'predicted', 'correct', 'precision', 'recall', 'f1'],
    rows: [
      ...e.perLabel.map((s) => [s.label, s.support, s.predicted, s.truePositives, r3(s.precision), r3(s.recall), r3(s.f1)]),
      ['macro average', '', '', '', r3(e.macro.precision), r3(e.macro.recall), r3(e.macro.f1)],
      ['micro average', e.perLabel.reduce((a, s) => a + s.support, 0), e.perLabel.reduce((a, s) => a + s.predicted, 0), e.perLabel.reduce((a, s) => a + s.truePositives, 0), r3(e.micro.precision), r3(e.micro.recall), r3(e.micro.f1)],
    ],
  };
}

/** Human primary (rows) by automatic primary (columns), with totals. */
export function confusionTable(e: Evaluation): Table {
  const used = e.labels.map((_, i) => e.confusion[i]!.some((n) => n > 0) || e.confusion.some((row) => row[i]! > 0));
  const keep = e.labels.map((l, i) => ({ l, i })).filter(({ i }) => used[i]);
  return {
    name: 'evaluation_confusion',
    columns: ['human \\ auto', ...keep.map(({ l }) => l), 'total'],
    rows: [
      ...keep.map(({ l, i }) => [l, ...keep.map(({ i: j }) => e.confusion[i]![j]!), e.confusion[i]!.reduce((a, b) => a + b, 0)]),
      ['total', ...keep.map(({ i: j }) => e.confusion.reduce((a, row) => a + row[j]!, 0)), e.units],
    ],
  };
}

/** The units the coder gets wrong, with the evidence it used, for codebook work. */
export function wrongUnitsTable(e: Evaluation): Table {
  return {
    name: 'evaluation_errors',
    columns: ['unit_id', 'human_primary', 'human_secondary', 'auto_primary', 'auto_instruments', 'matched_terms', 'text'],
    rows: e.wrong.map((u) => [u.unitId, u.gold.primary, u.gold.secondary.join(';'), u.auto, u.autoCategories.join(';'), u.evidence, u.text]),
  };
}

/** Agreement by confidence band and for the most confident shares of the units. */
export function confidenceTable(e: Evaluation): Table | null {
  if (!e.byConfidence) return null;
  const { bands, mostConfident } = e.byConfidence;
  return {
    name: 'evaluation_confidence',
    columns: ['units_by_confidence', 'units', 'min_confidence', 'agreement', 'cohen_kappa'],
    rows: [...bands, ...mostConfident].map((s) => [s.slice, s.units, r3(s.minConfidence), r3(s.agreement), r3(s.kappa)]),
  };
}
