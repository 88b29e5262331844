import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startCli } from './cli.js';
import { sharedDir } from './sharedDir.js';

/**
 * One analyze of ../shared/corpus (57 documents, about 76 pages of OCR) per test run, shared by
 * every test file that reads it (realCorpus, metadataAccuracy). Vitest's global setup starts it in
 * the background at the beginning of the run, so that the OCR uses the core the test files leave
 * idle (vitest runs one file at a time on two cores); the files that read it run last
 * (RealCorpusLast) and wait for it with `analyzedRealCorpus`.
 */
export interface RealCorpusRun {
  /** The output folder of the run. */
  out: string;
  /** Its extraction cache: a second run with it reads every document from the cache. */
  cache: string;
  /** Written when the run has ended: { code, stderr }. */
  result: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    realCorpus: RealCorpusRun | null;
  }
}

/** The test files that read the shared run: the global setup starts it only when one of them is in the run. */
export const REAL_CORPUS_READERS = ['test/e2e/realCorpus.test.ts', 'test/e2e/metadataAccuracy.test.ts', 'test/e2e/silverUnits.test.ts'];

/** The analyze command of the shared run. */
function realCorpusArgs(corpus: string, run: RealCorpusRun): string[] {
  return ['analyze', corpus, '--out', run.out, '--cache-dir', run.cache, '--quiet'];
}

/** Vitest global setup: starts the shared run and provides where it writes; the teardown stops it and removes its folder. */
export default function setup(project: TestProject): () => Promise<void> {
  const shared = sharedDir();
  // Filters given on the command line (`vitest run test/core`): only start the OCR when a reader is among them.
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
  const wanted = !filters || filters.some((f) => REAL_CORPUS_READERS.some((r) => r.includes(f) || f.includes(r)));
  if (!shared || !existsSync(join(shared, 'corpus')) || !wanted) {
    project.provide('realCorpus', null);
    return async () => undefined;
  }
  const dir = mkdtempSync(join(tmpdir(), 'policy-code-real-corpus-'));
  const run: RealCorpusRun = { out: join(dir, 'out'), cache: join(dir, 'cache'), result: join(dir, 'result.json') };
  const child = startCli(realCorpusArgs(join(shared, 'corpus'), run), dir, {}, ['ignore', 'ignore', 'pipe']);
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const ended = new Promise<void>((resolve) => {
    child.on('close', (code, signal) => {
      // Renamed into place, so a reader never sees half a file.
      writeFileSync(`${run.result}.tmp`, JSON.stringify({ code: code ?? -1, signal, stderr }));
      renameSync(`${run.result}.tmp`, run.result);
      resolve();
    });
  });
  project.provide('realCorpus', run);
  return async () => {
    await stop(child, ended);
    rmSync(dir, { recursive: true, force: true });
  };
}

/** Stops a run still going when the tests end (its readers were filtered out, or failed): SIGTERM twice, which stops analyze at once. */
async function stop(child: ChildProcess, ended: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const again = setTimeout(() => child.kill('SIGTERM'), 1000);
  await ended;
  clearTimeout(again);
}

export interface RealCorpusResult {
  code: number;
  stderr: string;
}

/** Waits for the shared run to end and gives its exit code and messages. */
export async function analyzedRealCorpus(run: RealCorpusRun, timeoutMs = 40 * 60_000): Promise<RealCorpusResult> {
  const until = Date.now() + timeoutMs;
  while (!existsSync(run.result)) {
    if (Date.now() > until) throw new Error(`the shared analyze of ../shared/corpus did not end within ${timeoutMs / 60_000} minutes`);
    await new Promise((r) => setTimeout(r, 500));
  }
  return JSON.parse(readFileSync(run.result, 'utf8')) as RealCorpusResult;
}
