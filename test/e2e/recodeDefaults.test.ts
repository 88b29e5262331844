import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli.js';
import { REPO_ROOT } from '../sharedDir.js';

/**
 * Issue 13: `recode --out DIR` run from another folder takes the codebooks, metadata, manual codes
 * and unit of the run in DIR (its run.json), and names the codebook it used. Fixture from
 * scripts/make-table-fixtures.mjs.
 */
const FIVE = join(REPO_ROOT, 'test', 'fixtures', 'five-policies-counted-by-hand');
const tmp = mkdtempSync(join(tmpdir(), 'policy-code-recode-defaults-'));
const project = join(tmp, 'project');
const elsewhere = join(tmp, 'elsewhere');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Row = Record<string, string>;
const run = (cwd: string, ...args: string[]) => runCli(args, cwd, { POLICY_CODE_CACHE_DIR: join(tmp, 'cache') });
const readCsv = (file: string): Row[] => parse(readFileSync(file, 'utf8'), { columns: true, bom: true });
interface RunJson {
  codebook: { name: string; version: string; sha256: string };
  unit: string;
  manual: { applied: number };
  metadata: { sha256: string } | null;
}
const runJson = (dir: string) => JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')) as RunJson;

describe('recode takes its defaults from the run in --out', () => {
  let first: RunJson;
  beforeAll(() => {
    mkdirSync(join(project, 'codings'), { recursive: true });
    mkdirSync(elsewhere);
    cpSync(join(FIVE, 'corpus'), join(project, 'corpus'), { recursive: true });
    // An edited codebook: another version, and 做好 counted as procurement.
    const edited = readFileSync(join(FIVE, 'codebook.yaml'), 'utf8').replace(/^version: .*$/m, 'version: 2.0.0-edited').replace('keywords: [政府采购]', 'keywords: [政府采购, 做好]');
    writeFileSync(join(project, 'edited.yaml'), edited);
    expect(run(project, 'analyze', 'corpus', '--codebook', 'edited.yaml', '--unit', 'sentence', '--out', 'out', '-q').code).toBe(0);
    // One manual code, as review import writes it.
    const documents = new Map(readCsv(join(project, 'out', 'documents.csv')).map((d) => [d.doc_id!, d]));
    const c = readCsv(join(project, 'out', 'clauses.csv')).find((r) => r.primary === 'financial')!;
    const doc = documents.get(c.doc_id!)!;
    writeFileSync(join(project, 'codings', 'manual.csv'), `clause_id,doc_id,file,text_sha256,primary,secondary,comment,text,doc_sha256\n${c.clause_id},${c.doc_id},${doc.file},,taxation,,,${c.text},${doc.sha256}\n`);
    expect(run(project, 'analyze', 'corpus', '--codebook', 'edited.yaml', '--unit', 'sentence', '--out', 'out', '-q').code).toBe(0);
    first = runJson(join(project, 'out'));
    expect(first.manual.applied).toBe(1);
  }, 120_000);

  it('from another folder, recodes with the same codebook, metadata, manual codes and unit, and names the codebook', () => {
    const r = run(elsewhere, 'recode', '--out', join(project, 'out'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`recode: codebook table-fixture 2.0.0-edited (${join(project, 'edited.yaml')}), unit sentence`);
    expect(r.stderr).toContain(`1 manual codes applied from ${join(project, 'codings', 'manual.csv')}`);
    const again = runJson(join(project, 'out'));
    expect([again.codebook.sha256, again.unit, again.manual.applied, again.metadata?.sha256]).toEqual([first.codebook.sha256, 'sentence', 1, first.metadata?.sha256]);
    expect(readCsv(join(project, 'out', 'clauses.csv')).filter((c) => c.code_source === 'manual')).toHaveLength(1);
  });

  it('uses another codebook or unit only when asked for', () => {
    const r = run(elsewhere, 'recode', '--out', join(project, 'out'), '--codebook', join(FIVE, 'codebook.yaml'), '--unit', 'item');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`recode: codebook table-fixture 1.0.0 (${join(FIVE, 'codebook.yaml')}), unit item`);
    expect(runJson(join(project, 'out')).unit).toBe('item');
  });
});
