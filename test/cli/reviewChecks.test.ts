import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReviewFolder } from '../../scripts/make-review-fixtures.mjs';
import { runCli } from '../cli.js';

// docs/review-checks.md: the review workflow when the corpus grows between two reviews
// (scripts/make-review-fixtures.mjs: a notice added whose name sorts first moves every clause id).
type Row = Record<string, string>;

function studyFolder() {
  const work = mkdtempSync(join(tmpdir(), 'policy-code-review-checks-'));
  writeReviewFolder(work);
  const run = (...args: string[]) => runCli(args, work);
  const read = (file: string): Row[] => parse(readFileSync(join(work, file)), { columns: true, bom: true });
  /** Exports a sheet of `output`, fills it as Excel saves a CSV (UTF-8 with BOM, CRLF) and imports it. */
  const review = (output: string, codes: Record<string, string>, sheet = 'review') => {
    expect(run('review', 'export', output, '--out', `${sheet}.xlsx`).code).toBe(0);
    const rows = read(`${sheet}.csv`).map((r) => ({ ...r, coder_primary: codes[r.clause_id!] ?? '' }));
    writeFileSync(join(work, `${sheet}-filled.csv`), '\uFEFF' + stringify(rows, { header: true, record_delimiter: '\r\n' }));
    return run('review', 'import', `${sheet}-filled.csv`, '--from', output);
  };
  const manual = () => read(join('codings', 'manual.csv'));
  const codeOf = (output: string, text: string) => read(join(output, 'clauses.csv')).find((c) => c.text!.includes(text))!;
  return { work, run, review, manual, codeOf };
}

/** The first review (the subsidy clause coded strategic as D001-0-1), then the corpus grows. */
function reviewedThenGrown() {
  const s = studyFolder();
  afterAll(() => rmSync(s.work, { recursive: true, force: true }));
  beforeAll(() => {
    expect(s.run('analyze', 'corpus', '--out', 'results', '--quiet').code).toBe(0);
    // First review: the subsidy clause is D001-0-1.
    expect(s.codeOf('results', '专项资金').clause_id).toBe('D001-0-1');
    expect(s.review('results', { 'D001-0-1': 'strategic' }, 'first').code).toBe(0);
    expect(s.run('analyze', 'corpus-grown', '--out', 'grown', '--quiet').code).toBe(0);
  });
  return s;
}

describe('a second review after the corpus grew (clause ids moved)', () => {
  const s = reviewedThenGrown();

  it('the first code follows its clause to its new id', () => {
    const c = s.codeOf('grown', '专项资金');
    expect(c.clause_id).toBe('D002-0-1');
    expect([c.primary, c.code_source]).toEqual(['strategic', 'manual']);
  });

  it('a new code on the clause that now has the old id keeps the first code', () => {
    // D001-0-1 is now the added notice's procurement clause: another clause, another code.
    expect(s.codeOf('grown', '政府采购').clause_id).toBe('D001-0-1');
    const r = s.review('grown', { 'D001-0-1': 'commercial' }, 'second');
    expect(r.code).toBe(0);
    expect(s.manual().map((m) => [m.file, m.primary]).sort()).toEqual([['a-procurement.txt', 'commercial'], ['b-subsidy.txt', 'strategic']]);
    const a = s.run('analyze', 'corpus-grown', '--out', 'grown', '--quiet');
    expect(a.stderr).toBe('');
    expect(a.code).toBe(0);
    expect(JSON.parse(readFileSync(join(s.work, 'grown', 'run.json'), 'utf8')).manual.applied).toBe(2);
    expect(s.codeOf('grown', '专项资金').primary).toBe('strategic');
    expect(s.codeOf('grown', '政府采购').primary).toBe('commercial');
  });
});

describe('a clause reviewed again after the corpus grew', () => {
  const s = reviewedThenGrown();

  it('a clause reviewed again under its new id takes the newer code, not a conflict', () => {
    const r = s.review('grown', { 'D002-0-1': 'education' }, 'third');
    expect(r.code).toBe(0);
    expect(s.manual().filter((m) => m.file === 'b-subsidy.txt').map((m) => [m.clause_id, m.primary])).toEqual([['D002-0-1', 'education']]);
    const a = s.run('analyze', 'corpus-grown', '--out', 'grown', '--quiet');
    expect(a.stderr).toBe('');
    expect(a.code).toBe(0);
    expect(s.codeOf('grown', '专项资金').primary).toBe('education');
  });
});

