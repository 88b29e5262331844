import { spawn, spawnSync, type ChildProcess, type StdioOptions } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './sharedDir.js';

export const CLI = join(REPO_ROOT, 'dist', 'cli', 'main.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function built(): string {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build (npm test does it)`);
  return CLI;
}

/** Runs the built CLI (npm test builds it first) as a user would, in `cwd`; `env` is added to the test's environment. */
export function runCli(args: string[], cwd: string = REPO_ROOT, env: Record<string, string> = {}, timeoutMs = 600_000): CliResult {
  const r = spawnSync(process.execPath, [built(), ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env }, timeout: timeoutMs, maxBuffer: 1 << 26 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Starts the built CLI without waiting (stdin closed): for runs a test interrupts, measures or runs side by side. */
export function startCli(args: string[], cwd: string = REPO_ROOT, env: Record<string, string> = {}, stdio: StdioOptions = ['ignore', 'pipe', 'pipe']): ChildProcess {
  return spawn(process.execPath, [built(), ...args], { cwd, env: { ...process.env, ...env }, stdio });
}

/** Like runCli, without blocking the test's process, so that several runs go side by side. */
export function runCliAsync(args: string[], cwd: string = REPO_ROOT, env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = startCli(args, cwd, env);
    let stdout = '';
    let stderr = '';
    // Decoded by the stream, so a character split between two chunks stays whole.
    child.stdout!.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
