import { compileCodebook } from '../core/coding/compileCodebook.js';
import { codeClause } from '../core/coding/codeClause.js';
import { codebookTerms } from '../core/codebook/Codebook.js';
import { matchedTermsCell } from '../core/coding/describeCoding.js';
import { UserError } from '../core/errors.js';
import type { Table } from '../core/tables/Table.js';
import type { Coding } from '../core/types.js';
import { readCsvTable } from '../io/readCsvTable.js';
import { loadCodebook } from '../io/readCodebook.js';
import { addWords, segment } from '../io/segmenter.js';

const CODED_UNIT_COLUMNS = ['unit_id', 'primary', 'instruments', 'matched_terms', 'confidence', 'runner_up', 'decided_by'];

export interface Unit {
  unitId: string;
  text: string;
  /** Every column of the input row, as read. */
  row: Record<string, string>;
}

/** Reads a table of pre-cut units (columns unit_id and text; others are kept). */
export async function readUnits(file: string): Promise<{ units: Unit[]; columns: string[] }> {
  const { columns, rows } = await readCsvTable(file, [], { trim: false, strict: true, label: 'units file' });
  for (const need of ['unit_id', 'text']) {
    if (!columns.includes(need)) throw new UserError('input', `${file}: needs a '${need}' column (found: ${columns.join(', ') || 'none'})`);
  }
  const seen = new Set<string>();
  const units = rows.map(({ line, cells: row }) => {
    const unitId = (row.unit_id ?? '').trim();
    if (!unitId) throw new UserError('input', `${file}:${line}: empty unit_id`);
    if (seen.has(unitId)) throw new UserError('input', `${file}:${line}: duplicate unit_id '${unitId}'`);
    seen.add(unitId);
    return { unitId, text: row.text ?? '', row };
  });
  return { units, columns };
}

/** Codes units with a codebook file; loads the segmenter's words once. */
export async function codeUnitsWith(codebookFile: string, units: readonly Unit[]): Promise<Coding[]> {
  const { codebook } = await loadCodebook(codebookFile);
  addWords(codebookTerms(codebook));
  const compiled = compileCodebook(codebook);
  return units.map((u) => codeClause(u.unitId, segment(u.text), compiled));
}

/**
 * The coded-units table: unit_id, primary, instruments, matched_terms, confidence, runner_up,
 * decided_by, then the input's other
 * columns. An input column whose name is taken by an output column is kept as `input_<name>`
 * (dev-units.csv's human `primary` becomes `input_primary`).
 */
export function codedUnitsTable(units: readonly Unit[], columns: readonly string[], codings: readonly Coding[]): Table {
  const carried = columns.filter((c) => c !== 'unit_id');
  const names = carried.map((c) => (CODED_UNIT_COLUMNS.includes(c) ? `input_${c}` : c));
  return {
    name: 'coded-units',
    columns: [...CODED_UNIT_COLUMNS, ...names],
    rows: units.map((u, i) => {
      const c = codings[i]!;
      return [u.unitId, c.primary, c.categories.join(';'), matchedTermsCell(c), c.confidence, c.runnerUp, c.decidedBy, ...carried.map((col) => u.row[col] ?? '')];
    }),
  };
}
