import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli.js';
import { sharedDir } from '../sharedDir.js';

/** Issue 13: a province is never guessed from places the body names in passing (../shared/corpus2 against its MANIFEST.tsv). */
const shared = sharedDir();
const corpus2 = shared ? join(shared, 'corpus2') : null;
const present = corpus2 !== null && existsSync(join(corpus2, 'MANIFEST.tsv'));
if (!present) console.warn('corpus2Metadata.test: skipped, ../shared/corpus2 (with MANIFEST.tsv) is not beside the repository');

type Row = Record<string, string>;
/** 广东(东莞市) -> 广东, 国家(国务院) or 全国 -> 全国 (as metadataAccuracy.test reads MANIFEST.tsv). */
const goldProvince = (s: string): string | null => (!s.trim() ? null : s.startsWith('国家') ? '全国' : s.replace(/[(（].*$/, '').trim());

describe.skipIf(!present)('metadata on ../shared/corpus2: no province from the body', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'policy-code-corpus2-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  let docs: Row[] = [];
  let gold = new Map<string, string | null>();
  let stderr = '';

  beforeAll(() => {
    const r = runCli(['analyze', corpus2!, '--out', join(tmp, 'out')], tmp);
    expect([0, 1], r.stderr).toContain(r.code);
    stderr = r.stderr;
    docs = parse(readFileSync(join(tmp, 'out', 'documents.csv'), 'utf8'), { columns: true, bom: true }) as Row[];
    const manifest = parse(readFileSync(join(corpus2!, 'MANIFEST.tsv'), 'utf8'), { columns: true, delimiter: '\t', relax_quotes: true }) as Row[];
    gold = new Map(manifest.map((m) => [m.local_file!, goldProvince(m.province!)]));
  }, 120_000);

  it('gets no province wrong with confidence 0.5 or more', () => {
    const confidence = (d: Row) => Number(/(?:^|;)province:[^:;]+:([\d.]+)/.exec(d.provenance!)?.[1] ?? 0);
    const wrong = docs.filter((d) => d.province && gold.get(d.file!) && d.province !== gold.get(d.file!) && confidence(d) >= 0.5);
    expect(wrong.map((d) => `${d.file} ${d.province} ${d.provenance}`)).toEqual([]);
  });

  it('leaves the national plan that names 新疆 in its addressees without a province, with a candidate to check', () => {
    const plan = docs.find((d) => d.file === 'cn_commerce_plan.txt')!;
    expect(plan.province).toBe('');
    expect(plan.provenance).toMatch(/province_candidate:body:/);
    const unknown = docs.filter((d) => d.status === 'ok' && d.province === '').length;
    expect(unknown).toBeGreaterThan(0);
    expect(stderr).toContain(`${unknown} counted documents have no province`);
  });
});
