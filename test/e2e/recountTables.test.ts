import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, runCliAsync } from '../cli.js';
import { paperFormatsAgree, readMarkdown } from '../paperFormatsAgree.js';
import { readCsv, recountTables } from '../recountTables.js';
import { REPO_ROOT, SHARED_MISSING, sharedDir } from '../sharedDir.js';

/**
 * Every number analyze publishes, counted again from clauses.csv and documents.csv by code that
 * shares nothing with src/ (test/recountTables.ts), and every paper format (Markdown, LaTeX,
 * tables.xlsx as Excel shows it, report.html) against the CSV files (test/paperFormatsAgree.ts).
 * The fixture is written by scripts/make-recount-fixtures.mjs; docs/table-checks.md lists the checks.
 */
const FIXTURE = join(REPO_ROOT, 'test', 'fixtures', 'fourteen-files-recounted-by-hand');
const corpus = join(FIXTURE, 'corpus');
const codebook = join(FIXTURE, 'codebook.yaml');
const shared = sharedDir();

let tmp: string;
/** What report wrote to stderr: the whole run, 广东, 北京. */
let reportLines: string[];
const out = (name: string) => join(tmp, name);

/** Every file below a folder, as paths relative to it, run.json aside (it holds timings). */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name !== 'run.json')
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

