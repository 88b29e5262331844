// npm run bench [-- --sizes 250,1000,5000 --jobs N --seed S]
// Generates corpora of all-distinct documents (bench/makeCorpus.mjs: seeded, a third text PDFs, the
// rest TXT; kept in bench/.work for the next run) and measures, per size, side by side with their
// references in the same run: cold analyze (empty cache) with the default PDF engine and with
// pdf-parse, the PDF reading stage (extract --no-cache, with and without OCR of nearly blank pages)
// against poppler's pdftotext with the same parallelism, warm re-coding (same codebook, a weights-only
// edit, a new term), coding throughput against nodejieba's raw cut, and the peak RSS of the whole
// process tree (the CLI, its PDF readers, OCR). Not part of npm test.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { linkSync } from 'node:fs';
import { benchCorpus, best, codebookVariants as variantsOf, fmt, timed } from './measure.mjs';

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
const seed = Number(arg('seed', '17'));
if (!existsSync(CLI)) throw new Error('dist/ missing: run npm run build first');
function readCsv(file) {
  return parse(readFileSync(file, 'utf8'), { bom: true, columns: true });
}

function runJson(out) {
  return JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
}


mkdirSync(WORK, { recursive: true });
const variants = variantsOf(CODEBOOK, WORK);
const results = [];
const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
console.log(`policy-code benchmark: sizes ${sizes.join(', ')}, jobs ${jobs}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'})`);
console.log(`load average at start: ${load()} (other processes on the machine slow every figure; ratios are measured in the same run)`);

