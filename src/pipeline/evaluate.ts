import { compileCodebook } from '../core/coding/compileCodebook.js';
import { codeClause } from '../core/coding/codeClause.js';
import { codebookTerms, type Codebook } from '../core/codebook/Codebook.js';
import { matchedTermsCell } from '../core/coding/describeCoding.js';
import { evaluateCoder, type Evaluation, type EvaluatedUnit } from '../core/reliability/evaluateCoder.js';
import { confidenceTable, confusionTable, evaluationSummaryTable, instrumentScoresTable, wrongUnitsTable } from '../core/reliability/evaluationTables.js';
import { keyTerms, misfiringTerms, type KeyTerm, type MisfiringTerm, type SuggestionUnit } from '../core/reliability/suggestTerms.js';
import type { Table } from '../core/tables/Table.js';
import { round } from '../core/tables/round.js';
import { loadCodebook } from '../io/readCodebook.js';
import { addWords, segment } from '../io/segmenter.js';
import { readGoldUnits } from './readGoldUnits.js';

export interface EvaluateOptions {
  gold: string;
  codebook: string;
  suggest?: { minFrequency: number; top: number };
}

export interface EvaluateResult {
  codebook: Codebook;
  evaluation: Evaluation;
  keyTerms: KeyTerm[];
  misfiring: MisfiringTerm[];
}

/** Codes human-coded units with a codebook, as code-units does, and compares the two. */
export async function evaluate(options: EvaluateOptions): Promise<EvaluateResult> {
  const { codebook } = await loadCodebook(options.codebook);
  const labels = codebook.leaves.map((l) => l.id);
  const gold = await readGoldUnits(options.gold, labels);
  addWords(codebookTerms(codebook));
  const compiled = compileCodebook(codebook);
  const evaluated: EvaluatedUnit[] = [];
  const suggestionUnits: SuggestionUnit[] = [];
  for (const g of gold) {
    const tokens = segment(g.text);
    const coding = codeClause(g.unitId, tokens, compiled);
    const goldCodes = { primary: g.primary, secondary: g.secondary };
    evaluated.push({ unitId: g.unitId, text: g.text, gold: goldCodes, auto: coding.primary, autoCategories: coding.categories, evidence: matchedTermsCell(coding), confidence: coding.confidence });
    suggestionUnits.push({ unitId: g.unitId, tokens, gold: goldCodes, matches: coding.matches });
  }
  const evaluation = evaluateCoder(evaluated, labels);
  if (!options.suggest) return { codebook, evaluation, keyTerms: [], misfiring: [] };
  return {
    codebook,
    evaluation,
    keyTerms: keyTerms(suggestionUnits, new Set(codebookTerms(codebook)), options.suggest),
    misfiring: misfiringTerms(suggestionUnits, { top: options.suggest.top * 3 }),
  };
}

/** The result as tables: summary, per-instrument scores, confusion, errors, and suggestions when asked. */
export function evaluationTables(result: EvaluateResult): Table[] {
  const e = result.evaluation;
  const byConfidence = confidenceTable(e);
  const tables = [evaluationSummaryTable(e), instrumentScoresTable(e), confusionTable(e), ...(byConfidence ? [byConfidence] : []), wrongUnitsTable(e)];
  if (result.keyTerms.length > 0 || result.misfiring.length > 0) {
    tables.push(
      {
        name: 'suggest_terms',
        columns: ['instrument', 'term', 'frequency', 'units', 'other_frequency', 'g2'],
        rows: result.keyTerms.map((k) => [k.label, k.term, k.frequency, k.units, k.otherFrequency, round(k.g2, 2)]),
      },
      {
        name: 'suggest_misfiring',
        columns: ['term', 'category', 'fires', 'wrong', 'human_primary_of_wrong'],
        rows: result.misfiring.map((m) => [m.term, m.category, m.fires, m.wrong, m.humanCodes]),
      },
    );
  }
  return tables;
}

/** Machine-readable result for --json (numbers unrounded, NaN as null). */
export function evaluationJson(result: EvaluateResult): unknown {
  const e = result.evaluation;
  const num = (x: number) => (Number.isFinite(x) ? x : null);
  return {
    codebook: { name: result.codebook.name, version: result.codebook.version },
    units: e.units,
    cohen_kappa: num(e.kappa),
    percent_agreement: num(e.percentAgreement),
    lenient_agreement: num(e.lenientAgreement),
    macro: { precision: num(e.macro.precision), recall: num(e.macro.recall), f1: num(e.macro.f1) },
    micro: { precision: num(e.micro.precision), recall: num(e.micro.recall), f1: num(e.micro.f1) },
    instruments: e.perLabel.map((s) => ({ instrument: s.label, support: s.support, predicted: s.predicted, correct: s.truePositives, precision: num(s.precision), recall: num(s.recall), f1: num(s.f1) })),
    confusion: { labels: e.labels, counts: e.confusion },
    by_confidence: e.byConfidence
      ? [...e.byConfidence.bands, ...e.byConfidence.mostConfident].map((x) => ({ slice: x.slice, units: x.units, min_confidence: num(x.minConfidence), agreement: num(x.agreement), cohen_kappa: num(x.kappa) }))
      : null,
    wrong: e.wrong.map((u) => ({ unit_id: u.unitId, human_primary: u.gold.primary, human_secondary: u.gold.secondary, auto_primary: u.auto, auto_instruments: u.autoCategories, matched_terms: u.evidence, confidence: u.confidence ?? null, text: u.text })),
    ...(result.keyTerms.length || result.misfiring.length
      ? { suggestions: { key_terms: result.keyTerms, misfiring_terms: result.misfiring } }
      : {}),
  };
}