function sameBytes(a: string, b: string, only?: RegExp): string[] {
  const names = files(a).filter((f) => !only || only.test(f));
  expect(files(b).filter((f) => !only || only.test(f))).toEqual(names);
  return names.filter((f) => !readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'policy-code-recount-'));
  const env = { POLICY_CODE_CACHE_DIR: join(tmp, 'cache') };
  const analyze = (o: string, ...more: string[]) => runCliAsync(['analyze', corpus, '-c', codebook, '-q', '-o', out(o), ...more], tmp, env);
  const five = join(REPO_ROOT, 'test', 'fixtures', 'five-policies-counted-by-hand');
  const runs = await Promise.all([
    analyze('one'),
    analyze('shard0', '--shard', '0/2'),
    analyze('shard1', '--shard', '1/2'),
    // A second codebook: categories_actions.csv and the instrument x action cross-tabulation.
    runCliAsync(['analyze', join(five, 'corpus'), '-c', join(five, 'codebook.yaml'), '-c', join(five, 'actions.yaml'), '-q', '-o', out('two-codebooks')], tmp, env),
  ]);
  for (const r of runs) expect(r.code, r.stderr).toBe(0);
  const later = await Promise.all([
    analyze('two'),
    runCliAsync(['merge', out('shard1'), out('shard0'), '-o', out('merged')], tmp, env),
    runCliAsync(['report', out('one'), '-o', out('report')], tmp, env),
    runCliAsync(['report', out('one'), '--where', 'province=广东', '-o', out('guangdong')], tmp, env),
    runCliAsync(['report', out('one'), '--where', 'province=Beijing', '-o', out('beijing')], tmp, env),
  ]);
  for (const r of later) expect(r.code, r.stderr).toBe(0);
  reportLines = later.slice(2).map((r) => r.stderr.trim());
  if (shared) expect(runCli(['analyze', join(shared, 'corpus2'), '-q', '-o', out('corpus2')], tmp).code).toBeLessThanOrEqual(1);
}, 300_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the fourteen-file fixture: eleven policies, second copies of two, a newspaper page', () => {
  it('counts the eleven policies once: the copies and the newspaper page are listed, not counted', () => {
    const docs = readCsv(out('one'), 'documents.csv');
    expect(docs.filter((d) => d.status !== 'ok').map((d) => [d.file, d.status])).toEqual([['a2（下载）.txt', 'duplicate'], ['c2.txt', 'duplicate'], ['news.txt', 'not_policy']]);
    expect(new Set(readCsv(out('one'), 'clauses.csv').map((c) => c.doc_id)).size).toBe(11);
  });

  it('a copy that sorts before the file metadata.csv lists is counted with that file\'s row', () => {
    const copy = readCsv(out('one'), 'documents.csv').find((d) => d.file === 'c2-copy.txt')!;
    expect(copy).toMatchObject({ status: 'ok', province: '四川', year: '2021', level: 'prefecture', title: '关于完善数字公共服务的方案' });
    expect(readCsv(out('one'), 'provinces.csv').find((r) => r.province === '四川')).toMatchObject({ policies: '1', clauses: '2' });
  });

  it('publishes every CSV table as a recount from clauses.csv and documents.csv gives it', () => {
    expect(recountTables(out('one'))).toEqual([]);
  });

  it('gives the numbers counted by hand', () => {
    // Provinces 广东 3, 浙江 2, 北京 1, 四川 1, 江苏 1 (central and unknown left out): mean 8/5,
    // sample sd sqrt(3.2/4), population sd sqrt(3.2/5); 21 coded clauses; 11 policies.
    expect(readCsv(out('one'), 'province_summary.csv')[0]).toMatchObject({ provinces: '5', policies: '8', mean: '1.60', sd: '0.89', sd_population: '0.80', median: '1.00', q1: '1.00', q3: '2.00', min: '1', max: '3' });
    const financial = readCsv(out('one'), 'instruments.csv').find((r) => r.instrument === 'financial');
    expect(financial).toMatchObject({ clauses: '5', share: '0.2381', clauses_any_code: '6', policies_using: '5', share_of_policies: '0.4545' });
    const total = readCsv(out('one'), 'instrument_structure.csv').at(-1);
    // One policy (d1.txt) has no coded clause: 10 of the 11 policies use an instrument.
    expect(total).toMatchObject({ dimension: 'total', clauses: '21', share: '1.0000', policies: '10', share_of_policies: '0.9091' });
    expect(readCsv(out('one'), 'years.csv').map((r) => `${r.year}:${r.policies}`)).toEqual(['2018:1', '2019:2', '2020:3', '2021:1', '2022:2', '2023:0', '2024:1', '(unknown):1']);
  });

  it('prints the same numbers in Markdown, LaTeX, tables.xlsx (as Excel shows them) and report.html', async () => {
    expect(await paperFormatsAgree(out('one'))).toEqual([]);
  });

  it('draws the figures with the numbers of the tables', () => {
    const texts = (f: string) => [...readFileSync(join(out('one'), 'figures', f), 'utf8').matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
    const provinces = readCsv(out('one'), 'provinces.csv').filter((r) => r.province !== '全国' && r.province !== '(unknown)');
    expect(texts('policies_per_province.svg').slice(1)).toEqual(provinces.flatMap((r) => [r.province, r.policies]));
    const years = readCsv(out('one'), 'years.csv').filter((r) => r.year !== '(unknown)');
    expect(texts('year_trend.svg').slice(1)).toEqual(years.flatMap((r) => [r.policies, r.year]));
    const shares = readMarkdown(join(out('one'), 'tables', 'instruments.md')).rows.map((r) => `${r[2]}%`);
    expect(texts('instrument_shares.svg').filter((t) => t.endsWith('%'))).toEqual(shares);
  });

  it('gives the same bytes from a second run, from report on summaries.json, and from merging two shards', () => {
    expect(sameBytes(out('one'), out('two'))).toEqual([]);
    // report writes the tables, not the documents and clauses.
    expect(sameBytes(out('one'), out('report'), /^(tables\/|figures\/|tables\.xlsx|(?!clauses|documents)[a-z_]+\.csv$)/)).toEqual([]);
    expect(sameBytes(out('one'), out('merged'), /^(tables\/|figures\/|tables\.xlsx|report\.html|[a-z_]+\.csv$)/)).toEqual([]);
  });

  it('report says how many policies its tables count, not how many documents were selected', () => {
    expect(reportLines[0]).toBe(`11 policies in the tables (14 of 14 documents selected; 3 of them not counted: see status in documents.csv); 49 files in ${out('report')}/`);
    expect(reportLines[1]).toBe(`3 policies in the tables (4 of 14 documents selected; 1 of them not counted: see status in documents.csv); 49 files in ${out('guangdong')}/`);
  });

  it('a filter recounts over the documents it keeps', async () => {
    expect(recountTables(out('guangdong'), (d) => d.province === '广东', out('one'))).toEqual([]);
    expect(await paperFormatsAgree(out('guangdong'))).toEqual([]);
  });

  it('leaves the sample sd of a single province empty: it is undefined, not 0', () => {
    expect(readCsv(out('beijing'), 'province_summary.csv')[0]).toMatchObject({ provinces: '1', policies: '1', mean: '1.00', sd: '', sd_population: '0.00' });
    expect(recountTables(out('beijing'), (d) => d.province === '北京', out('one'))).toEqual([]);
  });

  it('recounts the tables of a further codebook: its one-way table and its cross-tabulation with the main one', async () => {
    expect(readdirSync(out('two-codebooks'))).toEqual(expect.arrayContaining(['categories_actions.csv', 'crosstab_table-fixture_x_actions.csv']));
    expect(recountTables(out('two-codebooks'))).toEqual([]);
    expect(await paperFormatsAgree(out('two-codebooks'))).toEqual([]);
  });

  it('the recount finds a number changed in a published table', () => {
    const copy = out('tampered');
    cpSync(out('one'), copy, { recursive: true });
    const file = join(copy, 'crosstab_year_instrument.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace('\n2019,3,', '\n2019,2,'));
    expect(recountTables(copy)).toEqual(['crosstab_year_instrument.csv row 2 (2019) education: published 2, recounted 3']);
  });
});

describe.skipIf(!shared)('../shared/corpus2 (20 text documents)', () => {
  if (!shared) console.warn(`recountTables.test: ${SHARED_MISSING}`);

  it('publishes every table as a recount gives it, in every format', async () => {
    expect(recountTables(out('corpus2'))).toEqual([]);
    expect(await paperFormatsAgree(out('corpus2'))).toEqual([]);
  });
});
