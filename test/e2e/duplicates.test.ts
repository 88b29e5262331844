import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { fingerprintSimilarity, textFingerprint } from '../../src/core/duplicates/textFingerprint.js';
import { runCli } from '../cli.js';
import { REPO_ROOT } from '../sharedDir.js';

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures');
const tmp = mkdtempSync(join(tmpdir(), 'policy-code-dup-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Row = Record<string, string>;

function analyze(fixture: string): { documents: Row[]; provinces: Row[]; clauseDocs: Set<string> } {
  const out = join(tmp, fixture);
  const r = runCli(['analyze', join(FIXTURES, fixture), '--out', out, '--quiet'], tmp);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const read = (name: string) => parse(readFileSync(join(out, name), 'utf8'), { columns: true, bom: true }) as Row[];
  return { documents: read('documents.csv'), provinces: read('provinces.csv'), clauseDocs: new Set(read('clauses.csv').map((c) => c.doc_id!)) };
}

const statuses = (docs: Row[]) => docs.map((d) => [d.file, d.status, d.message]);

describe('duplicates end to end (fixtures from scripts/make-meta-fixtures.mjs)', () => {
  it('a policy saved as pdf and as txt is counted once', () => {
    const { documents, provinces, clauseDocs } = analyze('a policy saved as pdf and as txt is counted once');
    expect(statuses(documents)).toEqual([
      ['佛山好房子实施指引-网页版.txt', 'ok', ''],
      ['佛山好房子实施指引.pdf', 'duplicate', 'duplicate of D001 (near-identical text, similarity 0.86)'],
    ]);
    expect(provinces.map((p) => [p.province, p.policies])).toEqual([['广东', '1']]);
    expect([...clauseDocs]).toEqual(['D001']);
  });

  it('the same file downloaded twice is counted once', () => {
    const { documents } = analyze('the same file downloaded twice is counted once');
    expect(statuses(documents)).toEqual([
      ['下载/明溪县购房措施(1).txt', 'ok', ''],
      ['明溪县购房措施.txt', 'duplicate', 'duplicate of D001 (same file bytes)'],
    ]);
  });

  it('the same 文号 with a different layout is counted once', () => {
    const { documents } = analyze('the same 文号 with a different layout is counted once');
    expect(documents[1]).toMatchObject({ status: 'duplicate', message: 'duplicate of D001 (same 文号 东公积金委〔2020〕2号)', doc_number: '东公积金委〔2020〕2号' });
  });

  it('a revised policy is not a duplicate of the original, though its text is near-identical', () => {
    const dir = join(FIXTURES, 'a revised policy is not a duplicate of the original');
    const similarity = fingerprintSimilarity(
      textFingerprint(readFileSync(join(dir, '明溪县购房措施.txt'), 'utf8')),
      textFingerprint(readFileSync(join(dir, '明溪县购房措施修订.txt'), 'utf8')),
    );
    // Above the near-duplicate threshold: only the 修订 keeps the two apart.
    expect(similarity).toBeGreaterThanOrEqual(0.8);
    const { documents, provinces } = analyze('a revised policy is not a duplicate of the original');
    expect(documents.map((d) => d.status)).toEqual(['ok', 'ok']);
    expect(provinces.map((p) => [p.province, p.policies])).toEqual([['福建', '2']]);
  });
});
