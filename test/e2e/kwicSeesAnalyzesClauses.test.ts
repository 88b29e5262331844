import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli.js';
import { SHARED_DIR, SHARED_MISSING } from '../sharedDir.js';

// A codebook that cuts long items at sentence ends: kwic and codebook diff must cut the corpus as
// analyze does with it (before, they cut every corpus in items, whatever the codebook said).
const CODEBOOK = `codebook: sentences
version: 1.0.0
unit: sentence
categories:
  - id: chain
    label: { zh: 区块链 }
    keywords: [区块链]
  - id: data
    label: { zh: 数据 }
    keywords: [数据共享]
`;

const ids = (file: string) => (parse(readFileSync(file, 'utf8'), { columns: true, bom: true }) as Array<Record<string, string>>).map((r) => r.clause_id!);

if (!SHARED_DIR) console.warn(`kwicSeesAnalyzesClauses.test: ${SHARED_MISSING}`);

describe.skipIf(!SHARED_DIR)("kwic and codebook diff see the clauses analyze codes (text and HTML documents of ../shared/corpus)", () => {
  const work = mkdtempSync(join(tmpdir(), 'kwic-analyze-clauses-'));
  const corpus = join(work, 'corpus');
  const codebook = join(work, 'sentences.yaml');
  let coded = new Set<string>();
  beforeAll(() => {
    mkdirSync(corpus);
    for (const f of readdirSync(join(SHARED_DIR!, 'corpus')).filter((f) => /\.(txt|html)$/.test(f))) copyFileSync(join(SHARED_DIR!, 'corpus', f), join(corpus, f));
    writeFileSync(codebook, CODEBOOK);
    expect(runCli(['analyze', corpus, '--out', join(work, 'out'), '--codebook', codebook, '-q']).code).toBeLessThan(2);
    coded = new Set(ids(join(work, 'out', 'clauses.csv')));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('analyze cut some long items into sentences, so item ids and sentence ids differ', () => {
    expect([...coded].filter((id) => /\.\d+$/.test(id)).length).toBeGreaterThan(10);
  });

  it("kwic lists only clause ids that are in analyze's clauses.csv", () => {
    expect(runCli(['kwic', '数据', corpus, '--codebook', codebook, '-o', join(work, 'kwic.csv'), '-q']).code).toBeLessThan(2);
    const found = ids(join(work, 'kwic.csv'));
    expect(found.length).toBeGreaterThan(20);
    expect(found.filter((id) => !coded.has(id))).toEqual([]);
  });

  it("codebook diff lists only clause ids that are in analyze's clauses.csv", () => {
    const edited = join(work, 'edited.yaml');
    writeFileSync(edited, CODEBOOK.replace('keywords: [数据共享]', 'keywords: [数据共享, 数据]'));
    expect(runCli(['codebook', 'diff', codebook, edited, corpus, '--csv', join(work, 'changed.csv'), '-q']).code).toBeLessThan(2);
    const changed = ids(join(work, 'changed.csv'));
    expect(changed.length).toBeGreaterThan(5);
    expect(changed.filter((id) => !coded.has(id))).toEqual([]);
  });
});
