import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript shared with the benchmark
import { buildCorpus } from '../../bench/buildCorpus.mjs';
import { runCli } from '../cli.js';
import { REPO_ROOT, sharedDir } from '../sharedDir.js';

const shared = sharedDir();
const tmp = mkdtempSync(join(tmpdir(), 'policy-code-shard-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** analyze runs --quiet; merge and report have no such option. */
const run = (...args: string[]) => runCli(args[0] === 'analyze' ? [...args, '--quiet'] : args, tmp, { POLICY_CODE_CACHE_DIR: join(tmp, 'cache') });

if (!shared) console.warn('shardMerge.test: ../shared/corpus not found, shard and merge tests skipped');

describe.skipIf(!shared)('analyze --shard i/n and merge', () => {
  beforeAll(() => {
    // 40 documents: two PDFs and copies of the TXT files (the shards share the token cache of the single run).
    buildCorpus(join(shared!, 'corpus'), join(tmp, 'corpus'), 38, ['txt']);
    buildCorpus(join(shared!, 'corpus'), join(tmp, 'corpus', 'pdf'), 2, ['pdf']);
    // Two codebooks, so that the further codebook's columns and counts go through the merge too.
    const books = ['--codebook', join(REPO_ROOT, 'codebooks', 'rothwell-zegveld.zh.yaml'), '--codebook', join(REPO_ROOT, 'codebooks', 'healthcare-blockchain-domains.zh.yaml')];
    expect(run('analyze', 'corpus', ...books, '--out', 'single').code).toBe(0);
    for (let i = 0; i < 3; i++) expect(run('analyze', 'corpus', ...books, '--shard', `${i}/3`, '--out', `part${i}`).code).toBe(0);
  }, 300_000);

  it('a shard holds the documents whose index mod n is i, with ids given over the whole corpus', () => {
    const part = JSON.parse(readFileSync(join(tmp, 'part1', 'part.json'), 'utf8')) as { parts: Array<{ index: number; summary: { docId: string } }> };
    expect(part.parts.map((p) => p.index)).toEqual([1, 4, 7, 10, 13, 16, 19, 22, 25, 28, 31, 34, 37]);
    expect(part.parts[0]!.summary.docId).toBe('D002');
  });

  it('merging the shards (in any order) writes every CSV byte for byte as one run', () => {
    const r = run('merge', 'part2', 'part0', 'part1', '--out', 'merged');
    expect(r.stderr).toMatch(/merged 3 partial results: 40 documents/);
    expect(r.code).toBe(0);
    const csvs = readdirSync(join(tmp, 'single')).filter((f) => f.endsWith('.csv')).sort();
    expect(csvs).toContain('clauses.csv');
    expect(readFileSync(join(tmp, 'single', 'clauses.csv'), 'utf8').split('\n')[0]).toMatch(/healthcare-blockchain-domains:primary/);
    expect(readdirSync(join(tmp, 'merged')).filter((f) => f.endsWith('.csv')).sort()).toEqual(csvs);
    for (const f of csvs) expect(readFileSync(join(tmp, 'merged', f)).equals(readFileSync(join(tmp, 'single', f))), f).toBe(true);
    // The page is built from the same clauses and summaries, so it is the same bytes too.
    expect(readFileSync(join(tmp, 'merged', 'report.html')).equals(readFileSync(join(tmp, 'single', 'report.html'))), 'report.html').toBe(true);
    const single = JSON.parse(readFileSync(join(tmp, 'single', 'run.json'), 'utf8'));
    const merged = JSON.parse(readFileSync(join(tmp, 'merged', 'run.json'), 'utf8'));
    // from_cache depends on what earlier runs left in the cache, not on the corpus.
    expect({ ...merged.counts, from_cache: 0 }).toEqual({ ...single.counts, from_cache: 0 });
    expect(merged.inputs).toEqual(single.inputs);
  });

  it('refuses a missing or repeated shard and writes nothing', () => {
    const r = run('merge', 'part0', 'part2', 'part2', '--out', 'bad');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/shard 2\/3 is also in part2/);
    expect(r.stderr).toMatch(/missing shard 1\/3/);
    expect(() => readdirSync(join(tmp, 'bad'))).toThrow();
  });

  it('rejects a malformed --shard', () => {
    const r = run('analyze', 'corpus', '--shard', '3/3', '--out', 'x');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--shard takes i\/n with 0 <= i < n/);
  });
});