describe('a sheet exported before the corpus grew, imported after analyze wrote over the output folder', () => {
  const s = studyFolder();
  afterAll(() => rmSync(s.work, { recursive: true, force: true }));

  it('imports each code by its file and text under the clause\'s new id, and says so', () => {
    expect(s.run('analyze', 'corpus', '--out', 'output', '--quiet').code).toBe(0);
    expect(s.run('review', 'export', 'output', '--out', 'old.xlsx').code).toBe(0);
    const sheet = parse(readFileSync(join(s.work, 'old.csv')), { columns: true, bom: true }) as Row[];
    const codes: Record<string, string> = { 'D001-0-1': 'strategic', 'D002-0-2': 'scientific_technical' };
    writeFileSync(join(s.work, 'old-filled.csv'), '\uFEFF' + stringify(sheet.map((r) => ({ ...r, coder_primary: codes[r.clause_id!] ?? '' })), { header: true, record_delimiter: '\r\n' }));
    expect(s.run('analyze', 'corpus-grown', '--out', 'output', '--quiet').code).toBe(0);
    const r = s.run('review', 'import', 'old-filled.csv', '--from', 'output');
    expect(r.stderr).toMatch(/^2 codes imported \(4 rows without a code skipped; 2 rows found under a new clause id/);
    expect(r.code).toBe(0);
    expect(s.manual().map((m) => [m.clause_id, m.file, m.primary])).toEqual([['D002-0-1', 'b-subsidy.txt', 'strategic'], ['D003-0-2', 'c-ban.txt', 'scientific_technical']]);
    expect(s.run('analyze', 'corpus-grown', '--out', 'output', '--quiet').code).toBe(0);
    expect(s.codeOf('output', '专项资金').primary).toBe('strategic');
    expect(s.codeOf('output', '信息公开平台').primary).toBe('scientific_technical');
    expect(s.codeOf('output', '政府采购').code_source).toBe('auto');
  });

  it('a row whose text is in no clause of its file any more is still a problem, and nothing is imported', () => {
    const sheet = parse(readFileSync(join(s.work, 'old.csv')), { columns: true, bom: true }) as Row[];
    // As if b-subsidy.txt had been revised: the sheet's text hash is in no clause of the analysis.
    const rows = sheet.map((r) => (r.clause_id === 'D001-0-2' ? { ...r, coder_primary: 'education', text: r.text + '（修订）', text_sha256: '0000000000000000' } : r));
    writeFileSync(join(s.work, 'revised.csv'), stringify(rows, { header: true }));
    const r = s.run('review', 'import', 'revised.csv', '--from', 'output');
    expect(r.stderr).toMatch(/revised\.csv:3: clause D001-0-2: its text changed since the sheet was exported/);
    expect(r.code).toBe(2);
    expect(s.manual()).toHaveLength(2);
  });
});

describe('codes as coders type them', () => {
  const s = studyFolder();
  afterAll(() => rmSync(s.work, { recursive: true, force: true }));
  beforeAll(() => expect(s.run('analyze', 'corpus', '--out', 'output', '--quiet').code).toBe(0));

  it('an id in another case or with spaces, a label of the sheet "codes", NONE: stored as the codes\' ids', () => {
    const r = s.review('output', {
      'D001-0-1': ' Strategic ',
      'D001-0-2': '教育培训',
      'D001-0-3': 'NONE',
      'D002-0-1': '法规管制 (Laws and regulation)',
      'D002-0-2': 'ＩＮＦＯＲＭＡＴＩＯＮ',
    });
    expect(r.stderr).toMatch(/^5 codes imported/);
    expect(r.code).toBe(0);
    expect(s.manual().map((m) => [m.clause_id, m.primary])).toEqual([
      ['D001-0-1', 'strategic'], ['D001-0-2', 'education'], ['D001-0-3', 'none'], ['D002-0-1', 'legal_regulatory'], ['D002-0-2', 'information'],
    ]);
  });

  it('secondary codes as labels or ids in any case, a repeat of the primary dropped', () => {
    expect(s.run('review', 'export', 'output', '--out', 'sec.xlsx').code).toBe(0);
    const rows = (parse(readFileSync(join(s.work, 'sec.csv')), { columns: true, bom: true }) as Row[]).map((r) =>
      r.clause_id === 'D001-0-1' ? { ...r, coder_primary: 'financial', coder_secondary: 'Strategic；教育培训; financial' } : r.clause_id === 'D001-0-2' ? { ...r, coder_primary: 'education', coder_secondary: 'Laws and regulation' } : r,
    );
    writeFileSync(join(s.work, 'sec-filled.csv'), stringify(rows, { header: true }));
    expect(s.run('review', 'import', 'sec-filled.csv', '--from', 'output').code).toBe(0);
    expect(s.manual().slice(0, 2).map((m) => [m.clause_id, m.primary, m.secondary])).toEqual([['D001-0-1', 'financial', 'strategic;education'], ['D001-0-2', 'education', 'legal_regulatory']]);
  });

  it('an unknown code is still a problem, as typed, and nothing is imported', () => {
    const before = readFileSync(join(s.work, 'codings', 'manual.csv'), 'utf8');
    const r = s.review('output', { 'D001-0-1': '供给型', 'D001-0-2': 'finance' }, 'bad');
    expect(r.stderr).toContain("bad-filled.csv:2: clause D001-0-1: unknown code '供给型'");
    expect(r.stderr).toContain("bad-filled.csv:3: clause D001-0-2: unknown code 'finance'");
    expect(r.code).toBe(2);
    expect(readFileSync(join(s.work, 'codings', 'manual.csv'), 'utf8')).toBe(before);
  });
});
