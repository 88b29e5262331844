import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliAsync } from '../cli.js';
import { REPO_ROOT } from '../sharedDir.js';

const fixture = (name: string) => join(REPO_ROOT, 'test', 'fixtures', name);
const FIVE = fixture('five-policies-counted-by-hand');
const STUDY = fixture('twenty-two-provinces-as-in-the-source-study');
const hasCjkFont = existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc');

let tmp: string;
const out = (name: string) => join(tmp, name);

/** Runs side by side: the fixtures' runs are independent. */
const run = (args: string[]) => runCliAsync(args, tmp);

function csv(dir: string, name: string): Array<Record<string, string>> {
  return parse(readFileSync(join(dir, name), 'utf8'), { columns: true, bom: true });
}

/** Every file below a folder, as paths relative to it. */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'policy-code-tables-'));
  const first = await Promise.all([
    run(['analyze', join(FIVE, 'corpus'), '--codebook', join(FIVE, 'codebook.yaml'), '--codebook', join(FIVE, 'actions.yaml'), '-q', '--png', '--out', out('five')]),
    run(['analyze', join(STUDY, 'corpus'), '--codebook', join(STUDY, 'codebook.yaml'), '-q', '--no-bom', '--out', out('study')]),
  ]);
  for (const r of first) expect(r, r.stderr).toMatchObject({ code: 0 });
  const again = await Promise.all([
    run(['report', out('five'), '--png', '--out', out('five-report')]),
    run(['report', out('five'), '--where', 'province=Guangdong', '--years', '2020-2021', '--out', out('five-guangdong')]),
    run(['report', out('five'), '--where', 'actions=strengthen', '--level', 'national,provincial', '--out', out('five-strengthen')]),
  ]);
  for (const r of again) expect(r, r.stderr).toMatchObject({ code: 0 });
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the source study fixture (22 provinces, 96 policies, 2 central documents)', () => {
  it('gives mean 4.36 and sd 3.91 in province_summary, with the top and bottom provinces', () => {
    const text = readFileSync(join(out('study'), 'province_summary.csv'), 'utf8');
    expect(text.charCodeAt(0)).not.toBe(0xfeff); // --no-bom
    expect(csv(out('study'), 'province_summary.csv')).toEqual([
      {
        provinces: '22', policies: '96', mean: '4.36', sd: '3.91', sd_population: '3.82', median: '3.00', q1: '2.00', q3: '5.00', min: '1', max: '16',
        top: '广东 16; 贵州 11; 浙江 10; 上海 8; 北京 7',
        bottom: '河北 1; 辽宁 1; 吉林 1; 海南 1; 云南 1',
      },
    ]);
    // 广东省, 广东 and Guangdong in metadata.csv are one province.
    expect(csv(out('study'), 'provinces.csv').slice(0, 2).map((r) => [r.province, r.policies])).toEqual([['广东', '16'], ['贵州', '11']]);
  });
});

