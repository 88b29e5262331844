import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, readdirSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli.js';
import { REPO_ROOT, SHARED_DIR, SHARED_MISSING, sharedPath } from '../sharedDir.js';

const TINY = join(REPO_ROOT, 'test/fixtures/a-tiny-codebook-counts-money-tax-and-prohibitions/codebook.yaml');
const SAMPLE = join(REPO_ROOT, 'corpus');

function readCsv(file: string): Array<Record<string, string>> {
  const text = readFileSync(file, 'utf8');
  expect(text.startsWith('\ufeff')).toBe(true); // BOM, so Excel shows Chinese
  return parse(text, { columns: true, bom: true });
}

const made: string[] = [];
function tempDir(name: string): string {
  made.push(mkdtempSync(join(tmpdir(), `policy-code-${name}-`)));
  return made.at(-1)!;
}
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe('analyze on the sample corpus (PDFs rendered by scripts/make-sample-corpus.mjs)', () => {
  let out: string;
  let result: ReturnType<typeof runCli>;
  beforeAll(() => {
    out = tempDir('sample');
    result = runCli(['analyze', SAMPLE, '--out', out, '--quiet']);
  });

  it('reads all twelve documents and writes every table', () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    for (const f of ['documents.csv', 'clauses.csv', 'instruments.csv', 'dimensions.csv', 'provinces.csv', 'province_summary.csv', 'run.json']) {
      expect(readdirSync(out)).toContain(f);
    }
    const docs = readCsv(join(out, 'documents.csv'));
    expect(docs).toHaveLength(12);
    expect(docs.every((d) => d.status === 'ok')).toBe(true);
    // metadata.csv gives province and year.
    expect(docs.find((d) => d.file === '06-shenzhen-2022-e-prescription.pdf')).toMatchObject({ province: '广东', year: '2022' });
  });

  it('numbers the articles of a 第X章/第X条 document as doc-chapter-article', () => {
    const clauses = readCsv(join(out, 'clauses.csv'));
    const c = clauses.find((r) => r.clause_id === 'D003-2-4');
    expect(c?.text).toBe('第四条医疗机构可以利用区块链技术开展电子病历存证、检验检查结果互认、远程医疗等医疗服务，提升便民惠民服务水平。');
    // Page numbers ("— 1 —") never reach a clause.
    expect(clauses.some((r) => /—\s*\d+\s*—/.test(r.text!))).toBe(false);
  });

  it('lists all twelve instruments and shares that sum to 1', () => {
    const rows = readCsv(join(out, 'instruments.csv'));
    expect(rows.map((r) => r.instrument)).toEqual([
      'public_enterprise', 'scientific_technical', 'education', 'information', 'financial', 'taxation',
      'legal_regulatory', 'strategic', 'procurement', 'public_services', 'commercial', 'overseas',
    ]);
    const sum = rows.reduce((a, r) => a + Number(r.share), 0);
    expect(Math.abs(sum - 1)).toBeLessThan(0.001);
    // A sensible spread: every dimension is used.
    const dims = readCsv(join(out, 'dimensions.csv'));
    expect(dims.every((d) => Number(d.clauses) > 0)).toBe(true);
  });

  it('gives byte-identical CSVs on a second run', () => {
    const again = tempDir('sample-again');
    expect(runCli(['analyze', SAMPLE, '--out', again, '--quiet']).code).toBe(0);
    const csvs = readdirSync(out).filter((f) => f.endsWith('.csv'));
    expect(csvs.length).toBeGreaterThanOrEqual(6);
    for (const f of csvs) {
      expect(readFileSync(join(again, f)).equals(readFileSync(join(out, f))), f).toBe(true);
    }
  });
});

describe('instrument counts that can be checked by hand', () => {
  it('counts the Chongqing fund rules with the tiny codebook: 2 financial, 1 taxation, 1 legal', () => {
    const corpus = tempDir('cq');
    copyFileSync(join(SAMPLE, '11-chongqing-2024-fund-and-tax.pdf'), join(corpus, 'cq.pdf'));
    const out = join(corpus, 'out');
    const r = runCli(['analyze', corpus, '--out', out, '--codebook', TINY, '--quiet']);
    expect(r.code).toBe(0);
    const counts = Object.fromEntries(readCsv(join(out, 'instruments.csv')).map((x) => [x.instrument, Number(x.clauses)]));
    // 第三条 补助, 第四条 贴息 -> financial; 第五条 税收优惠 -> taxation; 第六条 不得 -> legal_regulatory.
    expect(counts).toEqual({ financial: 2, taxation: 1, legal_regulatory: 1 });
    const clauses = readCsv(join(out, 'clauses.csv'));
    expect(clauses.map((c) => c.clause_id)).toEqual(['D001-0-1', 'D001-0-2', 'D001-0-3', 'D001-0-4', 'D001-0-5', 'D001-0-6', 'D001-0-7']);
    expect(clauses[2]).toMatchObject({
      text: '第三条对新建的医疗区块链应用项目，按照项目实际投资额的20%给予补助，单个项目最高300万元。',
      primary: 'financial',
    });
    expect(clauses[2]!.matched_terms).toContain('补助');
  });
});

