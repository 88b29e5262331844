import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript shared with the benchmark
import { buildCorpus } from '../../bench/buildCorpus.mjs';
import { runCli } from '../cli.js';
import { REPO_ROOT, sharedDir } from '../sharedDir.js';

const CODEBOOK = join(REPO_ROOT, 'codebooks', 'rothwell-zegveld.zh.yaml');
const shared = sharedDir();
const tmp = mkdtempSync(join(tmpdir(), 'policy-code-recode-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const run = (cache: string, ...args: string[]) => runCli(args, tmp, { POLICY_CODE_CACHE_DIR: join(tmp, cache) });
interface RunJson {
  cache: { extraction: { hits: number; extracted: number }; tokens: { hits: number; misses: number; segmenter_loaded: boolean } };
}
const runJson = (out: string) => JSON.parse(readFileSync(join(tmp, out, 'run.json'), 'utf8')) as RunJson;
const csv = (out: string, f: string) => readFileSync(join(tmp, out, f));

if (!shared) console.warn('recode.test: ../shared/corpus not found, tests skipped');

describe.skipIf(!shared)('recode', () => {
  beforeAll(() => {
    buildCorpus(join(shared!, 'corpus'), join(tmp, 'corpus'), 6, ['txt']);
    buildCorpus(join(shared!, 'corpus'), join(tmp, 'corpus', 'pdf'), 1, ['pdf']);
    expect(run('cache', 'analyze', 'corpus', '--out', 'out', '--quiet').code).toBe(0);
    const text = readFileSync(CODEBOOK, 'utf8');
    // A weights-only edit (the dictionary stays the same) and an edit that adds a term.
    const weights = text.replace(/\{ term: ([^,]+), weight: 2 \}/, '{ term: $1, weight: 3 }');
    expect(weights).not.toBe(text);
    writeFileSync(join(tmp, 'weights.yaml'), weights);
    writeFileSync(join(tmp, 'new-term.yaml'), text.replace(/(\n\s+keywords:\n)/, '$1          - 数字孪生城市\n'));
  }, 240_000);

  it('with the same codebook writes the tables of analyze without extracting or segmenting anything', () => {
    const r = run('cache', 'recode', 'corpus', '--out', 'same', '--quiet');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(runJson('same').cache.extraction).toEqual({ hits: 7, extracted: 0 });
    expect(runJson('same').cache.tokens).toMatchObject({ misses: 0, segmenter_loaded: false });
    for (const f of ['clauses.csv', 'documents.csv', 'instruments.csv']) expect(csv('same', f).equals(csv('out', f)), f).toBe(true);
  });

  it('after a weights-only edit reuses every token; after a new term segments again; never extracts', () => {
    // Without a corpus, recode takes the one of the run in --out.
    expect(run('cache', 'recode', '--out', 'out', '--codebook', 'weights.yaml', '--quiet').code).toBe(0);
    expect(runJson('out').cache.extraction.extracted).toBe(0);
    expect(runJson('out').cache.tokens).toMatchObject({ misses: 0, segmenter_loaded: false });

    expect(run('cache', 'recode', 'corpus', '--out', 'term', '--codebook', 'new-term.yaml', '--quiet').code).toBe(0);
    expect(runJson('term').cache.extraction).toEqual({ hits: 7, extracted: 0 });
    expect(runJson('term').cache.tokens.hits).toBe(0);
    expect(runJson('term').cache.tokens.segmenter_loaded).toBe(true);
  }, 300_000);

  it('extracts what the cache lacks, and says so', () => {
    const r = run('empty-cache', 'recode', 'corpus', '--out', 'fresh', '--quiet');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/recode: 7 of 7 documents were not in the extraction cache and were extracted again/);
    expect(csv('fresh', 'clauses.csv').equals(csv('same', 'clauses.csv'))).toBe(true);
  }, 300_000);
});
