import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { writeBadInputFolder } from '../../scripts/make-bad-input-fixtures.mjs';
import { runCli, type CliResult } from '../cli.js';

/**
 * A folder of bad inputs (scripts/make-bad-input-fixtures.mjs) made before the file's tests and
 * removed after them, and the CLI run in it.
 */
export function badInputFolder(): { work: string; run: (...args: string[]) => CliResult } {
  const work = mkdtempSync(join(tmpdir(), 'policy-code-bad-input-'));
  beforeAll(() => writeBadInputFolder(work));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  return { work, run: (...args: string[]) => runCli(args, work) };
}

/** A usage or input error: exit 2, one line on stderr, no stack trace. */
export function oneLineError(r: CliResult, pattern: RegExp): void {
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.code).toBe(2);
}
