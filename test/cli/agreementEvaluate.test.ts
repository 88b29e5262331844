import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, sharedDir } from '../sharedDir.js';

const CLI = join(REPO_ROOT, 'dist', 'cli', 'main.js');
const shared = sharedDir();
const tmp = mkdtempSync(join(tmpdir(), 'policy-code-agreement-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { cwd: tmp, encoding: 'utf8' });
}

if (!shared) console.warn('agreementEvaluate.test: ../shared (gold standard) not found, tests on it skipped');

describe.skipIf(!shared)('agreement and evaluate on ../shared/gold', () => {
  it("agreement of coder A and B reproduces the gold README's Cohen's kappa 0.939 on the primary code", () => {
    const gold = join(shared!, 'gold');
    const r = run('agreement', join(gold, 'dev-coder-a.csv'), join(gold, 'dev-coder-b.csv'), '--json', '--out', 'agreement.md');
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as { units: number; results: Array<Record<string, number | string>> };
    const primary = json.results[0]!;
    expect(primary.scope).toBe('primary');
    expect((primary.cohen_kappa as number).toFixed(3)).toBe('0.939');
    expect(primary.units_complete).toBe(225);
    expect(readFileSync(join(tmp, 'agreement.md'), 'utf8')).toMatch(/^\| scope \| units_pairable/);
  });

  it('evaluate writes consistent tables: confusion totals, kappa recomputed from the confusion table, errors listed', () => {
    const r = run('evaluate', join(shared!, 'gold', 'dev-units.csv'), '--json', '--suggest', '--out', 'eval');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const e = JSON.parse(r.stdout) as {
      units: number; cohen_kappa: number; percent_agreement: number; lenient_agreement: number;
      confusion: { labels: string[]; counts: number[][] }; wrong: unknown[];
      suggestions: { key_terms: Array<{ term: string }>; misfiring_terms: unknown[] };
    };
    expect(e.units).toBe(225);
    const { counts } = e.confusion;
    const n = counts.flat().reduce((a, b) => a + b, 0);
    expect(n).toBe(225);
    const diagonal = counts.reduce((a, row, i) => a + row[i]!, 0);
    const pe = counts.reduce((a, row, i) => a + (row.reduce((x, y) => x + y, 0) / n) * (counts.reduce((x, r2) => x + r2[i]!, 0) / n), 0);
    expect(e.cohen_kappa).toBeCloseTo((diagonal / n - pe) / (1 - pe), 10);
    expect(e.wrong.length).toBe(225 - diagonal);
    expect(e.lenient_agreement).toBeGreaterThanOrEqual(e.percent_agreement);
    expect(e.suggestions.key_terms.length).toBeGreaterThan(0);
    for (const f of ['evaluation', 'evaluation_instruments', 'evaluation_confusion', 'evaluation_errors', 'suggest_terms', 'suggest_misfiring']) {
      expect(existsSync(join(tmp, 'eval', `${f}.csv`))).toBe(true);
      expect(existsSync(join(tmp, 'eval', `${f}.md`))).toBe(true);
    }
  });
});

describe('agreement and evaluate: input errors are reported at once, exit 2', () => {
  it('unknown codes in a gold table are all listed', () => {
    writeFileSync(join(tmp, 'bad.csv'), 'unit_id,text,primary,secondary\nu1,给予补贴,financal,\nu2,减免税收,taxation,taxes\n');
    const r = run('evaluate', 'bad.csv');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/2 problems/);
    expect(r.stderr).toMatch(/bad\.csv:2: unknown code 'financal'/);
    expect(r.stderr).toMatch(/bad\.csv:3: unknown code 'taxes'/);
  });

  it('agreement with one file is a usage error; a duplicate unit is an input error', () => {
    writeFileSync(join(tmp, 'a.csv'), 'unit_id,primary\nu1,financial\nu1,taxation\n');
    expect(run('agreement', 'a.csv').status).toBe(2);
    const r = run('agreement', 'a.csv', 'a.csv');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/a\.csv:3: duplicate unit_id 'u1'/);
  });
});
