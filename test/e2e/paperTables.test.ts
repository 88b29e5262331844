import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../cli.js';
import { REPO_ROOT } from '../sharedDir.js';

const FIVE = join(REPO_ROOT, 'test', 'fixtures', 'five-policies-counted-by-hand');
const CJK = /[\u3400-\u9fff\uff08\uff09\uff1a\uff1b\u3001\u3002]/;

let tmp: string;
const out = (name: string) => join(tmp, name);
const run = (...args: string[]): CliResult => runCli(args, tmp);
const read = (dir: string, file: string) => readFileSync(join(out(dir), file), 'utf8');
const csv = (dir: string, file: string): Array<Record<string, string>> => parse(read(dir, file), { columns: true, bom: true });

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'policy-code-paper-'));
  const analyzed = run('analyze', join(FIVE, 'corpus'), '--codebook', join(FIVE, 'codebook.yaml'), '-q', '--out', out('five'));
  expect(analyzed.code, analyzed.stderr).toBe(0);
  // Two coders of four clauses (input written here; the figures come from policy-code agreement).
  writeFileSync(out('a.csv'), 'unit_id,primary\nu1,financial\nu2,taxation\nu3,education\nu4,financial\n');
  writeFileSync(out('b.csv'), 'unit_id,primary\nu1,financial\nu2,taxation\nu3,financial\nu4,financial\n');
  const agreement = run('agreement', out('a.csv'), out('b.csv'), '--json');
  expect(agreement.code, agreement.stderr).toBe(0);
  writeFileSync(out('agreement.json'), agreement.stdout);
  const en = run('report', out('five'), '--lang', 'en', '--provinces', 'all', '--reliability', out('agreement.json'), '--out', out('en'));
  expect(en.code, en.stderr).toBe(0);
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('report --lang en', () => {
  it('writes every Markdown and LaTeX table, the workbook and the figures without a Chinese character (document titles aside)', async () => {
    const manifest = JSON.parse(read('en', 'run.json')).tables;
    expect(manifest.lang).toBe('en');
    for (const name of manifest.tables as string[]) {
      if (name === 'coding_table') continue; // its second column is the documents' own titles
      expect(read('en', `tables/${name}.md`), name).not.toMatch(CJK);
      if (existsSync(out(`en/tables/${name}.tex`))) expect(read('en', `tables/${name}.tex`).replace(/^%.*$/gm, ''), name).not.toMatch(CJK);
    }
    for (const f of ['policies_per_province', 'instrument_shares', 'year_trend']) expect(read('en', `figures/${f}.svg`), f).not.toMatch(CJK);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out('en/tables.xlsx'));
    const sheet = workbook.getWorksheet('instrument_structure')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Dimension', 'Policy instrument', 'Clauses (primary code)', 'Share of coded clauses (%)', 'Policies using', 'Share of policies (%)']);
    expect(sheet.getRow(sheet.rowCount - 2).values).toEqual([undefined, 'Total', '', 12, 1, 5, 1]);
  });

  it('keeps the CSV files for software: ids, and the same numbers as the Chinese run', () => {
    expect(csv('en', 'instrument_structure.csv').map((r) => [r.dimension, r.instrument, r.clauses])).toEqual(csv('five', 'instrument_structure.csv').map((r) => [r.dimension, r.instrument, r.clauses]));
    expect(csv('five', 'instrument_structure.csv').at(-1)).toMatchObject({ dimension: 'total', dimension_label: '合计', clauses: '12', share: '1.0000', policies: '5' });
    expect(csv('en', 'province_summary.csv')[0]).toMatchObject({ provinces: '31', policies: '3', mean: '0.10', bottom: '29 provinces with 0 each' });
  });

  it('writes the methods paragraph in both languages, with the agreement figures of the file given', () => {
    const figures = JSON.parse(readFileSync(out('agreement.json'), 'utf8')).results.find((r: { scope: string }) => r.scope === 'primary');
    // Coders agree on 3 of 4 clauses.
    expect(figures.percent_agreement).toBe(0.75);
    const en = read('en', 'methods.en.md');
    expect(en).toContain('The sample comprises 5 policy documents (2020–2021, 1 of unknown year;');
    expect(en).toContain('into 13 clauses');
    expect(en).toContain(`Two coders coded 4 clauses independently: percent agreement 75.0%, Cohen's κ = ${figures.cohen_kappa.toFixed(3)}`);
    expect(en).toMatch(/policy-code \d+\.\d+\.\d+ \(MIT licence\); codebook table-fixture 1\.0\.0, SHA-256 [0-9a-f]{64}/);
    expect(read('en', 'methods.md')).toContain('本研究的样本为 5 份政策文件（2020—2021 年');
    expect(read('five', 'methods.md')).toContain('<!-- No reliability figures');
  });
});

describe('report filters', () => {
  it('a filter that matches no document is a usage error (exit 2) that names the filter and writes nothing', () => {
    const r = run('report', out('five'), '--years', '2030', '--out', out('none'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no document matches year=2030 (5 documents, years 2020-2021, levels ');
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(existsSync(out('none'))).toBe(false);
    // analyze too: the same error after coding, and no file written (the caches keep the work;
    // the output stage leaves its folder, empty).
    const analyzed = run('analyze', join(FIVE, 'corpus'), '--codebook', join(FIVE, 'codebook.yaml'), '-q', '--where', 'province=西藏', '--out', out('none'));
    expect(analyzed.code).toBe(2);
    expect(analyzed.stderr).toContain('no document matches province=西藏');
    expect(existsSync(out('none')) ? readdirSync(out('none'), { recursive: true }) : []).toEqual([]);
  });

  it('a reliability file that is not the JSON of evaluate or agreement is a usage error', () => {
    writeFileSync(out('other.json'), '{"kappa": 1}');
    const r = run('report', out('five'), '--reliability', out('other.json'), '--out', out('none'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("not the JSON of 'policy-code evaluate --json'");
  });
});
