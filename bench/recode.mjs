// npm run bench:recode [-- --size 1000 --runs 5 --jobs N --seed S]
// The weights-only re-code alone (the target of issue 17: 1,000 documents in 2 s), without the rest
// of the benchmark: the generated corpus of bench.mjs, its cache filled once by a cold analyze and a
// re-code (kept in bench/.work/recode-<size>-seed<S>/ for the next run), then `runs` re-codes after a
// weights-only codebook edit, their best and every wall time, CPU seconds and peak tree RSS, and a
// byte-for-byte comparison of every output file (run.json aside) with a cold run of that codebook.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchCorpus, best, codebookVariants, fmt, timed } from './measure.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WORK = join(ROOT, 'bench', '.work');
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const CODEBOOK = join(ROOT, 'codebooks', 'rothwell-zegveld.zh.yaml');
if (!existsSync(CLI)) throw new Error('dist/ missing: run npm run build first');

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}
const n = Number(arg('size', '1000'));
const runs = Number(arg('runs', '5'));
const jobs = Number(arg('jobs', String(availableParallelism())));
const seed = Number(arg('seed', '17'));
const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');

/** Every file under `dir`, relative to it, sorted. */
function filesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath ?? e.path, e.name)))
    .sort();
}

const corpus = await benchCorpus(WORK, n, seed);
const work = join(WORK, `recode-${n}-seed${seed}`);
const cache = join(work, 'cache');
const { weights } = codebookVariants(CODEBOOK, WORK);
const cli = (args, cacheDir = cache) => timed(process.execPath, [CLI, ...args, '--quiet', '--jobs', String(jobs)], { POLICY_CODE_CACHE_DIR: cacheDir });
console.log(`weights-only re-code of ${n} documents, best of ${runs}, jobs ${jobs}; load average at start: ${load()}`);

// The cache as a re-code finds it after an analyze (and after one re-code, which completes entries written by older versions).
if (!existsSync(join(work, '.warm'))) {
  rmSync(work, { recursive: true, force: true });
  const cold = await cli(['analyze', corpus, '--out', join(work, 'cold')]);
  await cli(['recode', corpus, '--out', join(work, 'warm'), '--codebook', CODEBOOK]);
  writeFileSync(join(work, '.warm'), '');
  console.log(`(cache filled by a cold analyze: ${fmt(cold.s)} s)`);
}
const out = join(work, 'weights');
// Each run's own timings (run.json), so that those of the fastest are printed.
const r = await best(runs, async () => {
  const run = await cli(['recode', corpus, '--out', out, '--codebook', weights]);
  return { ...run, timings: JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')).timings_ms };
});
const { timings } = r;
const median = [...r.all].sort((a, b) => a - b)[Math.floor(r.all.length / 2)];
const reference = join(work, 'weights-cold');
rmSync(reference, { recursive: true, force: true });
await cli(['analyze', corpus, '--out', reference, '--codebook', weights, '--no-cache'], join(work, 'cache-reference'));
const files = filesUnder(reference).filter((f) => f !== 'run.json');
const differ = files.filter((f) => !existsSync(join(out, f)) || !readFileSync(join(out, f)).equals(readFileSync(join(reference, f))));
console.log(`re-code    ${fmt(r.s, 2)} s best of ${r.all.map((x) => fmt(x, 2)).join(' / ')}, median ${fmt(median, 2)} s (target <= 2 s at 1,000 documents); CPU ${fmt(r.cpuS, 2)} s; peak tree RSS ${fmt(r.rssMb, 0)} MB`);
console.log(`           in the fastest run: coding phase ${fmt(timings.code_phase / 1000, 2)} s (coding ${fmt(timings.coding / 1000, 2)} s), up to the tables ${fmt(timings.total / 1000, 2)} s`);
console.log(`outputs    ${differ.length === 0 ? 'byte-identical' : `DIFFER in ${differ.join(', ')}`} to a cold run with that codebook (${files.length} files compared)`);
console.log(`load average at end: ${load()}`);
if (differ.length > 0) process.exitCode = 1;
