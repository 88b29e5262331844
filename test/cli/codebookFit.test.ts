import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli.js';
import { REPO_ROOT, SHARED_MISSING, sharedDir } from '../sharedDir.js';

const CASE = join(REPO_ROOT, 'test', 'fixtures', 'a-fit-learns-that-money-beside-a-plan-is-the-plan');
const BOOK = join(CASE, 'codebook.yaml');
const tmp = mkdtempSync(join(tmpdir(), 'policy-code-fit-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const run = (...args: string[]) => runCli(args, tmp);

describe('codebook fit', () => {
  it('writes a new version with the changed weight marked, which loads, validates and recodes in codebook diff', () => {
    const r = run('codebook', 'fit', BOOK, join(CASE, 'codes.csv'), '--out', 'fit.yaml', '--folds', '2');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('money-and-plans 1.0.0 fitted on 7 units of 5 documents: 1 change (training units coded right 3 -> 6)');
    expect(r.stdout).toContain('keyword 资金 (financial): 1 -> 0.5, net +3 units (fixed F01 F02 F03) in 3 documents; made by 1 of 2 fold fits');
    expect(r.stdout).toMatch(/held out: 2-fold cross-validation by document +7 +\d\.\d{3} -> \d\.\d{3}/);
    const text = readFileSync(join(tmp, 'fit.yaml'), 'utf8');
    expect(text).toContain('- { term: 资金, weight: 0.5 }  # money in general; fit: 1 -> 0.5, net +3 units (3 fixed, 0 broken) in 3 documents');
    // 标准 would fix one unit only (F05): below the default minimum gain of 2.
    expect(text).toContain('keywords: [标准]\n');
    expect(run('codebook', 'check', 'fit.yaml').stdout).toContain('fit.yaml: ok (money-and-plans 1.0.0-fit.1, 3 categories');
    const diff = run('codebook', 'diff', BOOK, 'fit.yaml', join(CASE, 'corpus'), '-q');
    expect(diff.code).toBe(0);
    expect(diff.stdout).toContain('money-and-plans 1.0.0 -> money-and-plans 1.0.0-fit.1: 2 of 4 clauses change codes');
    expect(diff.stdout).toMatch(/financial \[financial;strategic\] -> strategic \[financial;strategic\]/);
  });

  it('gives byte-identical output for the same input', () => {
    const a = run('codebook', 'fit', BOOK, join(CASE, 'codes.csv'), '--out', 'a.yaml', '--min-gain', '1', '--min-docs', '1');
    const b = run('codebook', 'fit', BOOK, join(CASE, 'codes.csv'), '--out', 'b.yaml', '--min-gain', '1', '--min-docs', '1');
    expect(a.code).toBe(0);
    expect(b.stdout.replace('b.yaml', 'a.yaml')).toBe(a.stdout);
    expect(readFileSync(join(tmp, 'b.yaml'), 'utf8')).toBe(readFileSync(join(tmp, 'a.yaml'), 'utf8'));
    // With a minimum gain of 1 in 1 document, raising 标准 (one unit) is made too.
    expect(a.stdout).toContain('keyword 标准 (legal_regulatory): 1 -> 2');
  });

  const bad: Array<[string, string[], RegExp]> = [
    ['a gold file without a doc column', [join(CASE, 'no-doc-column.csv')], /needs a 'doc' column/],
    ['codes the codebook does not know', [join(CASE, 'unknown-codes.csv')], /2 problems in the human codes\n {2}.*unknown-codes\.csv:2: unknown code 'strategy'/],
    ['no coded unit', [join(CASE, 'no-coded-units.csv')], /no coded units/],
    ['the same unit in two gold files', [join(CASE, 'codes.csv'), join(CASE, 'codes.csv')], /unit 'F01' is in both/],
    ['a gold file that is not there', ['nothere.csv'], /file not found: nothere\.csv/],
    ['a grid that is not numbers', [join(CASE, 'codes.csv'), '--grid', '1,a'], /--grid takes weights/],
  ];
  for (const [what, args, message] of bad) {
    it(`refuses ${what} in one clear message (exit 2) and writes nothing`, () => {
      const r = run('codebook', 'fit', BOOK, ...args, '--out', 'bad.yaml');
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^policy-code: error: /);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/^\s+at /m);
      expect(existsSync(join(tmp, 'bad.yaml'))).toBe(false);
    });
  }

  it('does not write over the codebook it starts from', () => {
    const r = run('codebook', 'fit', BOOK, join(CASE, 'codes.csv'), '--out', BOOK);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is the codebook itself');
  });
});

const shared = sharedDir();
if (!shared) console.warn(`codebookFit.test: ${SHARED_MISSING}`);

describe.skipIf(!shared)('codebook fit on the development gold sets of ../shared/gold', () => {
  it('prints for the other set the figures that evaluate gives for the written codebook', () => {
    const out = join(tmp, 'dev-fit.yaml');
    const dev2 = join(shared!, 'gold', 'dev2-units.csv');
    const r = run('codebook', 'fit', join(REPO_ROOT, 'codebooks', 'rothwell-zegveld.zh.yaml'), join(shared!, 'gold', 'dev-units.csv'), '--check', dev2, '--folds', '0', '--out', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const row = r.stdout.split('\n').find((l) => l.startsWith(`held out: ${dev2}`))!;
    const [, before, after] = /274 +(\d\.\d{3}) -> (\d\.\d{3})/.exec(row)!;
    const kappa = (book: string) => (JSON.parse(run('evaluate', dev2, '--codebook', book, '--json').stdout) as { cohen_kappa: number }).cohen_kappa.toFixed(3);
    expect(kappa(join(REPO_ROOT, 'codebooks', 'rothwell-zegveld.zh.yaml'))).toBe(before);
    expect(kappa(out)).toBe(after);
  });
});
