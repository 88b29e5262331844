import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { badInputFolder } from './badInputFolder.js';

// docs/large-corpora.md: merge gives what one run over the whole corpus gives. Regression: a manual
// code that no shard could place (its document was revised) was dropped without a word and merge
// exited 0, where analyze lists it and exits 1 (docs/docs-check.md).
const { work, run } = badInputFolder();

const notApplied = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('manual code '));
const manualBlock = (dir: string) => JSON.parse(readFileSync(join(work, dir, 'run.json'), 'utf8')).manual;

describe('merge reports the manual codes no shard could place, as one run does', () => {
  it('a code of a revised notice is listed, exit 1, and run.json records it; codes of the unchanged notice are not', () => {
    // A person codes every clause of the corpus (review export, the sheet filled, review import).
    expect(run('analyze', 'corpus', '--out', 'results', '--quiet').code).toBe(0);
    expect(run('review', 'export', 'results', '--out', 'review.xlsx').code).toBe(0);
    const sheet = parse(readFileSync(join(work, 'review.csv')), { columns: true, bom: true }) as Array<Record<string, string>>;
    writeFileSync(join(work, 'review.csv'), stringify(sheet.map((r) => ({ ...r, coder_primary: r.auto_primary })), { header: true }));
    expect(run('review', 'import', 'review.csv', '--from', 'results').code).toBe(0);

    // One notice is revised; codings/manual.csv in the working folder applies to every run here.
    const whole = run('analyze', 'corpus-revised', '--out', 'whole', '--quiet');
    expect(whole.code).toBe(1);
    const lines = notApplied(whole.stderr);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => l.includes('(notice-ban.txt:'))).toBe(true);

    for (const i of [0, 1]) expect(run('analyze', 'corpus-revised', '--shard', `${i}/2`, '--out', `parts/${i}`, '--quiet').code).toBe(0);
    const merged = run('merge', 'parts/0', 'parts/1', '--out', 'merged');
    expect(notApplied(merged.stderr)).toEqual(lines);
    expect(merged.code).toBe(1);
    expect(manualBlock('merged')).toEqual(manualBlock('whole'));
    expect(manualBlock('merged').applied).toBeGreaterThan(0);
    expect(readFileSync(join(work, 'merged', 'clauses.csv'), 'utf8')).toBe(readFileSync(join(work, 'whole', 'clauses.csv'), 'utf8'));
  });
});
