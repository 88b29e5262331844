import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { startCli } from '../cli.js';
import { REPO_ROOT } from '../sharedDir.js';
import { badInputFolder, oneLineError } from './badInputFolder.js';

// Inputs a new user gets wrong (docs/bad-input.md): output paths, -o -, codebooks, corpus folders,
// signals. Each gives one line that says what and where, no stack trace, and the exit code of
// src/cli/exitCodes.ts. Tables a person made: badTables.test.ts.
const { work, run } = badInputFolder();
const CODEBOOK = join(REPO_ROOT, 'codebooks', 'rothwell-zegveld.zh.yaml');

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

describe('an output named like an input of the command', () => {
  it('is refused before anything is read, and the input is left as it was', () => {
    cpSync(CODEBOOK, join(work, 'book.yaml'));
    const before = ['units.csv', 'coder-gbk.csv', 'book.yaml'].map((f) => readFileSync(join(work, f)));
    oneLineError(run('agreement', 'units.csv', 'coder-gbk.csv', '-o', 'units.csv'), /--out units\.csv is an input of this command \(units\.csv\); it would be overwritten/);
    oneLineError(run('code-units', 'units.csv', '-o', './units.csv'), /--out \.\/units\.csv is an input of this command/);
    oneLineError(run('codebook', 'diff', 'book.yaml', 'book.yaml', 'corpus', '--csv', 'book.yaml', '--quiet'), /--csv book\.yaml is an input of this command/);
    oneLineError(run('codebook', 'fit', 'book.yaml', 'units.csv', '-o', 'units.csv'), /--out units\.csv is an input of this command/);
    expect(['units.csv', 'coder-gbk.csv', 'book.yaml'].map((f) => readFileSync(join(work, f)))).toEqual(before);
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

  it('binary noise as a codebook is one line: not UTF-8 text', () => {
    const r = run('codebook', 'check', 'noise.csv');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/noise\.csv:\d+: not UTF-8 text \(saved as GBK or ANSI\?\)/);
    for (const line of r.stderr.trimEnd().split('\n')) expect([...line].length).toBeLessThanOrEqual(120);
  });

  it('a syntax error in a very long line shows the line in bounded width', () => {
    writeFileSync(join(work, 'long-line.yaml'), `codebook: x\nversion: "1"\ntitle: ${'补贴'.repeat(300)}: b: c\n`);
    const r = run('codebook', 'check', 'long-line.yaml');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/long-line\.yaml:3:\d+: YAML syntax/);
    expect(r.stderr).toMatch(/\| title: [补贴]+…\n/);
    for (const line of r.stderr.trimEnd().split('\n')) expect([...line].length).toBeLessThanOrEqual(120);
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

describe('recode after the corpus moved', () => {
  it('names the corpus of the earlier run and says how to give it', () => {
    cpSync(join(work, 'corpus'), join(work, 'moving'), { recursive: true });
    expect(run('analyze', 'moving', '-o', 'out-moving', '--quiet').code).toBe(0);
    renameSync(join(work, 'moving'), join(work, 'moved'));
    oneLineError(run('recode', '-o', 'out-moving'), /corpus folder not found: .*moving \(the corpus of the run in out-moving\/, moved or removed\?\); give it: policy-code recode <corpus> --out out-moving/);
    expect(run('recode', 'moved', '-o', 'out-moving', '--quiet').code).toBe(0);
  });
});

describe('kwic with its arguments the wrong way round', () => {
  it('says that the term comes first', () => {
    oneLineError(run('kwic', 'corpus', '补贴'), /corpus folder not found: 补贴; the term comes first: policy-code kwic <term> <corpus> \(corpus is a folder\)/);
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
