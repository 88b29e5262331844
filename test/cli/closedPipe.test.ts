import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCli } from '../cli.js';
import { REPO_ROOT } from '../sharedDir.js';

/** Runs the CLI with its stdout a pipe whose reading end is closed before the program writes (`| head` that has had enough). */
function withClosedStdout(args: string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = startCli(args, REPO_ROOT);
    child.stdout!.destroy();
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
}

describe('a closed stdout (EPIPE): `policy-code ... | head`', () => {
  it.each([
    [['analyze', '--help']],
    [['--help']],
    // About 40 kB of output, more than one write.
    [['codebook', 'show', join(REPO_ROOT, 'codebooks', 'rothwell-zegveld.zh.yaml')]],
  ])('%j ends quietly with exit 0 and no stack trace', async (args) => {
    const r = await withClosedStdout(args);
    expect(r.stderr).toBe('');
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0);
  });
});
