import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli.js';
import { sharedDir } from '../sharedDir.js';

const shared = sharedDir();
const tmp = mkdtempSync(join(tmpdir(), 'policy-code-agreement-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const run = (...args: string[]) => runCli(args, tmp);

if (!shared) console.warn('agreementEvaluate.test: ../shared (gold standard) not found, tests on it skipped');

describe.skipIf(!shared)('agreement and evaluate on ../shared/gold', () => {
  it("agreement of coder A and B reproduces the gold README's Cohen's kappa 0.939 on the primary code", () => {
    const gold = join(shared!, 'gold');
    const r = run('agreement', join(gold, 'dev-coder-a.csv'), join(gold, 'dev-coder-b.csv'), '--json', '--out', 'agreement.md');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { units: number; results: Array<Record<string, number | string>> };
    const primary = json.results[0]!;
    expect(primary.scope).toBe('primary');
    expect((primary.cohen_kappa as number).toFixed(3)).toBe('0.939');
    expect(primary.units_complete).toBe(225);
    expect(readFileSync(join(tmp, 'agreement.md'), 'utf8')).toMatch(/^\| scope \| units_pairable/);
  });

  it('evaluate writes consistent tables: confusion totals, kappa recomputed from the confusion table, errors listed', () => {
    const r = run('evaluate', join(shared!, 'gold', 'dev-units.csv'), '--json', '--suggest', '--out', 'eval');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const e = JSON.parse(r.stdout) as {
      units: number; cohen_kappa: number; percent_agreement: number; lenient_agreement: number;
      confusion: { labels: string[]; counts: number[][] }; wrong: unknown[];
      by_confidence: Array<{ slice: string; units: number; agreement: number }>;
      suggestions: { key_terms: Array<{ term: string }>; misfiring_terms: unknown[] };
    };
    expect(e.units).toBe(225);
    const { counts } = e.confusion;
    const n = counts.flat().reduce((a, b) => a + b, 0);
    expect(n).toBe(225);
    const diagonal = counts.reduce((a, row, i) => a + row[i]!, 0);
    const pe = counts.reduce((a, row, i) => a + (row.reduce((x, y) => x + y, 0) / n) * (counts.reduce((x, r2) => x + r2[i]!, 0) / n), 0);
    expect(e.cohen_kappa).toBeCloseTo((diagonal / n - pe) / (1 - pe), 10);
    expect(e.wrong.length).toBe(225 - diagonal);
    expect(e.lenient_agreement).toBeGreaterThanOrEqual(e.percent_agreement);
    expect(e.suggestions.key_terms.length).toBeGreaterThan(0);
    // The bands partition the units; the most confident 100 % is the whole set's agreement.
    const bands = e.by_confidence.filter((b) => !b.slice.startsWith('most'));
    expect(bands.reduce((a, b) => a + b.units, 0)).toBe(225);
    const all = e.by_confidence.find((b) => b.slice === 'most confident 100 %')!;
    expect(all.agreement).toBeCloseTo(e.percent_agreement, 10);
    expect(e.by_confidence.find((b) => b.slice === 'most confident 50 %')!.units).toBe(113);
    for (const f of ['evaluation', 'evaluation_instruments', 'evaluation_confusion', 'evaluation_confidence', 'evaluation_errors', 'suggest_terms', 'suggest_misfiring']) {
      expect(existsSync(join(tmp, 'eval', `${f}.csv`))).toBe(true);
      expect(existsSync(join(tmp, 'eval', `${f}.md`))).toBe(true);
    }
  });
});

describe('agreement and evaluate: input errors are reported at once, exit 2', () => {
  it('unknown codes in a gold table are all listed', () => {
    writeFileSync(join(tmp, 'bad.csv'), 'unit_id,text,primary,secondary\nu1,给予补贴,financal,\nu2,减免税收,taxation,taxes\n');
    const r = run('evaluate', 'bad.csv');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/2 problems/);
    expect(r.stderr).toMatch(/bad\.csv:2: unknown code 'financal'/);
    expect(r.stderr).toMatch(/bad\.csv:3: unknown code 'taxes'/);
  });

  it('agreement reads filled review sheets (.csv and .xlsx, coder_primary / coder_secondary); empty codes are missing', async () => {
    const header = 'clause_id,text,auto_primary,coder_primary,coder_secondary,comment\n';
    writeFileSync(join(tmp, 'coder1.csv'), `${header}D001-1-1,给予补贴,financial,financial,taxation,\nD001-1-2,不得销售,none,legal_regulatory,,\nD001-1-3,减免契税,taxation,,,\n`);
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('review');
    sheet.addRows([
      ['clause_id', 'text', 'auto_primary', 'coder_primary', 'coder_secondary', 'comment'],
      ['D001-1-1', '给予补贴', 'financial', 'financial', '', ''],
      ['D001-1-2', '不得销售', 'none', 'legal_regulatory', '', ''],
      ['D001-1-3', '减免契税', 'taxation', 'taxation', '', ''],
    ]);
    await book.xlsx.writeFile(join(tmp, 'coder2.xlsx'));
    const r = run('agreement', 'coder1.csv', 'coder2.xlsx', '--json');
    expect(r.stderr).toBe('');
    const json = JSON.parse(r.stdout) as { units: number; results: Array<Record<string, number | string>> };
    expect(json.units).toBe(3);
    // Unit 3 has no code from coder 1: two units compared, both alike on the primary code.
    expect(json.results[0]).toMatchObject({ scope: 'primary', units_pairable: 2, percent_agreement: 1 });
    // Taxation: present for coder 1 (secondary) on unit 1, absent for coder 2.
    expect(json.results.find((x) => x.scope === 'taxation')).toMatchObject({ units_pairable: 2, percent_agreement: 0.5 });
  });

  it('agreement with one file is a usage error; a duplicate unit is an input error', () => {
    writeFileSync(join(tmp, 'a.csv'), 'unit_id,primary\nu1,financial\nu1,taxation\n');
    expect(run('agreement', 'a.csv').code).toBe(2);
    const r = run('agreement', 'a.csv', 'a.csv');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/a\.csv:3: duplicate unit_id 'u1'/);
    writeFileSync(join(tmp, 'broken.xlsx'), 'not a zip');
    writeFileSync(join(tmp, 'good.csv'), 'unit_id,primary\nu1,financial\n');
    const x = run('agreement', 'good.csv', 'broken.xlsx');
    expect([x.code, x.stderr.trim().split('\n').length]).toEqual([2, 1]);
    expect(x.stderr).toMatch(/broken\.xlsx: not a readable \.xlsx file/);
  });
});