for (const n of sizes) {
  const corpus = await benchCorpus(WORK, n, seed);
  // The same PDFs alone (hard links), for the reading stage against pdftotext.
  const pdfDir = `${corpus}-pdf`;
  if (!existsSync(pdfDir)) {
    mkdirSync(pdfDir, { recursive: true });
    for (const f of readdirSync(corpus).filter((x) => x.endsWith('.pdf'))) linkSync(join(corpus, f), join(pdfDir, f));
  }
  const cache = join(WORK, `cache-${n}`);
  const out = join(WORK, `out-${n}`);
  for (const d of [cache, `${cache}-pdf-parse`, `${cache}-extract`]) rmSync(d, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
  const env = { POLICY_CODE_CACHE_DIR: cache };
  const cli = (args, e = env) => timed(process.execPath, [CLI, ...args, '--quiet', '--jobs', String(jobs)], e);

  const cold = await cli(['analyze', corpus, '--out', out]);
  const coldRun = runJson(out);
  const coldPdfParse = await cli(['analyze', corpus, '--out', `${out}-pdf-parse`, '--pdf-engine', 'pdf-parse'], { POLICY_CODE_CACHE_DIR: `${cache}-pdf-parse` });
  const coldPdfParseRun = runJson(`${out}-pdf-parse`);
  const sameTables = ['clauses.csv', 'instruments.csv'].every((t) => readFileSync(join(out, t), 'utf8') === readFileSync(join(`${out}-pdf-parse`, t), 'utf8'));
  const docs = readCsv(join(out, 'documents.csv'));
  const pages = docs.reduce((a, d) => a + Number(d.pages), 0);
  const pdfs = docs.filter((d) => d.file.endsWith('.pdf'));
  const pdfPages = pdfs.reduce((a, d) => a + Number(d.pages), 0);
  const textMb = coldRun.text_bytes / 1e6;

  const recodeArgs = (codebook, o) => ['recode', corpus, '--out', o, '--codebook', codebook];
  const warm = await cli(recodeArgs(CODEBOOK, `${out}-warm`));
  const warmRun = runJson(`${out}-warm`);
  const weights = await best(3, () => cli(recodeArgs(variants.weights, `${out}-weights`)));
  const weightsRun = runJson(`${out}-weights`);
  const newTerm = await cli(recodeArgs(variants.newTerm, `${out}-new-term`));
  const newTermRun = runJson(`${out}-new-term`);
  // Byte-identical to a cold run with the same codebook: the cold run with the edited codebook is the reference.
  const weightsCold = await cli(['analyze', corpus, '--out', `${out}-weights-cold`, '--codebook', variants.weights, '--no-cache'], { POLICY_CODE_CACHE_DIR: `${cache}-extract` });
  const identical = readdirSync(`${out}-weights`).filter((f) => f !== 'run.json' && f.includes('.')).every((f) => readFileSync(join(`${out}-weights`, f)).equals(readFileSync(join(`${out}-weights-cold`, f))));

  // The reading stage: extract --no-cache over the PDFs alone, against pdftotext with `jobs` processes.
  const list = join(WORK, `pdfs-${n}.txt`);
  writeFileSync(list, readdirSync(pdfDir).sort().map((f) => join(pdfDir, f)).join('\n') + '\n');
  const noOcr = { POLICY_CODE_CACHE_DIR: `${cache}-extract`, POLICY_CODE_TESSERACT: join(WORK, 'no-tesseract') };
  const extractArgs = (engine) => ['extract', pdfDir, '--out', join(WORK, `extract-${n}`), '--no-cache', '--pdf-engine', engine];
  // Best of 3 for both sides of the ratio: one run of either can be slowed by the rest of the machine.
  const pdftotext = await best(3, () => timed('sh', ['-c', `xargs -P ${jobs} -I{} pdftotext -q {} /dev/null < "${list}"`]));
  const popplerS = pdftotext.s;
  const extractAuto = await best(3, () => cli(extractArgs('auto'), { POLICY_CODE_CACHE_DIR: `${cache}-extract` }));
  const extractAutoText = await cli(extractArgs('auto'), noOcr);
  const extractPdfParseText = await cli(extractArgs('pdf-parse'), noOcr);
  const raw = JSON.parse(execFileSync(process.execPath, [join(ROOT, 'bench', 'rawCut.mjs'), join(out, 'clauses.csv')], { encoding: 'utf8', maxBuffer: 1 << 28 }));
  // The reading stage alone, in-process (no start-up, no hashing, no cache), on the smallest size only.
  const stage = (engine) => JSON.parse(execFileSync(process.execPath, [join(ROOT, 'bench', 'extractOnly.mjs'), list, String(jobs), engine], { encoding: 'utf8' }));
  const extractOnly = n === sizes[0] ? { poppler: stage('poppler'), pdfParse: stage('pdf-parse') } : null;

  const r = {
    documents: n,
    pdfs: pdfs.length,
    pages,
    pdfPages,
    textMb,
    clauses: coldRun.counts.clauses,
    pdf_engine: coldRun.pdf_engine,
    engines_same_tables: sameTables,
    cold_s: cold.s,
    cold_cpu_s: cold.cpuS,
    cold_rss_mb: cold.rssMb,
    cold_pdf_parse_s: coldPdfParse.s,
    cold_pdf_parse_rss_mb: coldPdfParse.rssMb,
    cold_coding_mb_per_s: textMb / (coldRun.timings_ms.coding / 1000),
    segmenter_load_s: coldRun.timings_ms.segmenter_load / 1000,
    cold_timings_ms: coldRun.timings_ms,
    cold_pdf_parse_timings_ms: coldPdfParseRun.timings_ms,
    warm_s: warm.s,
    warm_rss_mb: warm.rssMb,
    warm_prepared: warmRun.cache.prepared,
    warm_tokens: warmRun.cache.tokens,
    warm_timings_ms: warmRun.timings_ms,
    duplicates: coldRun.counts.duplicate,
    weights_edit_s: weights.s,
    weights_edit_all_s: weights.all,
    weights_edit_cpu_s: weights.cpuS,
    weights_edit_coding_threads: weightsRun.coding_threads ?? 0,
    weights_edit_rss_mb: weights.rssMb,
    weights_edit_timings_ms: weightsRun.timings_ms,
    weights_edit_identical_to_cold: identical,
    weights_cold_s: weightsCold.s,
    new_term_s: newTerm.s,
    new_term_rss_mb: newTerm.rssMb,
    new_term_coding_mb_per_s: textMb / (newTermRun.timings_ms.coding / 1000),
    poppler_s: popplerS,
    poppler_all_s: pdftotext.all,
    poppler_cpu_s: pdftotext.cpuS,
    extract_auto_all_s: extractAuto.all,
    extract_auto_cpu_s: extractAuto.cpuS,
    poppler_pages_per_s: pdfPages / popplerS,
    extract_auto_s: extractAuto.s,
    extract_auto_rss_mb: extractAuto.rssMb,
    extract_auto_text_only_s: extractAutoText.s,
    extract_pdf_parse_text_only_s: extractPdfParseText.s,
    extract_pdf_parse_rss_mb: extractPdfParseText.rssMb,
    raw_cut_mb_per_s: raw.mbPerS,
    extract_only: extractOnly,
  };
  results.push(r);
  const ratio = (s) => fmt(popplerS / s, 2);
  console.log(`\n== ${n} distinct documents (${pdfs.length} PDFs, ${pages} pages of which ${pdfPages} in PDFs, ${fmt(textMb, 2)} MB of clause text, ${r.clauses} clauses); default PDF engine here: ${r.pdf_engine}`);
  console.log(`cold analyze        ${fmt(r.cold_s)} s (CPU ${fmt(r.cold_cpu_s)} s)   peak tree RSS ${fmt(r.cold_rss_mb, 0)} MB   (extraction ${fmt(r.cold_timings_ms.extract_phase / 1000)} s, coding ${fmt(r.cold_timings_ms.code_phase / 1000)} s incl. dictionary load ${fmt(r.segmenter_load_s)} s)`);
  console.log(`  --pdf-engine pdf-parse  ${fmt(r.cold_pdf_parse_s)} s   peak tree RSS ${fmt(r.cold_pdf_parse_rss_mb, 0)} MB   (extraction ${fmt(r.cold_pdf_parse_timings_ms.extract_phase / 1000)} s); clauses.csv and instruments.csv ${sameTables ? 'identical' : 'DIFFER'} between the engines`);
  console.log(`extract --no-cache  PDFs only (${pdfs.length} files, ${pdfPages} pages); reference pdftotext -P ${jobs}: ${fmt(popplerS, 2)} s best of 3 (${fmt(r.poppler_pages_per_s)} pages/s; CPU ${fmt(r.poppler_cpu_s, 2)} s)`);
  console.log(`  default engine    ${fmt(r.extract_auto_s, 2)} s best of 3 = ${ratio(r.extract_auto_s)}x pdftotext (with OCR of nearly blank pages; CPU ${fmt(r.extract_auto_cpu_s, 2)} s)   peak tree RSS ${fmt(r.extract_auto_rss_mb, 0)} MB`);
  console.log(`  text layers only  ${fmt(r.extract_auto_text_only_s, 2)} s = ${ratio(r.extract_auto_text_only_s)}x (default engine)   ${fmt(r.extract_pdf_parse_text_only_s, 2)} s = ${ratio(r.extract_pdf_parse_text_only_s)}x (pdf-parse)   (OCR switched off)`);
  if (extractOnly) console.log(`  stage alone       poppler ${fmt(extractOnly.poppler.pages / (extractOnly.poppler.ms / 1000))} pages/s, pdf-parse ${fmt(extractOnly.pdfParse.pages / (extractOnly.pdfParse.ms / 1000))} pages/s (in-process readers, ${jobs} at a time)`);
  console.log(`re-code             ${fmt(r.warm_s, 2)} s same codebook (prepared hits ${r.warm_prepared?.hits}, token hits ${r.warm_tokens.hits}, misses ${r.warm_tokens.misses})   peak tree RSS ${fmt(r.warm_rss_mb, 0)} MB`);
  console.log(`                    ${fmt(r.weights_edit_s, 2)} s weights-only edit, best of ${r.weights_edit_all_s.map((x) => fmt(x, 2)).join(' / ')} (target <= 2 s at 1,000 documents; CPU ${fmt(r.weights_edit_cpu_s, 2)} s; coding workers ${r.weights_edit_coding_threads})   peak tree RSS ${fmt(r.weights_edit_rss_mb, 0)} MB; outputs ${identical ? 'byte-identical' : 'NOT identical'} to a cold run with that codebook (${fmt(r.weights_cold_s)} s)`);
  console.log(`                    ${fmt(r.new_term_s, 2)} s codebook with a new term (every clause segmented again)   peak tree RSS ${fmt(r.new_term_rss_mb, 0)} MB`);
  console.log(`coding              ${fmt(r.new_term_coding_mb_per_s, 2)} MB/s (re-code with new term)   reference nodejieba raw cut ${fmt(r.raw_cut_mb_per_s, 2)} MB/s   ratio ${fmt(r.new_term_coding_mb_per_s / r.raw_cut_mb_per_s, 2)}`);
}

if (results.length > 1) {
  const a = results[0];
  console.log('\n== scaling (per document; flat = linear time, flat RSS = memory does not grow with the corpus)');
  for (const r of results) {
    console.log(`${String(r.documents).padStart(5)} docs: cold ${fmt((r.cold_s / r.documents) * 1000, 1)} ms/doc (x${fmt(r.cold_s / r.documents / (a.cold_s / a.documents), 2)}), weights-only re-code ${fmt((r.weights_edit_s / r.documents) * 1000, 2)} ms/doc, peak tree RSS cold ${fmt(r.cold_rss_mb, 0)} MB (pdf-parse ${fmt(r.cold_pdf_parse_rss_mb, 0)} MB) / re-code ${fmt(r.weights_edit_rss_mb, 0)} MB / new term ${fmt(r.new_term_rss_mb, 0)} MB`);
  }
}
console.log(`\nload average at end: ${load()}`);
writeFileSync(join(WORK, 'results.json'), JSON.stringify({ jobs, loadavg_end: loadavg(), results }, null, 2));
console.log(`(figures saved in ${join(WORK, 'results.json')})`);
