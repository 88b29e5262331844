import { describe, expect, it } from 'vitest';
import { badInputFolder } from './badInputFolder.js';

// The last line of a run is what a user reads and quotes (README: `--out results/`): it names the
// folder as given, once, and counts in words (docs/docs-check.md). Regression: `--out results/`
// printed `tables in results//`, and one README beside the notices `1 files skipped`.
const { run } = badInputFolder();

describe('the end-of-run line names the output folder once and counts in words', () => {
  it('analyze, recode, report and merge with --out results/ name results/, not results//', () => {
    const analyze = run('analyze', 'corpus-with-readme/', '--out', 'results/');
    expect(analyze.code).toBe(0);
    expect(analyze.stderr).toMatch(/2 of 2 documents coded, \d+ clauses \(\d+ with a code\), 1 file skipped \(not a document type\); tables in results\/\n$/);
    const recode = run('recode', '--out', 'results/', '--quiet');
    expect(recode.code).toBe(0);
    const report = run('report', 'results/', '--out', 'paper/');
    expect(report.code).toBe(0);
    expect(report.stderr).toMatch(/2 policies in the tables \(2 of 2 documents selected\); \d+ files in paper\/\n$/);
    const sameFolder = run('report', 'results');
    expect(sameFolder.stderr).toMatch(/files in results\/\n$/);
    for (const i of [0, 1]) expect(run('analyze', 'corpus-with-readme', '--shard', `${i}/2`, '--out', `parts/${i}/`, '--quiet').code).toBe(0);
    const merge = run('merge', 'parts/0', 'parts/1', '--out', 'merged/');
    expect(merge.code).toBe(0);
    expect(merge.stderr).toMatch(/merged 2 partial results: 2 documents; tables in merged\/\n$/);
  });

  it('extract says 1 file skipped and names its folder once', () => {
    const extract = run('extract', 'corpus-with-readme', '--out', 'texts/');
    expect(extract.code).toBe(0);
    expect(extract.stderr).toMatch(/2 of 2 documents read.*, 1 file skipped \(not a document type\); documents.csv in texts\/\n$/);
  });
});
