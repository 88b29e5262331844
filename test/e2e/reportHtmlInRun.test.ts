import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli.js';
import { REPO_ROOT } from '../sharedDir.js';

/**
 * analyze and recode encode report.html's clauses while they code (ReportClauseBlocks) and reuse the
 * tables they built; `report` reads clauses.csv back and builds the tables again. Both must write
 * the same page, byte for byte, with and without filters, and with duplicates (whose clauses leave
 * clauses.csv but whose document stays on the page).
 */
const work = mkdtempSync(join(tmpdir(), 'policy-code-report-in-run-'));
const cache = join(work, 'cache');
afterAll(() => rmSync(work, { recursive: true, force: true }));
const page = (out: string) => readFileSync(join(work, out, 'report.html'));
const run = (args: string[]) => runCli([...args, '--cache-dir', cache, '--quiet']);

describe('report.html written within a run', () => {
  it('is the page report writes from clauses.csv, for the sample corpus, filtered and not', () => {
    expect(run(['analyze', join(REPO_ROOT, 'corpus'), '--out', join(work, 'run')]).code).toBe(0);
    expect(runCli(['report', join(work, 'run'), '--out', join(work, 'from-csv')]).code).toBe(0);
    expect(page('run').equals(page('from-csv'))).toBe(true);
    // Not an empty page: every clause of clauses.csv is in it.
    const clauses = (parse(readFileSync(join(work, 'run', 'clauses.csv')), { bom: true, columns: true }) as unknown[]).length;
    expect(clauses).toBeGreaterThan(50);
    expect(page('run').toString().match(/"D\d{3}-\d+-\d+"/g)!.length).toBe(clauses);

    expect(run(['analyze', join(REPO_ROOT, 'corpus'), '--out', join(work, 'run-gd'), '--where', 'province=广东']).code).toBe(0);
    expect(runCli(['report', join(work, 'run'), '--out', join(work, 'from-csv-gd'), '--where', 'province=广东']).code).toBe(0);
    expect(page('run-gd').equals(page('from-csv-gd'))).toBe(true);
    expect(page('run-gd').length).toBeLessThan(page('run').length);
  });

  it('is the page report writes when a document is a duplicate, and recode writes it too', () => {
    const corpus = join(REPO_ROOT, 'test', 'fixtures', 'a policy saved as pdf and as txt is counted once');
    expect(run(['analyze', corpus, '--out', join(work, 'dup')]).code).toBe(0);
    expect(readFileSync(join(work, 'dup', 'documents.csv'), 'utf8')).toContain('duplicate');
    expect(run(['recode', '--out', join(work, 'dup')]).code).toBe(0);
    expect(runCli(['report', join(work, 'dup'), '--out', join(work, 'dup-from-csv')]).code).toBe(0);
    expect(page('dup').equals(page('dup-from-csv'))).toBe(true);
  });

  it('leaves no scratch file behind', () => {
    for (const out of ['run', 'run-gd', 'dup']) expect(readdirSync(join(work, out)).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});
