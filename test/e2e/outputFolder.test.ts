import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, runCli, startCli } from '../cli.js';
import { REPO_ROOT } from '../sharedDir.js';

// The output folder under stress: two runs at once, a stale lock, a full disk, a read-only folder.
// Each time the previous outputs must stay as they were and the user gets one line, no stack trace.
const work = mkdtempSync(join(tmpdir(), 'policy-code-outfolder-'));
const corpus = join(work, 'corpus');
const cache = join(work, 'cache');
const LOCK = '.policy-code.lock';
const isRoot = process.getuid?.() === 0;
const mounts: string[] = [];

const analyze = (out: string) => ['analyze', corpus, '--out', out, '--cache-dir', cache, '--quiet', '--jobs', '1'];
const snapshot = (dir: string) => new Map(readdirSync(dir).map((f) => [f, statSync(join(dir, f)).isFile() ? readFileSync(join(dir, f), 'utf8') : '(folder)']));
const oneLine = (stderr: string) => {
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at |internal error/);
};

/** A small tmpfs (root only): the one way to get a really full or read-only file system in a test. */
function tmpfs(dir: string, options: string): boolean {
  mkdirSync(dir, { recursive: true });
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]).status !== 0) return false;
  mounts.push(dir);
  return true;
}

beforeAll(() => {
  cpSync(join(REPO_ROOT, 'test', 'fixtures', 'five-policies-counted-by-hand', 'corpus'), corpus, { recursive: true });
  // Many copies with a line of their own each: a run long enough for a second one to meet it.
  const [first] = readdirSync(corpus).filter((f) => f.endsWith('.txt'));
  const text = readFileSync(join(corpus, first!), 'utf8');
  for (let i = 0; i < 150; i++) writeFileSync(join(corpus, `copy-${String(i).padStart(3, '0')}.txt`), `${text}\n第九十九条 本条为第${i}份副本所加。\n`);
  expect(runCli(analyze(join(work, 'warm')), work).code).toBe(0);
}, 300_000);
afterAll(() => {
  for (const m of mounts) spawnSync('umount', [m]);
  rmSync(work, { recursive: true, force: true });
});

describe('the output folder', () => {
  it('a second run into the folder of a running one stops at once with exit 2 and names it; the first finishes', async () => {
    const out = join(work, 'busy');
    const first = startCli([...analyze(out), '--no-cache'], work, {}, 'ignore');
    const done = new Promise<number | null>((resolve) => first.on('close', resolve));
    while (!existsSync(join(out, LOCK))) await new Promise((r) => setTimeout(r, 20));
    const started = Date.now();
    const second = runCli(analyze(out), work);
    expect(second.code).toBe(2);
    expect(second.stderr).toContain(`the output folder ${out} is in use by another run (process ${first.pid}`);
    oneLine(second.stderr);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(await done).toBe(0);
    expect(existsSync(join(out, LOCK))).toBe(false);
    expect(readFileSync(join(out, 'documents.csv'), 'utf8')).toBe(readFileSync(join(work, 'warm', 'documents.csv'), 'utf8'));
  }, 300_000);

  it('takes over the stale lock of a run that no longer exists', () => {
    const out = join(work, 'stale');
    mkdirSync(out);
    // pid 2^22+1 is above Linux's pid_max default range, so no such process is running.
    writeFileSync(join(out, LOCK), JSON.stringify({ pid: 2 ** 22 + 1, host: hostname(), started: '2020-01-01T00:00:00.000Z', command: 'policy-code analyze' }));
    expect(runCli(analyze(out), work).code).toBe(0);
    expect(existsSync(join(out, LOCK))).toBe(false);
  }, 120_000);

  it('a write that fails (a file size limit, as on a full disk) gives one line and leaves the previous outputs', () => {
    const out = join(work, 'limited');
    cpSync(join(work, 'warm'), out, { recursive: true });
    const before = snapshot(out);
    // ulimit -f counts 512-byte blocks; clauses.csv is larger than this limit, the cache entries are not.
    const blocks = Math.floor(statSync(join(out, 'clauses.csv')).size / 2 / 512);
    const r = spawnSync('bash', ['-c', `ulimit -f ${blocks}; exec "$0" "$@"`, process.execPath, CLI, ...analyze(out)], { cwd: work, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^policy-code: error: cannot write the outputs in ${out}: file size limit exceeded \\(EFBIG\\); the previous outputs there are as they were\\n$`));
    oneLine(r.stderr);
    expect(snapshot(out)).toEqual(before);
  }, 120_000);

  it.skipIf(!isRoot)('a full disk (a 300 KB tmpfs, as root) gives one line and leaves the previous outputs', () => {
    const out = join(work, 'full');
    if (!tmpfs(out, 'size=300k')) return console.warn('skipped: mount -t tmpfs failed (no CAP_SYS_ADMIN)');
    writeFileSync(join(out, 'documents.csv'), 'previous\n');
    const r = runCli(analyze(out), work);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cannot write the outputs in ${out}: no space left on the disk (ENOSPC)`);
    oneLine(r.stderr);
    expect(readdirSync(out)).toEqual(['documents.csv']);
    expect(readFileSync(join(out, 'documents.csv'), 'utf8')).toBe('previous\n');
  }, 120_000);

  it('a read-only output folder gives one line and leaves the previous outputs', () => {
    const out = join(work, 'read-only');
    if (isRoot) {
      // Root writes through permission bits: only a read-only mount stops it.
      if (!tmpfs(out, 'size=1m') || (writeFileSync(join(out, 'documents.csv'), 'previous\n'), spawnSync('mount', ['-o', 'remount,ro', out]).status !== 0)) {
        return console.warn('skipped: running as root and a read-only tmpfs could not be mounted');
      }
    } else {
      mkdirSync(out);
      writeFileSync(join(out, 'documents.csv'), 'previous\n');
      chmodSync(out, 0o555);
    }
    const r = runCli(analyze(out), work);
    if (!isRoot) chmodSync(out, 0o755);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`cannot write the outputs in ${out}: (the file system is read-only \\(EROFS\\)|permission denied \\(EACCES\\))`));
    oneLine(r.stderr);
    expect(readdirSync(out)).toEqual(['documents.csv']);
    expect(readFileSync(join(out, 'documents.csv'), 'utf8')).toBe('previous\n');
  }, 120_000);
});
