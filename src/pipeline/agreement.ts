import { UserError } from '../core/errors.js';
import { agreementReport, type AgreementReport, type CoderCodes, type UnitCodes } from '../core/reliability/agreementReport.js';
import { unitCodes } from '../core/reliability/parseCodes.js';
import { NONE } from '../core/types.js';
import type { Table } from '../core/tables/Table.js';
import { round } from '../core/tables/round.js';
import { readSheet } from '../io/readSheet.js';
import { loadCodebook } from '../io/readCodebook.js';

/**
 * Reads one coder's codes from a .csv or .xlsx file: `unit_id` (or `clause_id`), `primary`, optional
 * `secondary`, or a filled review sheet (`coder_primary`, `coder_secondary`). A row with an empty
 * primary is a missing value, as is a unit the file does not list. With `known` (a codebook's
 * codes), any other code is a problem.
 */
async function readCoderCodes(file: string, known: ReadonlySet<string> | null): Promise<CoderCodes> {
  const table = await readSheet(file);
  const has = (c: string) => table.columns.includes(c);
  const idColumn = has('unit_id') ? 'unit_id' : 'clause_id';
  const review = !has('primary') && has('coder_primary');
  const primaryColumn = review ? 'coder_primary' : 'primary';
  const secondaryColumn = review ? 'coder_secondary' : 'secondary';
  const missing = [idColumn, primaryColumn].filter((c) => !has(c));
  if (missing.length > 0) throw new UserError('input', `${file}: needs the columns unit_id (or clause_id) and primary (or coder_primary); found: ${table.columns.join(', ') || 'none'}`);
  const codes = new Map<string, UnitCodes>();
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const { line, cells } of table.rows) {
    const id = (cells[idColumn] ?? '').trim();
    if (!id) {
      problems.push(`${file}:${line}: empty ${idColumn}`);
      continue;
    }
    if (seen.has(id)) problems.push(`${file}:${line}: duplicate ${idColumn} '${id}'`);
    seen.add(id);
    const c = unitCodes(cells[primaryColumn] ?? '', cells[secondaryColumn] ?? '');
    // A misspelt code would be a category of its own and lower the agreement without a word.
    for (const code of c && known ? [c.primary, ...c.secondary] : []) {
      if (!known!.has(code)) problems.push(`${file}:${line}: unknown code '${code}' (the codebook has: ${[...known!].join(', ')})`);
    }
    if (c) codes.set(id, c);
  }
  if (problems.length > 0) throw new UserError('input', `${file}: ${problems.length} problem${problems.length > 1 ? 's' : ''}`, problems);
  // An unfilled review sheet: agreement of nothing would print a table of empty cells and exit 0.
  if (codes.size === 0) throw new UserError('input', `${file}: no unit has a code (${primaryColumn} is empty in every row): nothing to compare`);
  return codes;
}

/** Agreement of the coders in `files`; categories in codebook order when a codebook is given. */
export async function agreement(files: readonly string[], codebookFile?: string): Promise<AgreementReport> {
  if (files.length < 2) throw new UserError('usage', 'agreement needs the files of at least two coders');
  const order = codebookFile ? (await loadCodebook(codebookFile)).codebook.leaves.map((l) => l.id) : [];
  const known = codebookFile ? new Set([...order, NONE]) : null;
  const coders = await Promise.all(files.map((f) => readCoderCodes(f, known)));
  const report = agreementReport(coders, order);
  // Without a unit two coders both coded, every coefficient is undefined: a table of empty cells
  // and exit 0 would hide that the files do not describe the same units (ids of another sample).
  if (report.rows[0]!.pairableUnits === 0) {
    const sample = (c: CoderCodes) => [...c.keys()].slice(0, 3).join(', ') + (c.size > 3 ? ', …' : '');
    throw new UserError('input', `no unit id is coded in two of the files, nothing to compare (${files.map((f, i) => `${f}: ${sample(coders[i]!)}`).join('; ')})`);
  }
  return report;
}

export function agreementTable(report: AgreementReport): Table {
  const r3 = (x: number) => round(x, 3);
  return {
    name: 'agreement',
    columns: ['scope', 'units_pairable', 'units_complete', 'codings', 'percent_agreement', 'holsti', 'cohen_kappa', 'fleiss_kappa', 'krippendorff_alpha'],
    rows: report.rows.map((r) => [
      r.scope === 'primary' ? 'primary code' : r.scope,
      r.pairableUnits,
      r.completeUnits,
      r.scope === 'primary' ? '' : r.codings,
      r3(r.percentAgreement),
      r3(r.holsti),
      r3(r.cohenKappa),
      r3(r.fleissKappa),
      r3(r.krippendorffAlpha),
    ]),
  };
}

export function agreementJson(report: AgreementReport, files: readonly string[]): unknown {
  const num = (x: number) => (Number.isFinite(x) ? x : null);
  return {
    coders: files,
    units: report.units,
    results: report.rows.map((r) => ({
      scope: r.scope,
      units_pairable: r.pairableUnits,
      units_complete: r.completeUnits,
      ...(r.scope === 'primary' ? {} : { codings: r.codings }),
      percent_agreement: num(r.percentAgreement),
      holsti: num(r.holsti),
      cohen_kappa: num(r.cohenKappa),
      fleiss_kappa: num(r.fleissKappa),
      krippendorff_alpha: num(r.krippendorffAlpha),
    })),
  };
}
