import { splitCodes } from '../reliability/parseCodes.js';
import { NONE } from '../types.js';
import { parseMatchedTerms, type Evidence } from '../coding/parseMatchedTerms.js';

/** One row of clauses.csv as the report's clause browser shows it. */
export interface ReportClause {
  id: string;
  docId: string;
  text: string;
  primary: string;
  /** Every code of the clause (the primary among them), in codebook order. */
  codes: string[];
  evidence: Evidence[];
  /** The automatic primary a person's code replaced; null for an automatic code. */
  autoPrimary: string | null;
  manual: boolean;
  /** 0..1 where the coder gives it, else null. */
  confidence: number | null;
  runnerUp: string | null;
  /** The rule or term that decided the primary code, where the coder names it. */
  rule: string;
}

/** Columns that may name the deciding rule (the coder's evidence column, whichever name it has). */
const RULE_COLUMNS = ['decided_by', 'rule', 'deciding_rule'];
/** decided_by when the codebook's terms decided: the page then names those terms instead. */
const BY_TERMS = 'terms';

/**
 * A clauses.csv row, read by column name so that columns a newer coder adds (confidence,
 * runner_up, the deciding rule) appear in the report as soon as clauses.csv has them.
 */
export function reportClauseOf(cells: Readonly<Record<string, string | undefined>>): ReportClause {
  const text = cells.text ?? '';
  const primary = (cells.primary ?? '').trim() || NONE;
  const manual = (cells.code_source ?? '').trim() === 'manual';
  const confidence = Number.parseFloat(cells.confidence ?? '');
  const runnerUp = (cells.runner_up ?? '').trim();
  const autoPrimary = (cells.auto_primary ?? '').trim();
  return {
    id: cells.clause_id ?? '',
    docId: cells.doc_id ?? '',
    text,
    primary,
    codes: splitCodes(cells.instruments ?? ''),
    evidence: parseMatchedTerms(cells.matched_terms ?? '', text),
    autoPrimary: manual && autoPrimary ? autoPrimary : null,
    manual,
    confidence: Number.isFinite(confidence) ? confidence : null,
    runnerUp: runnerUp && runnerUp !== NONE ? runnerUp : null,
    rule: RULE_COLUMNS.map((c) => (cells[c] ?? '').trim()).find((r) => r && r !== BY_TERMS) ?? '',
  };
}
