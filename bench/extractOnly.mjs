// The extraction stage alone: policy-code's PDF worker pool (warm pdf.js parsers, `jobs` threads)
// over a list of PDFs, as analyze drives it. Prints JSON with pages and time.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { PdfPool } from '../dist/io/extract/PdfPool.js';

const [listFile, jobsArg] = process.argv.slice(2);
const files = readFileSync(listFile, 'utf8').split('\n').filter(Boolean);
const jobs = Number(jobsArg);
const pool = new PdfPool({ workers: jobs, timeoutMs: 120_000, maxHeapMb: 1024 });
const t0 = performance.now();
let pages = 0;
let failed = 0;
let next = 0;
await Promise.all(
  Array.from({ length: jobs * 2 }, async () => {
    while (next < files.length) {
      const r = await pool.read(files[next++]);
      if (r.ok) pages += r.pages.length;
      else failed++;
    }
  }),
);
const ms = performance.now() - t0;
await pool.close();
process.stdout.write(JSON.stringify({ files: files.length, pages, failed, ms, workersRetired: pool.retired }) + "\n");
