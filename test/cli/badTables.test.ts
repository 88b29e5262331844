import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { gbk } from '../../scripts/make-bad-input-fixtures.mjs';
import { badInputFolder, oneLineError } from './badInputFolder.js';

// Tables a person made (docs/bad-input.md): GBK and UTF-16 from Excel, empty rows, noise, a
// workbook or a folder where a CSV is read, review sheets. Output paths and the rest: badInput.test.ts.
const { work, run } = badInputFolder();

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

  it('a PDF given as a table says so', () => {
    oneLineError(run('code-units', 'a-document.pdf'), /^policy-code: error: a-document\.pdf is a PDF document, not a CSV\n$/);
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
