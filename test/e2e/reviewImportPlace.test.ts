import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli.js';
import { REPO_ROOT } from '../sharedDir.js';

/**
 * Issue 12: `review import` run from another folder stores the codes beside the output folder it
 * was given (or in the manual codes file that analysis applied), never in the folder it runs in,
 * and recode run from anywhere applies them. Fixture from scripts/make-table-fixtures.mjs.
 */
const FIVE = join(REPO_ROOT, 'test', 'fixtures', 'five-policies-counted-by-hand');
const CODEBOOK = join(FIVE, 'codebook.yaml');
const tmp = mkdtempSync(join(tmpdir(), 'policy-code-import-place-'));
const project = join(tmp, 'project');
const elsewhere = join(tmp, 'elsewhere');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Row = Record<string, string>;
const run = (cwd: string, ...args: string[]) => runCli([...args, '--codebook', CODEBOOK], cwd, { POLICY_CODE_CACHE_DIR: join(tmp, 'cache') });
const readCsv = (file: string): Row[] => parse(readFileSync(file, 'utf8'), { columns: true, bom: true });
const manualOf = (out: string) => (JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as { rerun: { manual: string | null } }).rerun.manual;

/** A review sheet of `out` with the first two clauses coded by hand (a code other than the automatic one); their ids and codes. */
function filledSheet(out: string, sheet: string): Array<[string, string]> {
  expect(run(elsewhere, 'review', 'export', out, '--out', sheet).code).toBe(0);
  const rows = readCsv(sheet);
  const coded = rows.slice(0, 2).map((r): [string, string] => [r.clause_id!, r.auto_primary === 'taxation' ? 'procurement' : 'taxation']);
  for (const [i, [, code]] of coded.entries()) rows[i]!.coder_primary = code;
  writeFileSync(sheet, stringify(rows, { header: true }));
  return coded;
}

describe('review import stores the codes beside the output folder, wherever it is run from', () => {
  const out = join(project, 'output');
  let coded: Array<[string, string]> = [];

  beforeAll(() => {
    mkdirSync(elsewhere, { recursive: true });
    cpSync(join(FIVE, 'corpus'), join(project, 'corpus'), { recursive: true });
    expect(run(project, 'analyze', 'corpus', '--out', 'output', '-q').code).toBe(0);
    coded = filledSheet(out, join(elsewhere, 'sheet.csv'));
  }, 120_000);

  it('writes codings/manual.csv beside the output folder and nothing in the folder it runs in', () => {
    const r = run(elsewhere, 'review', 'import', 'sheet.csv', '--from', out);
    expect(r.code, r.stderr).toBe(0);
    const manual = join(project, 'codings', 'manual.csv');
    expect(r.stderr).toContain(`2 codes imported`);
    expect(r.stderr).toContain(`${manual} now holds 2 manual codes`);
    expect(readCsv(manual).map((m) => [m.clause_id, m.primary])).toEqual(coded);
    expect(existsSync(join(elsewhere, 'codings'))).toBe(false);
  });

  it('recode from another folder applies them, and records the file in run.json', () => {
    const r = run(elsewhere, 'recode', '--out', out, '-q');
    expect(r.code, r.stderr).toBe(0);
    const clauses = new Map(readCsv(join(out, 'clauses.csv')).map((c) => [c.clause_id!, c]));
    for (const [id, code] of coded) expect([id, clauses.get(id)!.primary, clauses.get(id)!.code_source]).toEqual([id, code, 'manual']);
    expect(manualOf(out)).toBe(join(project, 'codings', 'manual.csv'));
  });

  it('adds to the manual codes file the analysis applied (--manual), not to one beside the output folder', () => {
    const chosen = join(tmp, 'shared-codes', 'manual.csv');
    cpSync(join(project, 'codings', 'manual.csv'), chosen);
    const other = join(tmp, 'other-output');
    expect(run(project, 'analyze', 'corpus', '--manual', chosen, '--out', other, '-q').code).toBe(0);
    expect(manualOf(other)).toBe(chosen);
    const more = filledSheet(other, join(elsewhere, 'more.csv'));
    const r = run(elsewhere, 'review', 'import', 'more.csv', '--from', other);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`${chosen} now holds`);
    expect(readCsv(chosen).map((m) => m.clause_id)).toEqual(expect.arrayContaining(more.map(([id]) => id)));
    expect(existsSync(join(tmp, 'codings'))).toBe(false);
  });
});
