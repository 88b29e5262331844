import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli.js';
import { sharedDir } from '../sharedDir.js';

/**
 * Issue 13: manual codes are keyed by content (the document's sha256 and the clause text), so they
 * survive documents added, removed and renamed and a change of unit. Real documents of ../shared/corpus.
 */
const shared = sharedDir();
const FILES = ['rx_liaoning_shenyang_youth_employment.txt', 'rx_neimenggu_stabilize_realestate.txt', 'sd_12_digital_economy_parks_interim_measures.txt'];
const ADDED = 'med_nhc_2018_internet_diagnosis_rules.txt';
const present = shared !== null && [...FILES, ADDED].every((f) => existsSync(join(shared, 'corpus', f)));
if (!present) console.warn('manualCodesFollowContent.test: skipped, ../shared/corpus is not beside the repository');

const tmp = mkdtempSync(join(tmpdir(), 'policy-code-manual-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Row = Record<string, string>;
const run = (...args: string[]) => runCli(args, tmp, { POLICY_CODE_CACHE_DIR: join(tmp, 'cache') });
const readCsv = (file: string): Row[] => parse(readFileSync(join(tmp, file), 'utf8'), { columns: true, bom: true });
const flat = (s: string) => s.replace(/\s+/g, '');
/** The clauses of a run that carry a manual code, as [file, text, primary]. */
function manualRows(out: string): Array<[string, string, string]> {
  const files = new Map(readCsv(`${out}/documents.csv`).map((d) => [d.doc_id!, d.file!]));
  return readCsv(`${out}/clauses.csv`)
    .filter((c) => c.code_source === 'manual')
    .map((c) => [files.get(c.doc_id!)!, flat(c.text!), c.primary!]);
}

describe.skipIf(!present)('manual codes follow the content of documents and clauses', () => {
  let coded: Row[] = [];
  const codedAs = (file: string) => coded.filter((c) => c.file === file).map((c) => [file, flat(c.text!), c.coder_primary!]);

  beforeAll(() => {
    mkdirSync(join(tmp, 'corpus'));
    for (const f of FILES) copyFileSync(join(shared!, 'corpus', f), join(tmp, 'corpus', f));
    expect(run('analyze', 'corpus', '--unit', 'sentence', '--out', 'first', '-q').code).toBe(0);
    expect(run('review', 'export', 'first', '--out', 'sheet.csv').code).toBe(0);
    // Four clauses of each document coded by hand: 'overseas', a code the automatic coder rarely gives.
    const sheet = readCsv('sheet.csv');
    const picked = FILES.flatMap((f) => sheet.filter((r) => r.file === f && r.auto_primary !== 'overseas').filter((_, i) => i % 3 === 1).slice(0, 4));
    for (const r of picked) r.coder_primary = 'overseas';
    const cols = Object.keys(sheet[0]!);
    writeFileSync(join(tmp, 'filled.csv'), [cols.join(','), ...sheet.map((r) => cols.map((k) => `"${(r[k] ?? '').replace(/"/g, '""')}"`).join(','))].join('\n') + '\n');
    const imp = run('review', 'import', 'filled.csv', '--from', 'first');
    expect(imp.code, imp.stderr).toBe(0);
    coded = picked;
    expect(coded).toHaveLength(12);
  }, 180_000);

  it('are applied after a document is added before the others (every clause id moves)', () => {
    copyFileSync(join(shared!, 'corpus', ADDED), join(tmp, 'corpus', `0-${ADDED}`));
    const r = run('analyze', 'corpus', '--unit', 'sentence', '--out', 'added');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('12 manual codes applied');
    expect(r.stderr).not.toContain('not applied');
    expect(manualRows('added').sort()).toEqual(FILES.flatMap(codedAs).sort());
    // The ids did move: the first document of the corpus is now the added one.
    expect(readCsv('added/documents.csv')[0]!.file).toBe(`0-${ADDED}`);
  });

  it('are applied after a document is renamed', () => {
    renameSync(join(tmp, 'corpus', FILES[1]!), join(tmp, 'corpus', 'renamed.txt'));
    const r = run('analyze', 'corpus', '--unit', 'sentence', '--out', 'renamed', '-q');
    expect(r.code, r.stderr).toBe(0);
    const expected = FILES.flatMap(codedAs).map(([f, t, p]) => [f === FILES[1] ? 'renamed.txt' : f, t, p]);
    expect(manualRows('renamed').sort()).toEqual(expected.sort());
  });

  it('are placed on the items that hold the coded sentences after a change of unit', () => {
    const r = run('analyze', 'corpus', '--unit', 'item', '--out', 'items');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('12 manual codes applied');
    const items = manualRows('items');
    for (const [, text] of coded.map((c) => [c.file, flat(c.text!)])) expect(items.some(([, t]) => t.includes(text!))).toBe(true);
    expect(items.every(([, , p]) => p === 'overseas')).toBe(true);
  });

  it('are listed with file and text, and exit 1, when their document is removed', () => {
    rmSync(join(tmp, 'corpus', FILES[2]!));
    const r = run('analyze', 'corpus', '--unit', 'sentence', '--out', 'removed', '-q');
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line).toMatch(new RegExp(`^manual code D\\d+-\\S+ not applied \\(${FILES[2]}: ".+"\\): no document in this run has the content it was coded on`));
    expect(manualRows('removed')).toHaveLength(8);
    const runJson = JSON.parse(readFileSync(join(tmp, 'removed', 'run.json'), 'utf8')) as { manual: { applied: number; not_applied: Array<{ file: string; text: string }> } };
    expect(runJson.manual.applied).toBe(8);
    expect(runJson.manual.not_applied.map((n) => n.file)).toEqual([FILES[2], FILES[2], FILES[2], FILES[2]]);
  });
});
