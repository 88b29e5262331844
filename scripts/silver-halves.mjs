#!/usr/bin/env node
/**
 * Splits the documents of ../shared/corpus and corpus2 into two fixed halves (a hash of the file name),
 * so a codebook change can be chosen on the units of one half's documents and judged on the other's:
 * the held-out set is made of other documents, and a word that fixes a unit also fixes its neighbours
 * in the same document. Writes, from the silver sets and the gold sets:
 *   half-A.csv  silver sets 1-7, documents of half A (for tuning)   dev-A.csv, dev2-A.csv  their gold units
 *   half-B.csv  silver sets 1-7, documents of half B (for deciding) set-8.csv  silver set 8 (kept for the end)
 *   documents-A.txt  the files of half A
 *   node --import ./scripts/runTypeScript.mjs scripts/silver-halves.mjs <analyze out of corpus> <of corpus2> <out dir>
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { silverUnitsBySet } from '../test/silver/silverUnits.ts';

const [outCorpus, outCorpus2, out] = process.argv.slice(2);
if (!out) {
  console.error('usage: silver-halves.mjs <analyze out of corpus> <analyze out of corpus2> <out dir>');
  process.exit(2);
}
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const rd = (f) => parse(readFileSync(f, 'utf8'), { columns: true, bom: true });
const outs = new Map([['corpus', outCorpus], ['corpus2', outCorpus2]]);
const fileOf = new Map([...outs].flatMap(([corpus, dir]) => rd(join(dir, 'documents.csv')).map((d) => [`${corpus}/${d.doc_id}`, d.file])));
const half = (file) => (createHash('sha1').update(`round3:${file}`).digest()[0] % 2 ? 'B' : 'A');

const codes = rd(join(root, 'test', 'silver', 'silver-codes.csv'));
const corpusOf = new Map(codes.map((c) => [`${c.set}/${c.key}`, c.corpus]));
const sets = silverUnitsBySet(codes, new Map([...outs].map(([corpus, dir]) => [corpus, rd(join(dir, 'clauses.csv'))])));
const rows = { A: [], B: [], 8: [] };
for (const [set, units] of sets) {
  for (const u of units) {
    const file = fileOf.get(`${corpusOf.get(`${set}/${u.unit_id}`)}/${u.doc}`);
    rows[set === '8' ? 8 : half(file)].push({ ...u, unit_id: `s${set}-${u.unit_id}`, doc: file, set });
  }
}
mkdirSync(out, { recursive: true });
const columns = ['unit_id', 'doc', 'text', 'primary', 'coder_a', 'coder_b', 'set'];
for (const [name, list] of [['half-A', rows.A], ['half-B', rows.B], ['set-8', rows[8]]]) {
  writeFileSync(join(out, `${name}.csv`), stringify(list, { header: true, columns }));
  console.log(`${name}.csv: ${list.length} units`);
}
for (const gold of ['dev', 'dev2']) {
  const units = rd(join(root, '..', 'shared', 'gold', `${gold}-units.csv`)).filter((u) => half(u.doc) === 'A');
  writeFileSync(join(out, `${gold}-A.csv`), stringify(units, { header: true, columns: Object.keys(units[0]) }));
}
writeFileSync(join(out, 'documents-A.txt'), `${[...new Set(fileOf.values())].filter((f) => half(f) === 'A').sort().join('\n')}\n`);
