import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli.js';
import { REPO_ROOT } from '../sharedDir.js';

// Fixture from scripts/make-template-fixtures.mjs: 96 copies of one template, told apart only by metadata.csv.
const FIXTURE = join(REPO_ROOT, 'test', 'fixtures', 'ninety-six policies from one template are ninety-six policies');
const tmp = mkdtempSync(join(tmpdir(), 'policy-code-template-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Row = Record<string, string>;
const read = (name: string) => parse(readFileSync(join(tmp, 'out', name), 'utf8'), { columns: true, bom: true }) as Row[];
let stderr = '';

describe('near-identical texts that metadata.csv tells apart (issue 13)', () => {
  beforeAll(() => {
    const r = runCli(['analyze', FIXTURE, '--out', join(tmp, 'out')], tmp);
    expect(r.code, r.stderr).toBe(0);
    stderr = r.stderr;
  }, 120_000);

  it('counts 96 policies in 22 provinces, mean 4.36, sd 3.91, as the researcher listed them', () => {
    expect(read('province_summary.csv')[0]).toMatchObject({ provinces: '22', policies: '96', mean: '4.36', sd: '3.91' });
  });

  it('still leaves out the web copy metadata.csv does not list, and says so at the end of the run', () => {
    const documents = read('documents.csv');
    expect(documents.filter((d) => d.status === 'duplicate').map((d) => [d.file, d.message])).toEqual([['下载/p001-网页版.txt', 'duplicate of D001 (near-identical text, similarity 0.91)']]);
    expect(stderr).toContain('1 documents left out as duplicates (1 near-identical text)');
    expect(stderr).toContain('95 documents counted as policies of their own although their text is near-identical to another');
    const counts = (JSON.parse(readFileSync(join(tmp, 'out', 'run.json'), 'utf8')) as { counts: Record<string, number> }).counts;
    expect([counts.ok, counts.duplicate, counts.similar_counted, counts.unknown_province]).toEqual([96, 1, 95, 0]);
  });

  it('lists each distinct policy with the document it resembles', () => {
    const documents = read('documents.csv');
    expect(documents.find((d) => d.file === 'p001.txt')!.similar_to).toBe('');
    const p002 = documents.find((d) => d.file === 'p002.txt')!;
    expect(p002).toMatchObject({ status: 'ok', similar_to: 'D001' });
    expect(p002.message).toMatch(/^counted as its own policy: near-identical text, similarity 0\.\d\d, but a different title in metadata\.csv \(D001\)$/);
  });
});
