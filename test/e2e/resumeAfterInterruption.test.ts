import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript shared with the benchmark
import { buildCorpus } from '../../bench/buildCorpus.mjs';
import { runCli, startCli } from '../cli.js';
import { sharedDir } from '../sharedDir.js';

const shared = sharedDir();
const tmp = mkdtempSync(join(tmpdir(), 'policy-code-resume-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const DOCS = 16;

const env = (cache: string) => ({ POLICY_CODE_CACHE_DIR: join(tmp, cache) });

/** The files of the output folder (tables/ and figures/ are written the same way, by the same stage). */
function snapshot(dir: string): Map<string, Buffer> {
  return new Map(
    readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => e.name)
      .sort()
      .map((f) => [f, readFileSync(join(dir, f))]),
  );
}

/** Starts analyze and sends `signal` once the first document of `phase` is done; resolves with the exit. */
function interruptedRun(cache: string, signal: NodeJS.Signals, phase: 'extract' | 'code'): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; doneAtSignal: number }> {
  return new Promise((resolve) => {
    const child = startCli(['analyze', 'corpus', '--out', 'out'], tmp, env(cache));
    let stderr = '';
    let doneAtSignal = -1;
    child.stderr!.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
      const m = new RegExp(`analyze \\(${phase}\\): (\\d+)/\\d+ documents`).exec(stderr);
      if (m && doneAtSignal < 0) {
        doneAtSignal = Number(m[1]);
        child.kill(signal);
      }
    });
    child.on('exit', (code, sig) => resolve({ code, signal: sig, stderr, doneAtSignal }));
  });
}

function rerun(cache: string) {
  const r = runCli(['analyze', 'corpus', '--out', 'out', '--quiet'], tmp, env(cache));
  const run = JSON.parse(readFileSync(join(tmp, 'out', 'run.json'), 'utf8')) as { cache: { extraction: { hits: number; extracted: number }; tokens: { hits: number; misses: number } } };
  return { status: r.code, run };
}

if (!shared) console.warn('resumeAfterInterruption.test: ../shared/corpus not found, tests skipped');

describe.skipIf(!shared)('a run interrupted mid-way', () => {
  let complete: Map<string, Buffer>;
  beforeAll(() => {
    buildCorpus(join(shared!, 'corpus'), join(tmp, 'corpus'), DOCS - 2, ['txt']);
    buildCorpus(join(shared!, 'corpus'), join(tmp, 'corpus', 'pdf'), 2, ['pdf']);
    const r = runCli(['analyze', 'corpus', '--out', 'out', '--quiet'], tmp, env('cache-first'));
    expect(r.code).toBe(0);
    complete = snapshot(join(tmp, 'out'));
  }, 240_000);

  const csvOf = (m: Map<string, Buffer>) => [...m].filter(([f]) => f.endsWith('.csv'));

  it('killed (SIGKILL) while extracting: the previous outputs stay complete; the rerun takes the finished documents from the cache and writes the same tables', async () => {
    const r = await interruptedRun('cache-kill', 'SIGKILL', 'extract');
    expect(r.signal).toBe('SIGKILL');
    expect(r.doneAtSignal).toBeGreaterThan(0);
    expect(r.doneAtSignal).toBeLessThan(DOCS);
    const after = snapshot(join(tmp, 'out'));
    for (const [f, bytes] of complete) expect(after.get(f)?.equals(bytes), f).toBe(true);
    // Only the killed run's temporary files and its lock (stale once it is gone) can be there besides them, never under an output's name.
    for (const f of after.keys()) if (!complete.has(f)) expect(f).toMatch(/^\.[\w.]+\.\d+\.tmp$|^\.policy-code\.lock$/);

    const again = rerun('cache-kill');
    expect(again.status).toBe(0);
    expect(again.run.cache.extraction.hits).toBeGreaterThanOrEqual(r.doneAtSignal);
    expect(again.run.cache.extraction.extracted).toBeLessThan(DOCS);
    const resumed = snapshot(join(tmp, 'out'));
    expect([...resumed.keys()].filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(csvOf(resumed)).toEqual(csvOf(complete));
  }, 300_000);

  it('Ctrl-C (SIGINT) while coding: exits 130 with a message, removes its temporary files, and the rerun extracts nothing', async () => {
    const before = snapshot(join(tmp, 'out'));
    const r = await interruptedRun('cache-int', 'SIGINT', 'code');
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/interrupted by SIGINT after \d+ of 16 documents; outputs left as they were/);
    expect(snapshot(join(tmp, 'out'))).toEqual(before);

    const again = rerun('cache-int');
    expect(again.status).toBe(0);
    expect(again.run.cache.extraction).toEqual({ hits: DOCS, extracted: 0 });
    expect(again.run.cache.tokens.hits).toBeGreaterThan(0);
    expect(csvOf(snapshot(join(tmp, 'out')))).toEqual(csvOf(complete));
  }, 300_000);

  it('SIGTERM is handled as Ctrl-C: exits 143 with a message, outputs left as they were, no lock left behind', async () => {
    const before = snapshot(join(tmp, 'out'));
    const r = await interruptedRun('cache-term', 'SIGTERM', 'extract');
    expect(r.signal).toBeNull();
    expect(r.code).toBe(143);
    expect(r.stderr).toMatch(/interrupted by SIGTERM after \d+ of 16 documents; outputs left as they were/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(snapshot(join(tmp, 'out'))).toEqual(before);
    expect(readdirSync(join(tmp, 'out')).filter((f) => f.startsWith('.'))).toEqual([]);
  }, 300_000);
});
