import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli.js';
import { REPO_ROOT } from '../sharedDir.js';

/**
 * A re-coding after a weights-only edit takes everything from the caches (pages, prepared documents,
 * tokens) and writes tables.xlsx from a worker thread: it must write exactly the bytes of a cold run
 * with that codebook, whatever --jobs.
 */
const work = mkdtempSync(join(tmpdir(), 'policy-code-recode-cold-'));
const cache = join(work, 'cache');
const corpus = join(REPO_ROOT, 'corpus');
const codebook = join(work, 'weights.yaml');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const run = (args: string[]) => runCli([...args, '--cache-dir', cache, '--quiet'], REPO_ROOT);
const runJson = (out: string) => JSON.parse(readFileSync(join(work, out, 'run.json'), 'utf8')) as { cache: { extraction: { extracted: number }; prepared: { hits: number }; tokens: { misses: number; segmenter_loaded: boolean } } };
const files = (out: string) => readdirSync(join(work, out)).filter((f) => /\.(csv|json|xlsx)$/.test(f) && f !== 'run.json').sort();

beforeAll(() => {
  // A weights-only edit: every term stays, so every token is cached.
  const text = readFileSync(join(REPO_ROOT, 'codebooks', 'rothwell-zegveld.zh.yaml'), 'utf8');
  writeFileSync(codebook, text.replace(/weight: (\d+(\.\d+)?)/, (_m, w: string) => `weight: ${Number(w) + 1}`));
  expect(readFileSync(codebook, 'utf8')).not.toBe(text);
  expect(run(['analyze', corpus, '--out', join(work, 'cold')]).code).toBe(0);
}, 300_000);

describe('recode after a weights-only edit', () => {
  it('reads nothing but the caches and writes the bytes of a cold run, with one job or two', () => {
    const threads = run(['recode', corpus, '--out', join(work, 'threads'), '--codebook', codebook, '--jobs', '2']);
    const main = run(['recode', corpus, '--out', join(work, 'main'), '--codebook', codebook, '--jobs', '1']);
    const cold = runCli(['analyze', corpus, '--out', join(work, 'weights-cold'), '--codebook', codebook, '--cache-dir', join(work, 'cold-cache'), '--quiet']);
    expect([threads.code, main.code, cold.code]).toEqual([0, 0, 0]);
    for (const out of ['threads', 'main']) {
      expect(runJson(out).cache.extraction.extracted).toBe(0);
      expect(runJson(out).cache.prepared.hits).toBe(12);
      expect(runJson(out).cache.tokens).toMatchObject({ misses: 0, segmenter_loaded: false });
    }
    expect(files('threads')).toEqual(files('weights-cold'));
    expect(files('threads').length).toBeGreaterThan(10);
    for (const f of files('threads')) {
      expect(readFileSync(join(work, 'threads', f)).equals(readFileSync(join(work, 'main', f))), f).toBe(true);
      expect(readFileSync(join(work, 'threads', f)).equals(readFileSync(join(work, 'weights-cold', f))), f).toBe(true);
    }
  }, 300_000);
});
