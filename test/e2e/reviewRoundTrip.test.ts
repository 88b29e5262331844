import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { parseDocument } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli.js';
import { REPO_ROOT, sharedDir } from '../sharedDir.js';

/**
 * The human-in-the-loop round trip on the real text documents of ../shared/corpus: analyze,
 * export a review sample, fill it by script (a known subset of codes changed), import, re-code
 * with an edited codebook: every manual code is still there and the tables count it.
 */
const shared = sharedDir();
const tmp = mkdtempSync(join(tmpdir(), 'policy-code-review-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const run = (...args: string[]) => runCli(args, tmp);

type Row = Record<string, string>;
const readCsv = (file: string): Row[] => parse(readFileSync(join(tmp, file), 'utf8'), { columns: true, bom: true });

/** A code other than the automatic one, so that every filled row is a real correction. */
const other = (auto: string) => (auto === 'overseas' ? 'procurement' : 'overseas');

if (!shared) console.warn('reviewRoundTrip.test: ../shared/corpus not found, round trip skipped');

describe.skipIf(!shared)('review round trip on ../shared/corpus text documents', () => {
  const filled = new Map<string, { primary: string; secondary: string }>();
  let sampled: Row[] = [];

  beforeAll(async () => {
    mkdirSync(join(tmp, 'corpus'));
    for (const f of readdirSync(join(shared!, 'corpus')).filter((f) => f.endsWith('.txt'))) copyFileSync(join(shared!, 'corpus', f), join(tmp, 'corpus', f));
    const a = run('analyze', 'corpus', '--out', 'output', '--quiet', '--jobs', '2');
    expect(a.stderr).toBe('');
    expect(a.code).toBe(0);
    const e = run('review', 'export', 'output', '--sample', '40', '--seed', '7', '--out', 'review.xlsx');
    expect(e.code).toBe(0);
    sampled = readCsv('review.csv');

    // Fill every other row of the xlsx: a different primary, and a secondary on every fourth.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(tmp, 'review.xlsx'));
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const col = (name: string) => header.indexOf(name);
    sheet.eachRow((row, n) => {
      if (n === 1 || n % 2 !== 0) return;
      const id = String(row.getCell(col('clause_id')).value);
      const primary = other(String(row.getCell(col('auto_primary')).value));
      const secondary = n % 4 === 0 ? 'strategic' : '';
      row.getCell(col('coder_primary')).value = primary;
      row.getCell(col('coder_secondary')).value = secondary;
      row.getCell(col('comment')).value = '复核';
      filled.set(id, { primary, secondary });
    });
    await book.xlsx.writeFile(join(tmp, 'filled.xlsx'));
  });

  it('exports a stratified sample, the same for the same seed', () => {
    expect(sampled).toHaveLength(40);
    expect(new Set(sampled.map((r) => r.auto_primary)).size).toBeGreaterThan(5);
    expect(run('review', 'export', 'output', '--sample', '40', '--seed', '7', '--out', 'again.csv').code).toBe(0);
    expect(readFileSync(join(tmp, 'again.csv'), 'utf8')).toBe(readFileSync(join(tmp, 'review.csv'), 'utf8'));
    expect(sampled.every((r) => r.coder_primary === '' && /^[0-9a-f]{16}$/.test(r.text_sha256!))).toBe(true);
  });

  it('--uncertain n puts the n least confident automatic codes first, lowest confidence first', () => {
    expect(run('review', 'export', 'output', '--uncertain', '15', '--out', 'uncertain.csv').code).toBe(0);
    const rows = readCsv('uncertain.csv');
    const clauses = readCsv(join('output', 'clauses.csv'));
    expect(rows).toHaveLength(clauses.length);
    const first = rows.slice(0, 15).map((r) => Number(r.confidence));
    expect(first).toEqual([...first].sort((a, b) => a - b));
    const lowest = clauses.map((c) => Number(c.confidence)).sort((a, b) => a - b).slice(0, 15);
    expect(first).toEqual(lowest);
    expect(rows.slice(0, 15).every((r) => r.runner_up !== undefined)).toBe(true);
  });

  it('a sheet with problems is rejected as a whole, every problem listed, nothing written', () => {
    const rows = readCsv('review.csv');
    const [a, b, c] = rows;
    a!.coder_primary = 'finance';
    b!.coder_primary = 'financial';
    b!.text_sha256 = '0000000000000000';
    c!.coder_primary = 'taxation';
    // The invented id's row names another file: with c's file and text it would be found as c, under c's id.
    const bad = [...rows, { ...c!, coder_primary: 'financial' }, { ...c!, clause_id: 'D999-9-9', file: 'elsewhere.txt', coder_primary: 'financial' }];
    const cols = Object.keys(rows[0]!);
    const csv = [cols.join(','), ...bad.map((r) => cols.map((k) => `"${(r[k] ?? '').replace(/"/g, '""')}"`).join(','))].join('\n');
    writeFileSync(join(tmp, 'bad.csv'), csv);
    const r = run('review', 'import', 'bad.csv');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/4 problems; nothing was imported/);
    expect(r.stderr).toMatch(/unknown code 'finance'/);
    expect(r.stderr).toMatch(/its text changed since the sheet was exported/);
    expect(r.stderr).toMatch(/is listed twice/);
    expect(r.stderr).toMatch(/unknown clause id 'D999-9-9'/);
    expect(() => readFileSync(join(tmp, 'codings', 'manual.csv'))).toThrow();
  });

  it('imports the filled sheet, and a re-code with an edited codebook keeps every manual code and counts it', () => {
    const imp = run('review', 'import', 'filled.xlsx');
    expect(imp.stderr).toMatch(/20 codes imported \(20 rows without a code skipped\)/);
    expect(imp.code).toBe(0);
    const manual = readCsv('codings/manual.csv');
    expect(manual.map((m) => [m.clause_id, m.primary, m.secondary]).sort()).toEqual(
      [...filled].map(([id, f]) => [id, f.primary, f.secondary]).sort(),
    );
    // Manual codes follow the document's content and the clause text (issue 13), with the document hash.
    expect(manual.every((m) => /^[0-9a-f]{64}$/.test(m.doc_sha256!))).toBe(true);
    // One more manual code, in the file format before issue 13 (no doc_sha256), for a text the document no longer has.
    const stale = sampled.find((r) => !filled.has(r.clause_id!))!;
    const manualCsv = readFileSync(join(tmp, 'codings', 'manual.csv'), 'utf8');
    writeFileSync(join(tmp, 'codings', 'manual.csv'), `${manualCsv}${stale.clause_id},${stale.doc_id},,ffffffffffffffff,overseas,,,旧文本\n`);

    // The edit: drop the first two keywords of every instrument.
    const doc = parseDocument(readFileSync(join(REPO_ROOT, 'codebooks', 'rothwell-zegveld.zh.yaml'), 'utf8'));
    for (const dim of (doc.get('categories') as { items: Array<{ get(k: string): { items: Array<{ get(k: string): { items: unknown[] } | undefined }> } }> }).items) {
      for (const leaf of dim.get('children').items) leaf.get('keywords')?.items.splice(0, 2);
    }
    writeFileSync(join(tmp, 'edited.yaml'), doc.toString());
    const again = run('analyze', 'corpus', '--codebook', 'edited.yaml', '--out', 'output2', '--quiet', '--jobs', '2');
    // The stale code is reported with its file and text, not applied, and stays in the file for a person to re-check: exit 1.
    expect(again.code).toBe(1);
    const file = readCsv('output2/documents.csv').find((d) => d.doc_id === stale.doc_id)!.file;
    expect(again.stderr).toBe(`manual code ${stale.clause_id} not applied (${file}: "旧文本"): its text is in no clause of this document any more\n`);
    expect(readFileSync(join(tmp, 'codings', 'manual.csv'), 'utf8')).toContain(`${stale.clause_id},`);

    const clauses = readCsv('output2/clauses.csv');
    const byId = new Map(clauses.map((c) => [c.clause_id, c]));
    for (const [id, f] of filled) {
      const c = byId.get(id)!;
      expect([id, c.primary, c.code_source]).toEqual([id, f.primary, 'manual']);
      expect(c.instruments!.split(';')).toEqual(expect.arrayContaining([f.primary, ...(f.secondary ? [f.secondary] : [])].filter((x) => x !== 'none')));
    }
    expect(byId.get(stale.clause_id!)!.code_source).toBe('auto');
    expect(clauses.filter((c) => c.code_source === 'manual')).toHaveLength(20);
    // The tables count the final codes, manual ones included.
    const instruments = readCsv('output2/instruments.csv');
    for (const row of instruments) {
      expect(Number(row.clauses)).toBe(clauses.filter((c) => c.primary === row.instrument).length);
    }
    const manualOverseas = [...filled.values()].filter((f) => f.primary === 'overseas').length;
    expect(Number(instruments.find((r) => r.instrument === 'overseas')!.clauses)).toBeGreaterThanOrEqual(manualOverseas);
    const runJson = JSON.parse(readFileSync(join(tmp, 'output2', 'run.json'), 'utf8')) as { manual: { applied: number; not_applied: Array<{ clause_id: string }> } };
    expect(runJson.manual.applied).toBe(20);
    expect(runJson.manual.not_applied.map((n) => n.clause_id)).toEqual([stale.clause_id]);
  });
});
