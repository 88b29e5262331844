import { UserError } from '../core/errors.js';
import { unitCodes } from '../core/reliability/parseCodes.js';
import { NONE } from '../core/types.js';
import { readCsvTable } from '../io/readCsvTable.js';

export interface GoldUnit {
  unitId: string;
  /** The unit's document (`doc`, or `doc_id` as in codings/manual.csv); '' when the file has neither. */
  doc: string;
  text: string;
  primary: string;
  secondary: string[];
}

/**
 * Reads human-coded units: `unit_id` (or `clause_id`, as in codings/manual.csv), `text`, `primary`,
 * optional `secondary` and `doc` (or `doc_id`; required with `needDoc`). Rows without a primary are
 * not coded and are left out. Every problem (duplicate ids, codes the codebook does not know) is
 * reported at once.
 */
export async function readGoldUnits(file: string, labels: readonly string[], needDoc = false): Promise<GoldUnit[]> {
  const probe = await readCsvTable(file);
  const idColumn = probe.columns.includes('unit_id') ? 'unit_id' : 'clause_id';
  const docColumn = probe.columns.includes('doc') ? 'doc' : probe.columns.includes('doc_id') ? 'doc_id' : null;
  if (needDoc && !docColumn) throw new UserError('input', `${file}: needs a 'doc' column (the document of each unit; 'doc_id' also works) (found: ${probe.columns.join(', ') || 'none'})`);
  const table = await readCsvTable(file, [idColumn, 'text', 'primary']);
  const known = new Set([...labels, NONE]);
  const problems: string[] = [];
  const seen = new Set<string>();
  const units: GoldUnit[] = [];
  for (const { line, cells } of table.rows) {
    const id = cells[idColumn]!;
    const codes = unitCodes(cells.primary ?? '', cells.secondary ?? '');
    if (!id) problems.push(`${file}:${line}: empty ${idColumn}`);
    else if (seen.has(id)) problems.push(`${file}:${line}: duplicate ${idColumn} '${id}'`);
    seen.add(id);
    if (!codes) continue;
    for (const c of [codes.primary, ...codes.secondary]) {
      if (!known.has(c)) problems.push(`${file}:${line}: unknown code '${c}' (the codebook has: ${[...known].join(', ')})`);
    }
    const doc = docColumn ? (cells[docColumn] ?? '') : '';
    if (needDoc && !doc) problems.push(`${file}:${line}: empty ${docColumn}`);
    units.push({ unitId: id, doc, text: cells.text ?? '', primary: codes.primary, secondary: codes.secondary });
  }
  if (problems.length > 0) throw new UserError('input', `${file}: ${problems.length} problem${problems.length > 1 ? 's' : ''} in the human codes`, problems);
  if (units.length === 0) throw new UserError('input', `${file}: no coded units (every primary is empty)`);
  return units;
}
