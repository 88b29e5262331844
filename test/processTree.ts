import { readdirSync, readFileSync } from 'node:fs';
import { startCli, type CliResult } from './cli.js';

/** Resident memory (MB) of a process and all its descendants (PDF readers, LibreOffice), from /proc. */
export function treeRssMb(root: number): number {
  const parent = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // The command name may hold spaces and parentheses: the fields start after the last ')'.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(name), Number(fields[1]));
      rss.set(Number(name), (Number(fields[21]) * 4096) / 1024 / 1024);
    } catch {
      // the process ended meanwhile
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    for (const [child, p] of parent) if (p === pid) stack.push(child);
  }
  return total;
}

/** Runs the built CLI and samples the resident memory of its whole process tree every 50 ms. */
export function runCliMeasured(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliResult & { peakRssMb: number }> {
  return new Promise((resolve) => {
    const child = startCli(args, cwd, env);
    let stdout = '';
    let stderr = '';
    let peak = 0;
    child.stdout!.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const sampler = setInterval(() => (peak = Math.max(peak, treeRssMb(child.pid!))), 50);
    child.on('close', (code) => {
      clearInterval(sampler);
      resolve({ code: code ?? -1, stdout, stderr, peakRssMb: peak });
    });
  });
}
