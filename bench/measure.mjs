// What the benchmarks measure with: wall and CPU time and peak memory of a command's whole process
// tree, the best of several runs, and the codebook variants of a re-code. Used by bench.mjs and recode.mjs.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { makeCorpus } from './makeCorpus.mjs';

export const fmt = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Bump when makeCorpus changes what it writes: corpora are kept in bench/.work by size, seed and this. */
const GENERATOR = 2;

/** The generated corpus of `n` distinct documents in `work` (made on first use, kept for the next run). */
export async function benchCorpus(work, n, seed) {
  const shared = [join(ROOT, '..', 'shared'), '/work/shared'].find((d) => existsSync(join(d, 'corpus')));
  if (!shared) throw new Error('../shared/corpus not found: the benchmark draws its sentences from its TXT documents');
  const sources = [join(shared, 'corpus'), join(shared, 'corpus2'), join(ROOT, 'scripts', 'sample-corpus')];
  const corpus = join(work, `gen-${n}-seed${seed}-v${GENERATOR}`);
  if (!existsSync(join(corpus, '.complete'))) {
    rmSync(corpus, { recursive: true, force: true });
    const t = performance.now();
    await makeCorpus(corpus, n, { seed, sources });
    writeFileSync(join(corpus, '.complete'), '');
    console.log(`(generated ${n} distinct documents in ${fmt((performance.now() - t) / 1000)} s)`);
  }
  return corpus;
}

/** Resident memory (MB) of a process and all its descendants (the PDF readers are child processes), from /proc. */
export function treeRssMb(root) {
  const children = new Map();
  const rss = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      const pages = Number(fields[21]);
      rss.set(Number(name), (pages * 4096) / 1024 / 1024);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(name));
    } catch {
      // the process ended meanwhile
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop();
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/**
 * CPU seconds (user + system) of this process's children that have ended and been waited for, from
 * /proc/self/stat (cutime, cstime; 100 ticks a second); NaN where there is no /proc. On a shared
 * machine CPU time says more than wall time about the program's own cost.
 */
export function childrenCpuS() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return NaN;
  }
}

/** Runs a command; wall time in s, CPU time of its whole tree in s, and the peak resident memory of the tree (sampled every 100 ms) in MB. */
export async function timed(cmd, args, env = {}) {
  const cpu0 = childrenCpuS();
  const t0 = performance.now();
  const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRssMb(child.pid))), 100);
  const status = await new Promise((resolve) => child.on('close', (code) => resolve(code)));
  clearInterval(sampler);
  const s = (performance.now() - t0) / 1000;
  if (status !== 0 && status !== 1) throw new Error(`${cmd} ${args.join(' ')} exited ${status}: ${stderr.slice(-2000)}`);
  return { s, cpuS: childrenCpuS() - cpu0, rssMb: peak, stdout, stderr };
}

/** The fastest of `n` runs (the others are slowed by whatever else the machine did), with every wall time. */
export async function best(n, run) {
  const runs = [];
  for (let i = 0; i < n; i++) runs.push(await run());
  const fastest = runs.reduce((a, b) => (b.s < a.s ? b : a));
  return { ...fastest, all: runs.map((r) => r.s) };
}

/** Codebook variants written into `work`: a weights-only edit keeps the dictionary (tokens cached); a new term changes it. */
export function codebookVariants(codebook, work) {
  const doc = parseDocument(readFileSync(codebook, 'utf8'));
  const firstLeaf = (cats) => {
    for (const c of cats.items) {
      const children = c.get('children');
      if (children) return firstLeaf(children);
      if (c.get('keywords')) return c;
    }
    return null;
  };
  const leaf = firstLeaf(doc.get('categories'));
  const keywords = leaf.get('keywords');
  const k0 = keywords.items[0];
  const term = typeof k0.value === 'string' ? k0.value : k0.get('term');
  const weight = typeof k0.value === 'string' ? 1 : Number(k0.get('weight'));
  keywords.set(0, doc.createNode({ term, weight: weight + 1 }));
  const weights = join(work, 'codebook-weights.yaml');
  writeFileSync(weights, doc.toString());
  keywords.add('数字孪生城市建设');
  const newTerm = join(work, 'codebook-new-term.yaml');
  writeFileSync(newTerm, doc.toString());
  return { weights, newTerm };
}
