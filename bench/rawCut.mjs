// Reference for coding speed: nodejieba's raw cut(text, true) over the clause texts of a run's
// clauses.csv, in a fresh process, timed after the dictionary has loaded. Prints JSON.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { parse } from 'csv-parse/sync';

const require = createRequire(import.meta.url);
const rows = parse(readFileSync(process.argv[2], 'utf8'), { bom: true, columns: true });
const texts = rows.map((r) => r.text);
const bytes = texts.reduce((a, t) => a + Buffer.byteLength(t), 0);
const jieba = require('nodejieba');
const t0 = performance.now();
jieba.load();
const loadMs = performance.now() - t0;
const t1 = performance.now();
let tokens = 0;
for (const t of texts) tokens += jieba.cut(t, true).length;
const ms = performance.now() - t1;
process.stdout.write(JSON.stringify({ clauses: texts.length, bytes, tokens, ms, loadMs, mbPerS: bytes / 1e6 / (ms / 1000) }) + '\n');