describe('the five-policy fixture, every number counted by hand', () => {
  it('instruments and dimensions by clause (primary) and by document (any code)', () => {
    expect(csv(out('five'), 'instruments.csv').map((r) => Object.values(r).slice(1).join(' '))).toEqual([
      'education 教育培训 2 0.1667 0.5000 2 2 0.4000',
      'scientific_technical 科技研发 2 0.1667 0.5000 2 2 0.4000',
      'financial 财政金融 3 0.2500 0.6000 4 2 0.4000',
      'taxation 税收优惠 2 0.1667 0.4000 2 2 0.4000',
      'procurement 政府采购 3 0.2500 1.0000 3 3 0.6000',
    ]);
    expect(csv(out('five'), 'dimensions.csv').map((r) => Object.values(r).join(' '))).toEqual([
      'supply 供给型 4 0.3333 3 0.6000',
      'environment 环境型 5 0.4167 3 0.6000',
      'demand 需求型 3 0.2500 3 0.6000',
    ]);
  });

  it('provinces, province statistics, years', () => {
    expect(csv(out('five'), 'provinces.csv').map((r) => Object.values(r).join(' '))).toEqual([
      '广东 2 6 6 2 3 1',
      '浙江 1 2 1 0 1 0',
      '全国 1 3 3 2 0 1',
      '(unknown) 1 2 2 0 1 1',
    ]);
    expect(Object.values(csv(out('five'), 'province_summary.csv')[0]!).join(' ')).toBe('2 3 1.50 0.71 0.50 1.50 1.25 1.75 1 2 广东 2; 浙江 1 浙江 1');
    expect(csv(out('five'), 'years.csv').map((r) => Object.values(r).join(' '))).toEqual(['2020 2 7 7', '2021 2 4 3', '(unknown) 1 2 2']);
  });

  it('crosstabs by hand, and their totals agree with the one-way tables', () => {
    expect(csv(out('five'), 'crosstab_year_instrument.csv').map((r) => Object.values(r).join(' '))).toEqual([
      '2020 2 1 2 1 1 7',
      '2021 0 1 1 0 1 3',
      '(unknown) 0 0 0 1 1 2',
      'total 2 2 3 2 3 12',
    ]);
    expect(csv(out('five'), 'crosstab_level_dimension.csv').map((r) => Object.values(r).join(' '))).toEqual([
      'national 国家级 2 0 1 3',
      'provincial 省级 1 4 0 5',
      'prefecture 地市级 1 0 1 2',
      'county 区县级 0 0 0 0',
      '(unknown) 未知 0 1 1 2',
      'total 合计 4 5 3 12',
    ]);
    const instruments = csv(out('five'), 'instruments.csv');
    for (const name of ['crosstab_province_instrument.csv', 'crosstab_year_instrument.csv']) {
      const total = csv(out('five'), name).at(-1)!;
      for (const i of instruments) expect(total[i.instrument!]).toBe(i.clauses);
    }
    const levelTotal = csv(out('five'), 'crosstab_level_dimension.csv').at(-1)!;
    for (const d of csv(out('five'), 'dimensions.csv')) expect(levelTotal[d.dimension!]).toBe(d.clauses);
    expect(csv(out('five'), 'crosstab_province_instrument_share.csv')[0]).toMatchObject({ province: '广东', financial: '0.3333', total: '1.0000' });
  });

  it('instrument x a second codebook, from clause-level pairs, with totals equal to both one-way tables', () => {
    // Verbs: 设立/推进 build, 落实/开展 implement, 加强 strengthen; 做好其他工作 (z1) is none in both.
    expect(csv(out('five'), 'crosstab_table-fixture_x_actions.csv').map((r) => Object.values(r).join(' '))).toEqual([
      'education 教育培训 0 0 2 0 2',
      'scientific_technical 科技研发 0 2 0 0 2',
      'financial 财政金融 3 0 0 0 3',
      'taxation 税收优惠 0 2 0 0 2',
      'procurement 政府采购 3 0 0 0 3',
      'none 未编码 0 0 0 1 1',
      'total 合计 6 4 2 1 13',
    ]);
    const cross = csv(out('five'), 'crosstab_table-fixture_x_actions.csv');
    for (const i of csv(out('five'), 'instruments.csv')) expect(cross.find((r) => r.category === i.instrument)!.total).toBe(i.clauses);
    const actions = csv(out('five'), 'categories_actions.csv');
    expect(actions.map((r) => [r.category, r.clauses, r.policies_using])).toEqual([['build', '6', '5'], ['implement', '4', '4'], ['strengthen', '2', '2']]);
    for (const a of actions) expect(cross.at(-1)![a.category!]).toBe(a.clauses);
  });

  it('writes Markdown and LaTeX with Chinese headings and percentages, ids left to the CSV files', () => {
    const md = readFileSync(join(out('five'), 'tables', 'instruments.md'), 'utf8');
    expect(md).toContain('| 政策工具 | 条款数（主编码） | 占已编码条款 (%) |');
    expect(md).toContain('| 财政金融 | 3 | 25.0 | 60.0 | 4 | 2 | 40.0 |');
    expect(md).not.toContain('financial');
    const tex = readFileSync(join(out('five'), 'tables', 'crosstab_province_instrument_share.tex'), 'utf8');
    expect(tex).toContain('\\toprule');
    expect(tex).toContain('广东 & 16.7 & 16.7 & 33.3 & 16.7 & 16.7 & 100.0 \\\\');
  });

  it('writes one xlsx sheet per table, with Chinese text and numbers as numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(out('five'), 'tables.xlsx'));
    const names = workbook.worksheets.map((w) => w.name);
    expect(names).toContain('instruments');
    expect(names).toContain('crosstab_province_instrument_sh');
    expect(names).toContain("crosstab_table-fixture_x_action");
    expect(names).toContain("crosstab_table-fixture_x_acti~2"); // 31 characters at most
    const sheet = workbook.getWorksheet('instruments')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '政策工具', '条款数（主编码）', '占已编码条款 (%)', '占本维度 (%)', '条款数（任一编码）', '涉及的政策数', '占政策数 (%)']);
    expect(sheet.getRow(4).values).toEqual([undefined, '财政金融', 3, 0.25, 0.6, 4, 2, 0.4]);
    expect(workbook.getWorksheet('provinces')!.getCell('A2').value).toBe('广东');
    expect(workbook.created.toISOString()).toBe('2000-01-01T00:00:00.000Z');
  });

  it('draws the figures as SVG with Chinese labels, and as PNG where the Noto CJK font is installed', () => {
    const svg = readFileSync(join(out('five'), 'figures', 'policies_per_province.svg'), 'utf8');
    expect(svg).toContain('>广东</text>');
    if (!hasCjkFont) return console.warn('skipping the PNG check: fonts-noto-cjk is not installed');
    const png = readFileSync(join(out('five'), 'figures', 'policies_per_province.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  });
});

describe('report', () => {
  it('rebuilds byte-identical tables, workbook and figures from summaries.json', () => {
    const analyzed = files(out('five')).filter((f) => !['run.json', 'documents.csv', 'clauses.csv', 'summaries.json'].includes(f));
    expect(files(out('five-report'))).toEqual([...analyzed, 'run.json'].sort());
    for (const f of analyzed) expect(readFileSync(join(out('five-report'), f)).equals(readFileSync(join(out('five'), f))), f).toBe(true);
  });

  it('applies filters and records them in run.json', () => {
    // 广东 2020-2021: g1 (financial 2, taxation 1, education 1) and g2 (procurement 1, scientific_technical 1).
    expect(csv(out('five-guangdong'), 'instruments.csv').map((r) => r.clauses)).toEqual(['1', '1', '2', '1', '1']);
    const runJson = JSON.parse(readFileSync(join(out('five-guangdong'), 'run.json'), 'utf8'));
    expect(runJson.tables.filters).toEqual(['province=Guangdong', 'year=2020-2021']);
    expect(runJson.tables.documents).toEqual({ in_summaries: 5, selected: 2, counted: 2 });
    expect(runJson.codebook.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(runJson.inputs).toHaveLength(5);
  });

  it('filters by a category of a further codebook and by level', () => {
    // 加强 (strengthen) is in g1 (provincial) and n1 (national): their 7 clauses, 7 coded.
    expect(csv(out('five-strengthen'), 'years.csv').map((r) => Object.values(r).join(' '))).toEqual(['2020 2 7 7']);
    expect(JSON.parse(readFileSync(join(out('five-strengthen'), 'run.json'), 'utf8')).tables.filters).toEqual(['actions=strengthen', 'level=national,provincial']);
  });

  it('stops with exit code 2 on a misspelt filter or a folder without summaries, writing nothing', async () => {
    const bad = await run(['report', out('five'), '--where', 'provinse=广东', '--out', out('nothing')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("unknown field 'provinse'");
    expect(existsSync(out('nothing'))).toBe(false);
    const missing = await run(['report', join(FIVE, 'corpus')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('summaries.json not found');
  });
});
