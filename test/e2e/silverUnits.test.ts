import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cohenKappa } from '../../src/core/reliability/agreementCoefficients.js';
import { runCli } from '../cli.js';
import { analyzedRealCorpus } from '../realCorpusRun.js';
import { REPO_ROOT, sharedDir } from '../sharedDir.js';
import { silverUnitsBySet, type SilverCode } from '../silver/silverUnits.js';

/**
 * The default codebook on the silver sets (test/silver/README.md): sentences of ../shared's corpora
 * outside the gold sets, coded blind from the manual. Their texts are found again in the test run's
 * analyze of ../shared/corpus (shared with realCorpus.test) and in an analyze of ../shared/corpus2.
 */
const shared = sharedDir();
const run = inject('realCorpus');
const present = shared !== null && run !== null && existsSync(join(shared, 'corpus2', 'MANIFEST.tsv'));
if (!present) console.warn('silverUnits.test: skipped, ../shared/corpus and ../shared/corpus2 are not beside the repository (or the shared analyze was filtered out)');

type Row = Record<string, string>;
const rowsOf = (file: string): Row[] => parse(readFileSync(file, 'utf8'), { columns: true, bom: true, relax_column_count: true }) as Row[];
const tmp = mkdtempSync(join(tmpdir(), 'policy-code-silver-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/**
 * Floors a little under the figures measured with the default codebook 2.8.0 (kappa on all units of the set,
 * and on its 70 % most confident units: set 1 0.676 / 0.841, set 2 0.598 / 0.705, set 3 0.602 / 0.685,
 * set 4 0.609 / 0.679, set 5 0.590 / 0.701, set 6 0.547 / 0.675, set 7 0.530 / 0.677, set 8 0.543 / 0.623);
 * sets 1 and 5 are tuned on, sets 2 and 4 decided what 2.8.0 kept, sets 3 and 6 were measured once, at the
 * end, and sets 7 and 8 are for the next round.
 */
const FLOORS = [
  { set: '1', units: 220, kappa: 0.65, confident: 0.81 },
  { set: '2', units: 400, kappa: 0.57, confident: 0.68 },
  { set: '3', units: 400, kappa: 0.58, confident: 0.66 },
  { set: '4', units: 400, kappa: 0.58, confident: 0.65 },
  { set: '5', units: 599, kappa: 0.56, confident: 0.67 },
  { set: '6', units: 372, kappa: 0.52, confident: 0.65 },
  { set: '7', units: 400, kappa: 0.5, confident: 0.65 },
  { set: '8', units: 400, kappa: 0.52, confident: 0.6 },
];

const coded = new Map<string, Row[]>();
beforeAll(async () => {
  if (!present) return;
  const first = await analyzedRealCorpus(run!);
  expect(first.code, first.stderr).toBeLessThan(2);
  const c2 = runCli(['analyze', join(shared!, 'corpus2'), '--out', join(tmp, 'corpus2'), '--quiet'], tmp);
  expect(c2.code, c2.stderr).toBeLessThan(2);
  const codes = rowsOf(join(REPO_ROOT, 'test', 'silver', 'silver-codes.csv')) as unknown as SilverCode[];
  const clausesOf = (out: string) => rowsOf(join(out, 'clauses.csv')) as Array<{ text: string }>;
  const sets = silverUnitsBySet(codes, new Map([['corpus', clausesOf(run!.out)], ['corpus2', clausesOf(join(tmp, 'corpus2'))]]));
  for (const { set } of FLOORS) {
    writeFileSync(join(tmp, `silver-${set}.csv`), stringify(sets.get(set) ?? [], { header: true, columns: ['unit_id', 'doc', 'text', 'primary'] }));
    const r = runCli(['code-units', join(tmp, `silver-${set}.csv`), '-o', join(tmp, `coded-${set}.csv`)], tmp);
    expect(r.stderr).toBe('');
    coded.set(set, rowsOf(join(tmp, `coded-${set}.csv`)));
  }
}, 45 * 60_000);

const kappaOf = (rows: Row[]) => cohenKappa(rows.map((u) => [u.input_primary!, u.primary!])).value;

describe.skipIf(!present).each(FLOORS)('the default codebook on silver set $set', (floor) => {
  it('finds every unit of the set in the clauses analyze cuts today', () => {
    expect(coded.get(floor.set)).toHaveLength(floor.units);
  });

  it(`reaches Cohen’s kappa ${floor.kappa}, and ${floor.confident} on its 70 % most confident units`, () => {
    const rows = coded.get(floor.set)!;
    expect(kappaOf(rows)).toBeGreaterThanOrEqual(floor.kappa);
    const ranked = rows.map((r, i) => ({ r, i })).sort((a, b) => Number(b.r.confidence) - Number(a.r.confidence) || a.i - b.i);
    expect(kappaOf(ranked.slice(0, Math.round(rows.length * 0.7)).map((x) => x.r))).toBeGreaterThanOrEqual(floor.confident);
  });
});
