import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli.js';
import { REPO_ROOT, sharedDir } from '../sharedDir.js';

/**
 * Every number agreement and evaluate print, against test/reliability/statisticsReference.py: an
 * independent recount that reads the coder files itself (docs/statistics-checks.md).
 */
const script = fileURLToPath(new URL('../reliability/statisticsReference.py', import.meta.url));
const hasPython = spawnSync('python3', ['--version']).status === 0;
const shared = sharedDir();
if (!hasPython) console.warn('agreementReference.test: python3 not found, cross-checks skipped');
if (!shared) console.warn('agreementReference.test: ../shared (gold codes) not found, checks on the real files skipped');

const tmp = mkdtempSync(join(tmpdir(), 'policy-code-stats-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const run = (...args: string[]) => runCli(args, tmp);

/** A coder file in tmp: rows of [unit_id, primary, secondary]. */
function coderFile(name: string, rows: ReadonlyArray<readonly [string, string, string?]>): string {
  writeFileSync(join(tmp, name), ['unit_id,primary,secondary', ...rows.map(([u, p, s]) => `${u},${p},${s ?? ''}`)].join('\n') + '\n');
  return name;
}

type Json = Record<string, unknown>;

function reference(...args: string[]): Json {
  const r = spawnSync('python3', [script, ...args], { cwd: tmp, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as Json;
}

/** Same keys, same numbers to 1e-9, null exactly where the reference is undefined. */
function expectSame(ours: unknown, ref: unknown, where: string): void {
  if (ref === null || typeof ref !== 'object') {
    if (typeof ref === 'number') expect(ours, where).toBeCloseTo(ref, 9);
    else expect(ours, where).toBe(ref);
    return;
  }
  for (const [k, v] of Object.entries(ref)) expectSame((ours as Json)[k], v, `${where}.${k}`);
}

function agreementAgrees(...files: string[]): Json {
  const r = run('agreement', ...files, '--json');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const ours = JSON.parse(r.stdout) as { units: number; results: Json[] };
  const ref = reference('agreement', ...files) as { units: number; results: Json[] };
  expect(ours.units).toBe(ref.units);
  expect(ours.results.map((x) => x.scope)).toEqual(expect.arrayContaining(ref.results.map((x) => x.scope)));
  expect(ours.results.length).toBe(ref.results.length);
  for (const row of ref.results) expectSame(ours.results.find((x) => x.scope === row.scope), row, String(row.scope));
  return ours.results[0]!;
}

describe.skipIf(!hasPython)('agreement against the reference on small files', () => {
  it('ids in another order, a unit one coder lacks, an empty primary, secondary codes, a code one coder alone uses', () => {
    const a = coderFile('order-a.csv', [['u1', 'financial', 'taxation'], ['u2', 'strategic'], ['u3', 'none'], ['u4', 'education'], ['u5', ''], ['u6', 'financial']]);
    const b = coderFile('order-b.csv', [['u7', 'overseas'], ['u4', 'education', 'overseas'], ['u3', 'strategic'], ['u2', 'strategic', 'none'], ['u1', 'taxation', 'financial'], ['u5', 'financial']]);
    const primary = agreementAgrees(a, b);
    expect(primary.units_pairable).toBe(4);
  });

  it('every coder gives every unit one code: kappas and alpha undefined (null), never 1; agreement 1', () => {
    const a = coderFile('same-a.csv', [['u1', 'financial'], ['u2', 'financial'], ['u3', 'financial']]);
    const b = coderFile('same-b.csv', [['u3', 'financial'], ['u2', 'financial'], ['u1', 'financial']]);
    const primary = agreementAgrees(a, b);
    expect(primary).toMatchObject({ percent_agreement: 1, cohen_kappa: null, fleiss_kappa: null, krippendorff_alpha: null });
    const table = run('agreement', a, b);
    expect(table.stdout).not.toMatch(/NaN|null|Infinity/);
  });

  it('three coders with missing values, Cohen empty', () => {
    const a = coderFile('three-a.csv', [['u1', 'a'], ['u2', 'b'], ['u3', 'a'], ['u4', 'c']]);
    const b = coderFile('three-b.csv', [['u1', 'a'], ['u2', 'b'], ['u3', 'b']]);
    const c = coderFile('three-c.csv', [['u1', 'a'], ['u2', 'c'], ['u4', 'c'], ['u5', 'a']]);
    expect(agreementAgrees(a, b, c).cohen_kappa).toBeNull();
  });

  it('files without a unit in common: one line, exit 2, no table of empty cells', () => {
    const a = coderFile('apart-a.csv', [['u1', 'a'], ['u2', 'b']]);
    const b = coderFile('apart-b.csv', [['v1', 'a'], ['v2', 'b']]);
    const r = run('agreement', a, b);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/no unit id is coded in two of the files/);
  });

  it('with --codebook, a code the codebook lacks (misspelt) is refused with its file:line, exit 2', () => {
    const a = coderFile('typo-a.csv', [['u1', 'financial'], ['u2', 'Financial', 'taxation'], ['u3', 'strategic', 'fiscal']]);
    const b = coderFile('typo-b.csv', [['u1', 'financial'], ['u2', 'financial'], ['u3', 'strategic']]);
    const r = run('agreement', a, b, '--codebook', join(REPO_ROOT, 'codebooks', 'rothwell-zegveld.zh.yaml'));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/typo-a\.csv:3: unknown code 'Financial'/);
    expect(r.stderr).toMatch(/typo-a\.csv:4: unknown code 'fiscal'/);
    expect(run('agreement', b, b, '--codebook', join(REPO_ROOT, 'codebooks', 'rothwell-zegveld.zh.yaml')).code).toBe(0);
  });

  it('a duplicate unit id: the line named, exit 2', () => {
    const a = coderFile('dup-a.csv', [['u1', 'a'], ['u2', 'b']]);
    const b = coderFile('dup-b.csv', [['u1', 'a'], ['u1', 'b']]);
    const r = run('agreement', a, b);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/dup-b\.csv:3: duplicate unit_id 'u1'/);
  });
});

describe.skipIf(!hasPython || !shared)('agreement and evaluate against the reference on ../shared/gold', () => {
  const gold = (f: string) => join(shared!, 'gold', f);

  it("dev: the README's kappa 0.939; dev2: 0.915; every coefficient of every row", () => {
    expect((agreementAgrees(gold('dev-coder-a.csv'), gold('dev-coder-b.csv')).cohen_kappa as number).toFixed(3)).toBe('0.939');
    expect((agreementAgrees(gold('dev2-coder-a.csv'), gold('dev2-coder-b.csv')).cohen_kappa as number).toFixed(3)).toBe('0.915');
  });

  it('three files, the third of other units: Holsti is the first two coders\' 0.951, not pulled down by the pairs with nothing in common', () => {
    const primary = agreementAgrees(gold('dev-coder-a.csv'), gold('dev-coder-b.csv'), gold('dev2-coder-a.csv'));
    expect((primary.holsti as number).toFixed(3)).toBe('0.951');
  });

  for (const set of ['dev', 'dev2']) {
    it(`evaluate on ${set}-units.csv: kappa, agreement, lenient, P/R/F1 per code, macro, micro, confusion, wrong units, confidence slices`, () => {
      // The reference recounts from code-units' codes and confidences (the same coder, unit by unit).
      expect(run('code-units', gold(`${set}-units.csv`), '-o', `${set}-coded.csv`).code).toBe(0);
      const r = run('evaluate', gold(`${set}-units.csv`), '--json');
      expect(r.code).toBe(0);
      type Evaluation = Json & { instruments: Json[]; confusion: { labels: string[]; counts: number[][] }; wrong: Json[]; by_confidence: Json[] };
      const ours = JSON.parse(r.stdout) as Evaluation;
      const ref = reference('evaluate', gold(`${set}-units.csv`), `${set}-coded.csv`) as Json & { instruments: Record<string, Json>; confusion: Record<string, number>; wrong: string[]; by_confidence: Json[] };
      for (const k of ['units', 'cohen_kappa', 'percent_agreement', 'lenient_agreement', 'macro', 'micro']) expectSame(ours[k], ref[k], k);
      expect(ours.wrong.map((w) => w.unit_id)).toEqual(ref.wrong);
      expect(ours.by_confidence.length).toBe(ref.by_confidence.length);
      ref.by_confidence.forEach((slice, i) => expectSame(ours.by_confidence[i], slice, `by_confidence ${String(slice.slice)}`));
      expect(ours.instruments.map((i) => i.instrument).sort()).toEqual(Object.keys(ref.instruments).sort());
      for (const i of ours.instruments) expectSame(i, ref.instruments[i.instrument as string], String(i.instrument));
      const { labels, counts } = ours.confusion;
      const cells = Object.fromEntries(counts.flatMap((row, h) => row.flatMap((n, a) => (n ? [[`${labels[h]}>${labels[a]}`, n]] : []))));
      expect(cells).toEqual(ref.confusion);
    });
  }
});