describe.skipIf(!SHARED_DIR)(`analyze on real text PDFs of ../shared/corpus ${SHARED_DIR ? '' : SHARED_MISSING}`, () => {
  let out: string;
  beforeAll(() => {
    const corpus = tempDir('real');
    for (const f of ['re_beijing_2022_earthquake_warning_rules.pdf', 're_dongguan_2020_hpf_loans.pdf', 're_nanjing_2017_purchase_restriction.pdf']) {
      symlinkSync(sharedPath('corpus', f), join(corpus, f));
    }
    out = join(corpus, 'out');
    const r = runCli(['analyze', corpus, '--out', out, '--codebook', TINY, '--quiet']);
    expect(r.code).toBe(0);
  });

  it('finds the known articles of the Beijing earthquake early-warning rules (第307号令)', () => {
    const clauses = readCsv(join(out, 'clauses.csv'));
    const byId = new Map(clauses.map((c) => [c.clause_id, c]));
    expect(byId.get('D001-1-1')?.text).toMatch(/^第一条为了规范地震预警活动，有效发挥地震预警作用，防御和减轻地震灾害/);
    expect(byId.get('D001-6-22')?.text).toBe('第二十二条本办法自2023年3月1日起施行。');
    expect(byId.get('D001-3-11')?.text).toContain('不得擅自发布地震预警信息');
  });

  it('codes exactly the two clauses that contain 不得 (第十条, 第十一条) as legal_regulatory', () => {
    const clauses = readCsv(join(out, 'clauses.csv')).filter((c) => c.doc_id === 'D001');
    const legal = clauses.filter((c) => c.primary === 'legal_regulatory').map((c) => c.article);
    expect(legal).toEqual(['10', '11']);
  });

  it('reads the Dongguan notice items inline after sentence ends', () => {
    const clauses = readCsv(join(out, 'clauses.csv')).filter((c) => c.doc_id === 'D002');
    expect(clauses.find((c) => c.clause_id === 'D002-1-1')?.text).toBe('（一）首套房最高贷款额度由120万元调整为90万元；');
  });
});

describe('exit codes and error messages', () => {
  const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);

  it('exits 1 and lists the document when one file of the batch cannot be read; the rest is coded', () => {
    const corpus = tempDir('bad');
    copyFileSync(join(SAMPLE, '02-guizhou-2019-pilot.pdf'), join(corpus, 'good.pdf'));
    writeFileSync(join(corpus, 'broken.pdf'), 'this is not a PDF at all');
    const out = join(corpus, 'out');
    const r = runCli(['analyze', corpus, '--out', out, '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/failed \(1\):\n  D\d+ broken\.pdf: not a PDF/);
    noStack(r.stderr);
    const docs = readCsv(join(out, 'documents.csv'));
    expect(docs.map((d) => [d.file, d.status])).toEqual([
      ['broken.pdf', 'failed'],
      ['good.pdf', 'ok'],
    ]);
  });

  it('exits 2 with one line for a missing folder, and writes nothing', () => {
    const dir = tempDir('missing');
    const r = runCli(['analyze', join(dir, 'nope'), '--out', join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('corpus folder not found');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('exits 2 for an invalid codebook, naming file and line, and writes nothing', () => {
    const dir = tempDir('badbook');
    mkdirSync(join(dir, 'corpus'));
    copyFileSync(join(SAMPLE, '02-guizhou-2019-pilot.pdf'), join(dir, 'corpus', 'a.pdf'));
    const book = join(dir, 'book.yaml');
    writeFileSync(book, 'codebook: x\nversion: "1"\ncategories:\n  - id: a\n    label: { zh: 甲 }\n    keywords: [补贴]\n    colour: red\n');
    const r = runCli(['analyze', join(dir, 'corpus'), '--out', join(dir, 'out'), '--codebook', book]);
    expect(r.code).toBe(2);
    // The unknown key is reported at its own line (7), not at its category's.
    expect(r.stderr).toContain(`${book}:7: categories.0.colour: unknown key 'colour'`);
    expect(r.stderr).toMatch(/colour/);
    noStack(r.stderr);
    expect(readdirSync(dir).sort()).toEqual(['book.yaml', 'corpus']);
  });

  it('exits 2 for an unknown option and 0 for --help and --version', () => {
    expect(runCli(['analyze', '--frobnicate']).code).toBe(2);
    const help = runCli(['analyze', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Examples:');
    expect(runCli(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe.skipIf(!SHARED_DIR)(`code-units on the gold dev set ${SHARED_DIR ? '' : SHARED_MISSING}`, () => {
  it('codes every unit and carries the human codes through as input_primary', () => {
    const dir = tempDir('units');
    const out = join(dir, 'coded.csv');
    const r = runCli(['code-units', sharedPath('gold', 'dev-units.csv'), '-o', out]);
    expect(r.code).toBe(0);
    const rows = readCsv(out);
    expect(rows).toHaveLength(225);
    expect(Object.keys(rows[0]!).slice(0, 4)).toEqual(['unit_id', 'primary', 'instruments', 'matched_terms']);
    expect(rows[0]).toHaveProperty('input_primary', 'strategic');
    for (const r2 of rows) expect(r2.primary).toMatch(/^(none|[a-z_]+)$/);
  });
});
