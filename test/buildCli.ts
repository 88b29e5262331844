import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CLI } from './cli.js';
import { REPO_ROOT } from './sharedDir.js';

const TSC = join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

/** The latest modification time of the TypeScript sources under src/. */
function newestSource(): number {
  const dir = join(REPO_ROOT, 'src');
  return Math.max(0, ...readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => statSync(join(dir, f)).mtimeMs));
}

/**
 * Vitest global setup: builds dist/ when a source is newer than the built CLI, so that the
 * end-to-end tests (which run dist/cli/main.js, as a user would, bundled by scripts/bundleCli.mjs) never test a stale build, also
 * when one file is run with `npx vitest run`. Type errors do not stop the tests: tsc still emits,
 * and the errors are shown.
 */
export default function setup(): void {
  if (existsSync(CLI) && newestSource() <= statSync(CLI).mtimeMs) return;
  const r = spawnSync(process.execPath, [TSC, '-p', 'tsconfig.json'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (r.status !== 0) console.warn(`tests: tsc -p tsconfig.json reported errors; the CLI tests run what it emitted:\n${r.stdout}${r.stderr}`);
  // As npm run build does: the CLI the tests run is the one users run.
  const b = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'bundleCli.mjs')], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (b.status !== 0) console.warn(`tests: scripts/bundleCli.mjs failed; the CLI tests run tsc's dist/cli/main.js:\n${b.stdout}${b.stderr}`);
}
