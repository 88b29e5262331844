// The PDF reading stage alone, as analyze drives it: policy-code's reader for one engine (pdf-parse's
// warm reader processes, or pdftotext from one shell per slot), `jobs` documents at a time, over a
// list of PDFs. Prints JSON with pages and time.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { PdfPool } from '../dist/io/extract/PdfPool.js';
import { pdfParseReader } from '../dist/io/extract/PdfReader.js';
import { PopplerReader } from '../dist/io/extract/PopplerReader.js';
import { Limiter } from '../dist/io/ocr/Limiter.js';

const [listFile, jobsArg, engine = 'pdf-parse'] = process.argv.slice(2);
const files = readFileSync(listFile, 'utf8').split('\n').filter(Boolean);
const jobs = Number(jobsArg);
const slots = new Limiter(jobs);
const reader = engine === 'poppler' ? new PopplerReader({ slots, timeoutMs: 120_000 }) : pdfParseReader(new PdfPool({ workers: jobs, timeoutMs: 120_000, maxHeapMb: 1024 }), slots);
const t0 = performance.now();
let pages = 0;
let failed = 0;
let next = 0;
await Promise.all(
  Array.from({ length: jobs * 2 }, async () => {
    while (next < files.length) {
      const r = await reader.read(files[next++]);
      if (r.ok) pages += r.pages.length;
      else failed++;
    }
  }),
);
const ms = performance.now() - t0;
await reader.close();
process.stdout.write(JSON.stringify({ engine, files: files.length, pages, failed, ms }) + '\n');
