import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gbk, writeBadInputFolder } from '../../scripts/make-bad-input-fixtures.mjs';
import { runCli, startCli, type CliResult } from '../cli.js';
import { REPO_ROOT } from '../sharedDir.js';

// Inputs a new user gets wrong (docs/bad-input.md): each gives one line that says what and where,
// no stack trace, and the exit code of src/cli/exitCodes.ts; fixtures from scripts/make-bad-input-fixtures.mjs.
const work = mkdtempSync(join(tmpdir(), 'policy-code-bad-input-'));
const CODEBOOK = join(REPO_ROOT, 'codebooks', 'rothwell-zegveld.zh.yaml');
const run = (...args: string[]) => runCli(args, work);
beforeAll(() => writeBadInputFolder(work));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A usage or input error: exit 2, one line on stderr, no stack trace. */
function oneLineError(r: CliResult, pattern: RegExp): void {
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.code).toBe(2);
}

describe('-o - is standard output for one table and refused for folders and kept files', () => {
  it('code-units, kwic, agreement and codebook diff write their table to standard output, and no file named -', () => {
    const units = run('code-units', 'units.csv', '-o', '-');
    expect(units.code).toBe(0);
    expect(units.stdout).toMatch(/^unit_id,primary,instruments/);
    const kwic = run('kwic', '补贴', 'corpus', '-o', '-', '--quiet');
    expect(kwic.code).toBe(0);
    expect(kwic.stdout).toMatch(/^clause_id,file,start,left,term,right/);
    expect(kwic.stdout.trim().split('\n')).toHaveLength(2);
    // The listing a user reads moves to standard error, so that the pipe carries only the table.
    expect(kwic.stderr).toMatch(/补贴: 1 occurrence on word boundaries/);
    const agreement = run('agreement', 'units.csv', 'units.csv', '-o', '-');
    expect(agreement.code).toBe(0);
    expect(agreement.stdout).toMatch(/^scope,units_pairable/);
    const diff = run('codebook', 'diff', CODEBOOK, CODEBOOK, 'corpus', '--counts-csv', '-', '--quiet');
    expect(diff.code).toBe(0);
    expect(diff.stdout).toMatch(/^category,label,before,after,change,gained,lost\n/);
    expect(diff.stderr).toMatch(/0 of \d+ clauses change codes/);
    expect(existsSync(join(work, '-'))).toBe(false);
  });

  it('two outputs cannot both be standard output', () => {
    oneLineError(run('agreement', 'units.csv', 'units.csv', '-o', '-', '--json'), /--json and --out - both write to standard output/);
  });

  it.each([
    ['analyze', 'corpus'],
    ['extract', 'corpus'],
    ['recode', 'corpus'],
    ['evaluate', 'units.csv'],
    ['review', 'export', 'nowhere'],
  ])('%s refuses -o - before it reads anything, and writes no file or folder named -', (...args) => {
    oneLineError(run(...args, '-o', '-'), /--out -: .* give a (folder|file) name instead of -/);
    expect(existsSync(join(work, '-'))).toBe(false);
  });
});

describe('an output path that cannot be written is one line, exit 2', () => {
  it.each([
    ['code-units', 'units.csv', '-o', 'a-file/coded.csv'],
    ['agreement', 'units.csv', 'units.csv', '-o', 'a-file/agreement.csv'],
    ['kwic', '补贴', 'corpus', '-o', 'a-file/kwic.csv', '--quiet'],
  ])('%s -o under a file names the path and says why', (...args) => {
    const r = run(...args);
    oneLineError(r, /cannot write a-file\/\w+\.csv: a file of that name is in the way of a folder/);
  });

  it('code-units -o a folder says that it is a folder', () => {
    oneLineError(run('code-units', 'units.csv', '-o', 'corpus'), /cannot write corpus: it is a folder, not a file/);
    expect(readdirSync(join(work, 'corpus')).sort()).toEqual(['notice-ban.txt', 'notice-subsidy.txt']);
  });

  it('analyze -o a file says that a file is in the way', () => {
    oneLineError(run('analyze', 'corpus', '-o', 'a-file', '--quiet'), /cannot create the output folder a-file: a file of that name is in the way of a folder/);
  });
});

describe('a hostile or broken codebook is a codebook problem, exit 2', () => {
  it('an alias bomb (billion laughs) is refused in one problem, by codebook check and by analyze', () => {
    for (const args of [['codebook', 'check', 'alias-bomb.yaml'], ['analyze', 'corpus', '-c', 'alias-bomb.yaml', '-o', 'out-bomb', '--quiet']]) {
      const r = run(...args);
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
      expect(r.stderr).toMatch(/invalid codebook alias-bomb\.yaml \(1 problem\)\n {2}alias-bomb\.yaml: YAML aliases expand too far/);
    }
  });

  it('binary noise as a codebook shows the syntax error in a line of bounded width', () => {
    const r = run('codebook', 'check', 'noise.csv');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/noise\.csv:\d+:\d+: YAML syntax/);
    for (const line of r.stderr.trimEnd().split('\n')) expect([...line].length).toBeLessThanOrEqual(120);
  });
});

