import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli.js';
import { REPO_ROOT } from '../sharedDir.js';

/**
 * Coding workers (src/pipeline/CodeWorkers.ts) code the documents of a run found in the caches;
 * whether a run gets them depends on the free cores, so these runs set their number
 * (POLICY_CODE_CODING_THREADS). With or without workers, and when a worker hands documents back to
 * the main thread (no prepared entry, a clause without cached tokens), every output is the same.
 */
const work = mkdtempSync(join(tmpdir(), 'policy-code-coding-workers-'));
const cache = join(work, 'cache');
const corpus = join(REPO_ROOT, 'corpus');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const run = (args: string[], threads: number) => runCli([...args, '--cache-dir', cache, '--quiet', '--jobs', '2'], REPO_ROOT, { POLICY_CODE_CODING_THREADS: String(threads) });
type RunJson = { coding_threads: number; cache: { prepared: { hits: number; misses: number }; tokens: { hits: number; misses: number; segmenter_loaded: boolean } } };
const runJson = (out: string) => JSON.parse(readFileSync(join(work, out, 'run.json'), 'utf8')) as RunJson;
const outputs = (out: string) => readdirSync(join(work, out)).filter((f) => /\.(csv|json|xlsx|html|md)$/.test(f) && f !== 'run.json').sort();
function expectSameOutputs(a: string, b: string) {
  expect(outputs(a)).toEqual(outputs(b));
  expect(outputs(a)).toContain('report.html');
  for (const f of outputs(a)) expect(readFileSync(join(work, a, f)).equals(readFileSync(join(work, b, f))), `${a}/${f} against ${b}/${f}`).toBe(true);
}

beforeAll(() => {
  expect(run(['analyze', corpus, '--out', join(work, 'cold')], 0).code).toBe(0);
  const text = readFileSync(join(REPO_ROOT, 'codebooks', 'rothwell-zegveld.zh.yaml'), 'utf8');
  writeFileSync(join(work, 'weights.yaml'), text.replace(/weight: (\d+(\.\d+)?)/, (_m, w: string) => `weight: ${Number(w) + 1}`));
  // A new term changes the segmenter's dictionary: no token entry fits, every document goes back to the main thread.
  writeFileSync(join(work, 'new-term.yaml'), text.replace(/keywords:\n(\s+)- /, (m, indent: string) => `keywords:\n${indent}- 数字孪生城市建设\n${indent}- `));
}, 300_000);

describe('coding workers', () => {
  it('code a weights-only re-code from the caches alone, with the bytes of the main thread', () => {
    const codebook = join(work, 'weights.yaml');
    expect(run(['recode', corpus, '--out', join(work, 'workers'), '--codebook', codebook], 2).code).toBe(0);
    expect(run(['recode', corpus, '--out', join(work, 'main'), '--codebook', codebook], 0).code).toBe(0);
    expect(runJson('workers').coding_threads).toBe(2);
    expect(runJson('main').coding_threads).toBe(0);
    expect(runJson('workers').cache.prepared).toEqual({ hits: 12, misses: 0 });
    expect(runJson('workers').cache.tokens).toMatchObject({ misses: 0, segmenter_loaded: false });
    expect(runJson('workers').cache.tokens.hits).toBe(runJson('main').cache.tokens.hits);
    expectSameOutputs('workers', 'main');
  });

  it('hand documents back when a clause has no cached tokens: the main thread segments them', () => {
    // One document's token entry loses a clause (as when its clauses changed since it was written).
    const tokens = join(cache, 'tokens');
    const entries = (function walk(dir: string): string[] {
      return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
    })(tokens);
    // Stored as V8's serialization of keys, token counts and lengths (io/TokenCache.ts): drop the first clause.
    const entry = deserialize(readFileSync(entries[0]!)) as { dictionary: string; keys: string[]; counts: Uint32Array; lengths: Uint32Array };
    const dropped = entry.counts[0]!;
    writeFileSync(entries[0]!, serialize({ ...entry, keys: entry.keys.slice(1), counts: entry.counts.slice(1), lengths: entry.lengths.slice(dropped) }));
    const args = (out: string) => ['recode', corpus, '--out', join(work, out), '--codebook', join(work, 'weights.yaml')];
    expect(run(args('partial-workers'), 2).code).toBe(0);
    expect(runJson('partial-workers').coding_threads).toBe(2);
    expect(runJson('partial-workers').cache.tokens).toMatchObject({ misses: 1, segmenter_loaded: true });
    expectSameOutputs('partial-workers', 'main');
  });

  it('hand documents back whose prepared entry is damaged, and are not started when entries are missing', () => {
    const prepared = join(cache, 'prepared');
    const space = readdirSync(prepared)[0]!;
    const entries = readdirSync(join(prepared, space)).flatMap((d) => readdirSync(join(prepared, space, d)).map((f) => join(prepared, space, d, f)));
    expect(entries.length).toBe(12);
    writeFileSync(entries[0]!, '{"damaged');
    expect(run(['recode', corpus, '--out', join(work, 'damaged'), '--codebook', join(work, 'weights.yaml')], 2).code).toBe(0);
    expect(runJson('damaged').coding_threads).toBe(2);
    expect(runJson('damaged').cache.prepared).toEqual({ hits: 11, misses: 1 });
    expectSameOutputs('damaged', 'main');

    // A new term: no token entry under the new dictionary, so no worker would code anything.
    expect(run(['recode', corpus, '--out', join(work, 'new-term'), '--codebook', join(work, 'new-term.yaml')], 2).code).toBe(0);
    expect(runJson('new-term').coding_threads).toBe(0);
    expect(runJson('new-term').cache.tokens).toMatchObject({ hits: 0, segmenter_loaded: true });
  });
});
