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
import { silverUnitsBySet } from '../test/silver/silverUnits.ts';

const [outCorpus, outCorpus2, out] = process.argv.slice(2);
if (!out) {
  console.error('usage: silver-units.mjs <analyze out of corpus> <analyze out of corpus2> <out dir>');
  process.exit(2);
}
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const rd = (f) => parse(readFileSync(f, 'utf8'), { columns: true, bom: true });
const codes = rd(join(root, 'test', 'silver', 'silver-codes.csv'));
const sets = silverUnitsBySet(codes, new Map([['corpus', rd(join(outCorpus, 'clauses.csv'))], ['corpus2', rd(join(outCorpus2, 'clauses.csv'))]]));
mkdirSync(out, { recursive: true });
for (const [set, units] of sets) {
  writeFileSync(join(out, `silver-${set}.csv`), stringify(units, { header: true, columns: ['unit_id', 'doc', 'text', 'primary', 'coder_a', 'coder_b'] }));
  console.log(`silver-${set}.csv: ${units.length} of ${codes.filter((c) => c.set === set).length} units found`);
}