describe('tables a person made: GBK, empty rows, noise, a folder', () => {
  it('code-units and evaluate read a units table saved in GBK (Excel on a Chinese Windows) as Chinese, not as replacement characters', () => {
    const coded = run('code-units', 'units-gbk.csv');
    expect(coded.code).toBe(0);
    const rows = parse(coded.stdout, { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => [r.unit_id, r.primary, r.text])).toEqual([
      ['u1', 'financial', '对小微企业给予财政补贴。'],
      ['u2', 'legal_regulatory', '禁止销售假药劣药。'],
    ]);
    const evaluated = run('evaluate', 'units-gbk.csv', '--json');
    expect(evaluated.code).toBe(0);
    expect(JSON.parse(evaluated.stdout)).toMatchObject({ units: 2, percent_agreement: 1 });
  });

  it("Excel's 'Unicode text' (UTF-16 with tabs) is read as a table", () => {
    const r = run('code-units', 'units-excel-unicode.txt');
    expect(r.code).toBe(0);
    const rows = parse(r.stdout, { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((row) => [row.unit_id, row.primary, row.text])).toEqual([
      ['u1', 'financial', '对小微企业给予财政补贴。'],
      ['u2', 'legal_regulatory', '禁止销售假药劣药。'],
    ]);
  });

  it('a UTF-8 file with a BOM and one damaged byte stays UTF-8: its header and Chinese are read', () => {
    const r = run('code-units', 'units-bom-damaged.csv');
    expect(r.code).toBe(0);
    const rows = parse(r.stdout, { columns: true }) as Array<Record<string, string>>;
    expect(rows.slice(0, 2).map((row) => [row.unit_id, row.primary, row.text])).toEqual([
      ['u1', 'financial', '对小微企业给予财政补贴。'],
      ['u2', 'legal_regulatory', '禁止销售假药劣药。'],
    ]);
  });

  it('metadata.csv saved in GBK gives its titles and provinces; a file listed twice is an input error at its line', () => {
    const r = run('analyze', 'corpus', '--metadata', 'metadata-gbk.csv', '-o', 'out-meta', '--quiet');
    expect(r.code).toBe(0);
    const documents = parse(readFileSync(join(work, 'out-meta', 'documents.csv'), 'utf8'), { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(documents.find((d) => d.file === 'notice-subsidy.txt')).toMatchObject({ title: '某市人民政府关于支持小微企业发展的通知', province: '广东' });
    oneLineError(run('analyze', 'corpus', '--metadata', 'metadata-twice.csv', '-o', 'out-meta-twice', '--quiet'), /metadata-twice\.csv:3: notice-subsidy\.txt is listed twice \(first on line 2\)/);
    expect(existsSync(join(work, 'out-meta-twice'))).toBe(false);
  });

  it('rows of empty cells that Excel leaves at the end are skipped, not an empty unit_id', () => {
    const r = run('code-units', 'units-empty-rows.csv');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect((parse(r.stdout, { columns: true }) as unknown[]).length).toBe(2);
  });

  it('binary noise as a CSV is one short line with its line number, for every command that reads a table', () => {
    for (const args of [['code-units', 'noise.csv'], ['evaluate', 'noise.csv'], ['agreement', 'noise.csv', 'units.csv'], ['analyze', 'corpus', '--metadata', 'noise.csv', '-o', 'out-noise']]) {
      const r = run(...args);
      oneLineError(r, /^policy-code: error: noise\.csv:\d+: not a valid CSV \([^)]*\)\n$/);
      expect(r.stderr.length).toBeLessThan(220);
    }
  });

  it('a folder given as a table says so', () => {
    oneLineError(run('code-units', 'corpus'), /units file is a folder, not a file: corpus/);
    oneLineError(run('evaluate', 'corpus'), /file is a folder, not a file: corpus/);
  });
});

describe('review import', () => {
  beforeAll(() => {
    const analyzed = run('analyze', 'corpus', '-o', 'out', '--quiet');
    expect(analyzed.code).toBe(0);
    expect(run('review', 'export', 'out', '-o', 'review.xlsx').code).toBe(0);
  });

  it('an empty file is no review sheet: exit 2, and no manual codes file is written', () => {
    oneLineError(run('review', 'import', 'empty.csv', '--from', 'out', '--manual', 'manual-empty.csv'), /empty\.csv: not a review sheet/);
    expect(existsSync(join(work, 'manual-empty.csv'))).toBe(false);
  });

  it('a sheet nobody filled in is refused by agreement (it would give a table of empty cells, exit 0)', () => {
    oneLineError(run('agreement', 'review.xlsx', 'review.csv'), /review\.(xlsx|csv): no unit has a code \(coder_primary is empty in every row\): nothing to compare/);
  });

  it('a workbook given where a CSV is read says what it is and how to save it as CSV', () => {
    for (const args of [['evaluate', 'review.xlsx'], ['code-units', 'review.xlsx'], ['analyze', 'corpus', '--metadata', 'review.xlsx', '-o', 'out-xlsx']]) {
      oneLineError(run(...args), /review\.xlsx is a ZIP archive \(an Excel \.xlsx workbook\?\), not a CSV: save it as CSV/);
    }
  });

  it('a filled sheet saved in GBK is imported: its texts match the clauses', () => {
    const rows = parse(readFileSync(join(work, 'review.csv'), 'utf8'), { bom: true, columns: true }) as Array<Record<string, string>>;
    const subsidy = rows.find((r) => r.text!.includes('补贴'))!;
    subsidy.coder_primary = 'financial';
    writeFileSync(join(work, 'review-gbk.csv'), gbk(stringify(rows, { header: true, columns: Object.keys(rows[0]!) })));
    const r = run('review', 'import', 'review-gbk.csv', '--from', 'out', '--manual', 'manual-gbk.csv');
    expect(r.stderr).toMatch(/^1 codes imported/);
    expect(r.code).toBe(0);
    expect(readFileSync(join(work, 'manual-gbk.csv'), 'utf8')).toContain(subsidy.clause_id!);
  });
});

describe('an output folder inside the corpus', () => {
  it('is not read as documents by the next run; the corpus folder itself is refused as the output folder', () => {
    cpSync(join(work, 'corpus'), join(work, 'study'), { recursive: true });
    for (let i = 0; i < 2; i++) {
      const r = run('analyze', 'study', '-o', 'study/results', '--quiet');
      expect(r.code).toBe(0);
      const documents = parse(readFileSync(join(work, 'study', 'results', 'documents.csv'), 'utf8'), { bom: true, columns: true }) as Array<Record<string, string>>;
      expect(documents.map((d) => d.file)).toEqual(['notice-ban.txt', 'notice-subsidy.txt']);
    }
    oneLineError(run('analyze', 'study', '-o', 'study/', '--quiet'), /--out study\/ is the corpus folder/);
    oneLineError(run('extract', 'study', '-o', 'study', '--quiet'), /--out study is the corpus folder/);
    expect(existsSync(join(work, 'study', 'documents.csv'))).toBe(false);
  });
});

describe('the same inputs twice', () => {
  it('review export writes a byte-identical workbook (no time of writing inside)', async () => {
    expect(run('analyze', 'corpus', '-o', 'out-twice', '--quiet').code).toBe(0);
    expect(run('review', 'export', 'out-twice', '-o', 'first/review.xlsx').code).toBe(0);
    // The workbook's properties carry seconds; its zip entries two-second steps.
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(run('review', 'export', 'out-twice', '-o', 'second/review.xlsx').code).toBe(0);
    expect(readFileSync(join(work, 'second', 'review.xlsx')).equals(readFileSync(join(work, 'first', 'review.xlsx')))).toBe(true);
    expect(readFileSync(join(work, 'second', 'review.csv')).equals(readFileSync(join(work, 'first', 'review.csv')))).toBe(true);
  });
});

describe('a corpus folder without documents', () => {
  it.each([
    ['analyze', 'no-documents', '-o', 'out-none', '--quiet'],
    ['extract', 'no-documents', '-o', 'out-none', '--quiet'],
    ['kwic', '补贴', 'no-documents', '--quiet'],
  ])('%s says that it holds no documents, exit 2, and writes nothing', (...args) => {
    oneLineError(run(...args), /no documents in no-documents: it holds no \.pdf, .*; 1 other file there, e\.g\. policies\.md/);
    expect(existsSync(join(work, 'out-none'))).toBe(false);
  });
});

describe('stopped by SIGTERM', () => {
  beforeAll(() => {
    // Enough small documents that the signal, sent at the first progress line, comes before the end.
    mkdirSync(join(work, 'many'), { recursive: true });
    for (let i = 0; i < 400; i++) writeFileSync(join(work, 'many', `notice-${String(i).padStart(3, '0')}.txt`), `某市关于第${i}号事项的通知\n一、对小微企业给予补贴${i}元。\n`);
  });

  it.each([
    ['extract', 'many', '-o', 'out-stopped'],
    ['kwic', '补贴', 'many', '-o', 'out-stopped/kwic.csv'],
    ['codebook', 'diff', CODEBOOK, CODEBOOK, 'many', '--csv', 'out-stopped/diff.csv'],
  ])('%s stops between documents with the line analyze gives, exit 143, and writes nothing', async (...args) => {
    const child = startCli([...args, '--jobs', '1'], work, { POLICY_CODE_CACHE_DIR: join(work, `cache-stopped-${args[0]}`) });
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (d: string) => {
      if (!/\d+\/400 documents/.test(stderr) && /\d+\/400 documents/.test(stderr + d)) child.kill('SIGTERM');
      stderr += d;
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(stderr).toMatch(/policy-code: interrupted by SIGTERM after \d+ of 400 documents; outputs left as they were/);
    expect(code).toBe(143);
    expect(existsSync(join(work, 'out-stopped'))).toBe(false);
  });
});
