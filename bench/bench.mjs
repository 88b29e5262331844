// npm run bench [-- --sizes 250,1000,5000 --jobs N]
// Builds corpora from the text PDFs and TXT files of ../shared/corpus (unique copies in
// bench/.work) and measures, per size: cold analyze (empty cache), warm re-coding (same codebook,
// a weights-only edit, a new term), coding throughput, peak RSS of the CLI and its PDF readers, and the
// references side by side: poppler's pdftotext with the same number of parallel processes, and
// nodejieba's raw cut over the same clause texts. Not part of npm test.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { parseDocument } from 'yaml';
import { buildCorpus } from './buildCorpus.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WORK = join(ROOT, 'bench', '.work');
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const CODEBOOK = join(ROOT, 'codebooks', 'rothwell-zegveld.zh.yaml');

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}
const sizes = arg('sizes', '250,1000,5000').split(',').map(Number);
const jobs = Number(arg('jobs', String(availableParallelism())));
const shared = [join(ROOT, '..', 'shared', 'corpus'), '/work/shared/corpus'].find((d) => existsSync(d));
if (!shared) throw new Error('../shared/corpus not found: the benchmark builds its corpora from it');
if (!existsSync(CLI)) throw new Error('dist/ missing: run npm run build first');
/** Resident memory (MB) of a process and all its descendants (the PDF readers are child processes), from /proc. */
function treeRssMb(root) {
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

/** Runs a command; wall time in s and the peak resident memory of its whole process tree (sampled every 100 ms) in MB. */
async function timed(cmd, args, env = {}) {
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
  return { s, rssMb: peak, stdout, stderr };
}

/** Codebook variants: a weights-only edit keeps the dictionary (tokens cached); a new term changes it. */
function codebookVariants() {
  const doc = parseDocument(readFileSync(CODEBOOK, 'utf8'));
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
  const weights = join(WORK, 'codebook-weights.yaml');
  writeFileSync(weights, doc.toString());
  keywords.add('数字孪生城市建设');
  const newTerm = join(WORK, 'codebook-new-term.yaml');
  writeFileSync(newTerm, doc.toString());
  return { weights, newTerm };
}

function readCsv(file) {
  return parse(readFileSync(file, 'utf8'), { bom: true, columns: true });
}

function runJson(out) {
  return JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
}

const fmt = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');

mkdirSync(WORK, { recursive: true });
const variants = codebookVariants();
const results = [];
const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
console.log(`policy-code benchmark: sizes ${sizes.join(', ')}, jobs ${jobs}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'})`);
console.log(`load average at start: ${load()} (other processes on the machine slow every figure; ratios are measured in the same run)`);

for (const n of sizes) {
  const corpus = join(WORK, `corpus-${n}`);
  if (!existsSync(corpus) || readdirSync(corpus).length !== n) {
    rmSync(corpus, { recursive: true, force: true });
    buildCorpus(shared, corpus, n);
  }
  const cache = join(WORK, `cache-${n}`);
  const out = join(WORK, `out-${n}`);
  rmSync(cache, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
  const env = { POLICY_CODE_CACHE_DIR: cache };

  const cold = await timed(process.execPath, [CLI, 'analyze', corpus, '--out', out, '--quiet', '--jobs', String(jobs)], env);
  const coldRun = runJson(out);
  const docs = readCsv(join(out, 'documents.csv'));
  const pages = docs.reduce((a, d) => a + Number(d.pages), 0);
  const pdfs = docs.filter((d) => d.file.endsWith('.pdf'));
  const pdfPages = pdfs.reduce((a, d) => a + Number(d.pages), 0);
  const textMb = coldRun.text_bytes / 1e6;

  const recodeArgs = (codebook, o) => [CLI, 'recode', corpus, '--out', o, '--codebook', codebook, '--quiet', '--jobs', String(jobs)];
  const warm = await timed(process.execPath, recodeArgs(CODEBOOK, `${out}-warm`), env);
  const warmRun = runJson(`${out}-warm`);
  const weights = await timed(process.execPath, recodeArgs(variants.weights, `${out}-weights`), env);
  const newTerm = await timed(process.execPath, recodeArgs(variants.newTerm, `${out}-new-term`), env);
  const newTermRun = runJson(`${out}-new-term`);

  // References, in the same run. pdftotext: the same PDFs, `jobs` processes at a time.
  const list = join(WORK, `pdfs-${n}.txt`);
  writeFileSync(list, pdfs.map((d) => join(corpus, d.file)).join('\n') + '\n');
  const t0 = performance.now();
  execFileSync('sh', ['-c', `xargs -P ${jobs} -I{} pdftotext -q {} /dev/null < "${list}"`]);
  const popplerS = (performance.now() - t0) / 1000;
  const raw = JSON.parse(execFileSync(process.execPath, [join(ROOT, 'bench', 'rawCut.mjs'), join(out, 'clauses.csv')], { encoding: 'utf8', maxBuffer: 1 << 28 }));
  // The extraction stage alone (the worker pool, warm parsers), on the smallest size only: per-page speed does not depend on the size.
  const extractOnly = n === sizes[0] ? JSON.parse(execFileSync(process.execPath, [join(ROOT, 'bench', 'extractOnly.mjs'), list, String(jobs)], { encoding: 'utf8' })) : null;

  const r = {
    documents: n,
    pdfs: pdfs.length,
    pages,
    pdfPages,
    textMb,
    clauses: coldRun.counts.clauses,
    cold_s: cold.s,
    cold_pages_per_s: pages / cold.s,
    cold_docs_per_s: n / cold.s,
    cold_pdf_pages_per_s: pdfPages / cold.s,
    cold_rss_mb: cold.rssMb,
    cold_coding_mb_per_s: textMb / (coldRun.timings_ms.coding / 1000),
    segmenter_load_s: coldRun.timings_ms.segmenter_load / 1000,
    warm_s: warm.s,
    warm_rss_mb: warm.rssMb,
    warm_extraction: warmRun.cache.extraction,
    warm_prepared: warmRun.cache.prepared,
    warm_tokens: warmRun.cache.tokens,
    warm_timings_ms: warmRun.timings_ms,
    cold_timings_ms: coldRun.timings_ms,
    duplicates: coldRun.counts.duplicate,
    weights_edit_s: weights.s,
    new_term_s: newTerm.s,
    new_term_rss_mb: newTerm.rssMb,
    new_term_coding_mb_per_s: textMb / (newTermRun.timings_ms.coding / 1000),
    poppler_s: popplerS,
    poppler_pages_per_s: pdfPages / popplerS,
    raw_cut_mb_per_s: raw.mbPerS,
    extract_only: extractOnly && { ...extractOnly, pages_per_s: extractOnly.pages / (extractOnly.ms / 1000) },
  };
  results.push(r);
  console.log(`\n== ${n} documents (${pdfs.length} PDFs, ${pages} pages, ${fmt(textMb, 2)} MB of clause text, ${r.clauses} clauses)`);
  console.log(`cold analyze        ${fmt(r.cold_s)} s   ${fmt(r.cold_pages_per_s)} pages/s   ${fmt(r.cold_docs_per_s)} docs/s   peak RSS ${fmt(r.cold_rss_mb, 0)} MB   (dictionary load ${fmt(r.segmenter_load_s)} s)`);
  console.log(`  phases            extraction ${fmt(r.cold_timings_ms.extract_phase / 1000)} s, coding ${fmt(r.cold_timings_ms.code_phase / 1000)} s (of which the dictionary load ${fmt(r.segmenter_load_s)} s); ${r.duplicates} documents are copies recognised as duplicates (coded, then counted once)`);
  console.log(`warm re-code        ${fmt(r.warm_s, 2)} s   same codebook (prepared documents from the cache ${r.warm_prepared?.hits ?? 'n/a'}, prepared again ${r.warm_prepared?.misses ?? 'n/a'}; token hits ${r.warm_tokens.hits}, misses ${r.warm_tokens.misses})   peak RSS ${fmt(r.warm_rss_mb, 0)} MB`);
  console.log(`                    inside: finding the files ${fmt(r.warm_timings_ms.extract_phase / 1000, 2)} s, coding phase ${fmt(r.warm_timings_ms.code_phase / 1000, 2)} s (processing ${fmt(r.warm_timings_ms.coding / 1000, 2)} s, the rest reading cache entries and writing clauses.csv); the remainder is start-up and writing the tables`);
  console.log(`                    ${fmt(r.weights_edit_s, 2)} s   weights-only codebook edit (tokens reused)`);
  console.log(`                    ${fmt(r.new_term_s, 2)} s   codebook with a new term (every clause segmented again)   peak RSS ${fmt(r.new_term_rss_mb, 0)} MB`);
  console.log(`coding              ${fmt(r.new_term_coding_mb_per_s, 2)} MB/s (re-code with new term)   ${fmt(r.cold_coding_mb_per_s, 2)} MB/s (cold run, sharing the cores with extraction)`);
  console.log(`  reference         ${fmt(r.raw_cut_mb_per_s, 2)} MB/s nodejieba raw cut   ratio ${fmt(r.new_term_coding_mb_per_s / r.raw_cut_mb_per_s, 2)} (target >= 0.5)`);
  console.log(`extraction          ${fmt(r.cold_pdf_pages_per_s)} PDF pages/s end to end (cold analyze, all stages)   reference pdftotext -P ${jobs}: ${fmt(r.poppler_pages_per_s)} pages/s   ratio ${fmt(r.cold_pdf_pages_per_s / r.poppler_pages_per_s, 2)}`);
  if (r.extract_only) console.log(`  stage alone       ${fmt(r.extract_only.pages_per_s)} pages/s (worker pool, ${jobs} warm parsers)   ratio ${fmt(r.extract_only.pages_per_s / r.poppler_pages_per_s, 2)} (target >= 0.3)`);
}

if (results.length > 1) {
  const a = results[0];
  console.log('\n== scaling (per document; flat = linear time, flat RSS = memory does not grow with the corpus)');
  for (const r of results) {
    console.log(`${String(r.documents).padStart(5)} docs: cold ${fmt((r.cold_s / r.documents) * 1000, 1)} ms/doc (x${fmt(r.cold_s / r.documents / (a.cold_s / a.documents), 2)}), warm ${fmt((r.warm_s / r.documents) * 1000, 2)} ms/doc, peak RSS cold ${fmt(r.cold_rss_mb, 0)} MB / warm ${fmt(r.warm_rss_mb, 0)} MB / new term ${fmt(r.new_term_rss_mb, 0)} MB`);
  }
}
console.log(`\nload average at end: ${load()}`);
writeFileSync(join(WORK, 'results.json'), JSON.stringify({ jobs, loadavg_end: loadavg(), results }, null, 2));
console.log(`(figures saved in ${join(WORK, 'results.json')})`);
