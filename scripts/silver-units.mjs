#!/usr/bin/env node
/**
 * Writes the silver sets (test/silver/README.md) in the shape of ../shared/gold's units, ready for
 * `policy-code evaluate` or `code-units`: the codes of test/silver/silver-codes.csv with their texts,
 * found again among the clauses of an analyze of ../shared/corpus and of ../shared/corpus2.
 *   node --import ./scripts/runTypeScript.mjs scripts/silver-units.mjs <analyze out of corpus> <of corpus2> <out dir>
 *   policy-code evaluate <out dir>/silver-1.csv        (set 1: tuned on since 2.7.0; sets 2, 3 and 4: the checks)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { findSilverTexts } from '../test/silver/silverUnits.ts';

const [outCorpus, outCorpus2, out] = process.argv.slice(2);
if (!out) {
  console.error('usage: silver-units.mjs <analyze out of corpus> <analyze out of corpus2> <out dir>');
  process.exit(2);
}
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const rd = (f) => parse(readFileSync(f, 'utf8'), { columns: true, bom: true });
const codes = rd(join(root, 'test', 'silver', 'silver-codes.csv'));
const texts = new Map();
for (const [corpus, dir] of [['corpus', outCorpus], ['corpus2', outCorpus2]]) {
  const wanted = new Set(codes.filter((c) => c.corpus === corpus).map((c) => c.key));
  for (const [key, text] of findSilverTexts(rd(join(dir, 'clauses.csv')), wanted)) texts.set(key, text);
}
mkdirSync(out, { recursive: true });
for (const set of ['1', '2', '3', '4']) {
  const rows = codes.filter((c) => c.set === set);
  const found = rows.filter((c) => texts.has(c.key));
  const units = found.map((c) => ({ unit_id: c.key, doc: c.doc, text: texts.get(c.key), primary: c.primary, coder_a: c.coder_a, coder_b: c.coder_b }));
  writeFileSync(join(out, `silver-${set}.csv`), stringify(units, { header: true, columns: ['unit_id', 'doc', 'text', 'primary', 'coder_a', 'coder_b'] }));
  console.log(`silver-${set}.csv: ${found.length} of ${rows.length} units found`);
}
