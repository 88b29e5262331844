import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli.js';
import { REPO_ROOT, sharedDir } from '../sharedDir.js';

/**
 * Issue 13: --unit item (the numbered item or article whole, the default) against --unit sentence
 * (items over 200 characters cut at sentence ends) on two real documents of ../shared: the Shenyang
 * youth employment measures (items with headings and responsibility tags) and a national rule whose
 * last two articles share a line.
 */
const shared = sharedDir();
const FILES = [join('corpus', 'rx_liaoning_shenyang_youth_employment.txt'), join('corpus2', 'cn_training_institutions.txt')];
const present = shared !== null && FILES.every((f) => existsSync(join(shared, f)));
if (!present) console.warn('codingUnits.test: skipped, ../shared/corpus and ../shared/corpus2 are not beside the repository');

const CODEBOOK = join(REPO_ROOT, 'codebooks', 'rothwell-zegveld.zh.yaml');
const tmp = mkdtempSync(join(tmpdir(), 'policy-code-units-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Row = Record<string, string>;
const run = (...args: string[]) => runCli(args, tmp, { POLICY_CODE_CACHE_DIR: join(tmp, 'cache') });
const clauses = (out: string) => parse(readFileSync(join(tmp, out, 'clauses.csv'), 'utf8'), { columns: true, bom: true }) as Row[];
const unitOf = (out: string) => (JSON.parse(readFileSync(join(tmp, out, 'run.json'), 'utf8')) as { unit: string }).unit;

describe.skipIf(!present)('the unit of coding on real documents', () => {
  beforeAll(() => {
    mkdirSync(join(tmp, 'corpus'));
    for (const f of FILES) copyFileSync(join(shared!, f), join(tmp, 'corpus', f.split('/')[1]!));
    for (const unit of ['item', 'sentence']) expect(run('analyze', 'corpus', '--unit', unit, '--out', unit, '-q').code).toBe(0);
    expect(run('analyze', 'corpus', '--out', 'default', '-q').code).toBe(0);
    writeFileSync(join(tmp, 'sentences.yaml'), readFileSync(CODEBOOK, 'utf8').replace(/^mode: (\w+)$/m, 'mode: $1\nunit: sentence'));
    expect(run('analyze', 'corpus', '--codebook', 'sentences.yaml', '--out', 'from-codebook', '-q').code).toBe(0);
  }, 180_000);

  it('counts fewer, whole units as items: 87 items against 197 sentence parts', () => {
    const perDoc = (out: string) => ['D001', 'D002'].map((d) => clauses(out).filter((c) => c.doc_id === d).length);
    // D001 the national rule, D002 Shenyang (files in path order).
    expect(perDoc('item')).toEqual([37, 50]);
    expect(perDoc('sentence')).toEqual([44, 153]);
  });

  it('keeps item 18 of the Shenyang measures whole, with its heading and responsibility tag', () => {
    const items = clauses('item').filter((c) => c.clause_id.startsWith('D002-3-2-18'));
    expect(items.map((c) => c.clause_id)).toEqual(['D002-3-2-18']);
    expect(items[0]!.text).toMatch(/^18\.给予灵活就业社保补贴。对毕业年度.*\(责任单位:市人社局、市财政局\)$/s);
    const parts = clauses('sentence').filter((c) => c.clause_id.startsWith('D002-3-2-18'));
    expect(parts.map((c) => c.clause_id)).toEqual(['D002-3-2-18.1', 'D002-3-2-18.2', 'D002-3-2-18.3', 'D002-3-2-18.4', 'D002-3-2-18.5', 'D002-3-2-18.6']);
    expect(parts[5]!.text).toBe('(责任单位:市人社局、市财政局)');
  });

  it('starts a new unit at an article marker inside a line', () => {
    const last = clauses('item').filter((c) => c.doc_id === 'D001').slice(-2);
    expect(last.map((c) => [c.clause_id, c.text])).toEqual([
      ['D001-5-22', '第二十二条本办法由工程指导协调小组办公室负责解释'],
      ['D001-5-23', '第二十三条本办法自公布之日起试行，'],
    ]);
    expect(clauses('sentence').filter((c) => c.clause_id === 'D001-5-22')[0]!.text).toContain('第二十三条');
  });

  it('takes the unit from --unit, else the codebook, else item, and records it in run.json', () => {
    expect([unitOf('item'), unitOf('sentence'), unitOf('default'), unitOf('from-codebook')]).toEqual(['item', 'sentence', 'item', 'sentence']);
    expect(clauses('default')).toEqual(clauses('item'));
    expect(clauses('from-codebook').length).toBe(clauses('sentence').length);
  });

  it('refuses to merge shards cut in different units', () => {
    expect(run('analyze', 'corpus', '--shard', '0/2', '--unit', 'item', '--out', 'part0', '-q').code).toBe(0);
    expect(run('analyze', 'corpus', '--shard', '1/2', '--unit', 'sentence', '--out', 'part1', '-q').code).toBe(0);
    const r = run('merge', 'part0', 'part1', '--out', 'merged');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('part1: cut in unit sentence, but part0 in unit item (give every shard the same --unit)');
  });

  it('refuses an unknown unit with a usage error', () => {
    const r = run('analyze', 'corpus', '--unit', 'paragraph', '--out', 'bad');
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('policy-code: error: --unit paragraph: the unit is item or sentence');
  });
});
