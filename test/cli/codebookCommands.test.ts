import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli.js';
import { REPO_ROOT, sharedDir } from '../sharedDir.js';

const DEFAULT = join(REPO_ROOT, 'codebooks', 'rothwell-zegveld.zh.yaml');
const DOMAINS = join(REPO_ROOT, 'codebooks', 'healthcare-blockchain-domains.zh.yaml');
const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'codebooks');
const shared = sharedDir();
const tmp = mkdtempSync(join(tmpdir(), 'policy-code-codebook-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const run = (...args: string[]) => runCli(args, tmp);
const readCsv = (file: string) => parse(readFileSync(join(tmp, file), 'utf8'), { bom: true, columns: true }) as Array<Record<string, string>>;

describe('codebook check and show', () => {
  it('accepts the shipped codebooks (exit 0)', () => {
    const r = run('codebook', 'check', DEFAULT, DOMAINS);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/healthcare-blockchain-domains 1\.0\.0, 7 categories/);
  });

  it('lists every problem with file:line and exits 2', () => {
    const file = join(FIXTURES, 'every-problem-is-reported-at-once', 'codebook.yaml');
    const r = run('codebook', 'check', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('invalid codebook');
    const expected = readFileSync(join(FIXTURES, 'every-problem-is-reported-at-once', 'expected.txt'), 'utf8').trimEnd().split('\n');
    for (const line of expected) expect(r.stderr).toContain(`  ${file}:${line}`);
  });

  it('reports a missing file as a codebook error (exit 2)', () => {
    const r = run('codebook', 'check', 'no-such.yaml');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no-such.yaml: cannot read codebook: no such file');
  });

  it('shows the resolved tree, with inherited weights and the scope', () => {
    const r = run('codebook', 'show', DOMAINS);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('scope (article): 区块链');
    expect(r.stdout).toMatch(/^ {2}pharma_supply_chain {2}药品供应链与追溯/m);
    expect(r.stdout).toContain('供应链 (with 药品|药械|医疗器械|疫苗|耗材|医药|药物)');
    const json = JSON.parse(run('codebook', 'show', DOMAINS, '--json').stdout) as { leaves: unknown[] };
    expect(json.leaves).toHaveLength(7);
  });

  it('prints the default codebook’s decision rules, the regulation rule among them', () => {
    const r = run('codebook', 'show', DEFAULT);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ {2}regulation \(rule 1\) -> legal_regulatory: .*责令.* \+ .*机构.* within 40, not before: 局.*; weight 2$/m);
    expect(r.stdout).toMatch(/^ {4}government bodies organising -> strategic \(weight 1\): /m);
    expect(r.stdout).toMatch(/^ {2}inside_words: with no other evidence, terms of weight 1 or more inside longer words, not where the word ends in: 法, 书.*小组.*中心$/m);
  });

  it('prints the spans that are no evidence, the condition words that silence rule 2, and its words that are no modal and bases that are no act', () => {
    const r = run('codebook', 'show', DEFAULT);
    expect(r.stdout).toMatch(/^ {2}ignore\.exception \(rule 1\): no evidence \/除/m);
    expect(r.stdout).toMatch(/^ {2}ignore\.measure_limit \(clarification\): no evidence \/.*只能.*享受/m);
    expect(r.stdout).toMatch(/^ {4}not in a sentence about getting a measure \(its condition\): 享受, 申请/m);
    expect(r.stdout).toMatch(/^ {4}no modal inside: 应用, .*相应.*; a basis after the modal is not the act: 根据, .* … .*结果/m);
  });
});

if (!shared) console.warn('codebookCommands.test: ../shared/corpus not found, diff/kwic/analyze on real documents skipped');

describe.skipIf(!shared)('on the real plain-text documents of ../shared/corpus', () => {
  // The TXT documents only: real policies, and quick to read, so one diff, kwic and analyze run each.
  const corpus = join(tmp, 'corpus');
  beforeAll(() => {
    mkdirSync(corpus);
    for (const f of readdirSync(join(shared!, 'corpus')).filter((f) => f.endsWith('.txt'))) copyFileSync(join(shared!, 'corpus', f), join(corpus, f));
  });

  it('codebook diff shows the effect of removing the keyword 监管', () => {
    const text = readFileSync(DEFAULT, 'utf8');
    const edited = text.replace(/^ +- 监管\n/m, '');
    expect(edited).not.toBe(text);
    writeFileSync(join(tmp, 'edited.yaml'), edited);
    const r = run('codebook', 'diff', DEFAULT, 'edited.yaml', 'corpus', '--csv', 'changed.csv', '--counts-csv', 'counts.csv', '-q');
    expect(r.code).toBe(0);
    const counts = readCsv('counts.csv');
    const sum = (k: string) => counts.reduce((a, c) => a + Number(c[k]), 0);
    expect(sum('before')).toBe(sum('after'));
    const legal = counts.find((c) => c.category === 'legal_regulatory')!;
    expect(Number(legal.lost)).toBeGreaterThan(0);
    expect(Number(legal.gained)).toBe(0);
    for (const c of counts) expect(Number(c.change)).toBe(Number(c.gained) - Number(c.lost));
    // Only legal_regulatory lost clauses: nothing else can lose by removing one of its keywords.
    expect(counts.filter((c) => c.category !== 'legal_regulatory' && Number(c.lost) > 0)).toEqual([]);
    const changed = readCsv('changed.csv');
    expect(changed.length).toBeGreaterThanOrEqual(Number(legal.lost));
    for (const row of changed) {
      expect(row.before_matched_terms).toMatch(/(^|;)监管@\d+\(legal_regulatory\)/);
      expect(row.after_matched_terms).not.toMatch(/(^|;)监管@/);
    }
    expect(r.stdout).toMatch(new RegExp(`${changed.length} of \\d+ clauses change codes`));
  });

  it('kwic lists 税收 on word boundaries, and inside 非税收入 only with --substring', () => {
    const r = run('kwic', '税收', 'corpus', '-q', '--substring', '-w', '5', '-o', 'kwic.csv');
    expect(r.code).toBe(0);
    const rows = readCsv('kwic.csv');
    const onBoundary = rows.filter((x) => x.word_boundary === 'yes');
    const inside = rows.filter((x) => x.word_boundary === 'no');
    expect(onBoundary.length).toBeGreaterThan(0);
    expect(inside.some((x) => x.left.endsWith('非') && x.right.startsWith('入'))).toBe(true);
    expect(onBoundary.some((x) => x.left.endsWith('非') && x.right.startsWith('入'))).toBe(false);
    for (const x of rows) expect(x.clause_id).toMatch(/^D\d{3}-/);
    // jieba cuts 非税收入 as 非税|收入: the cut runs through 税收, so the coder does not see it.
    expect(inside.some((x) => x.segmented_as === '非税|收入')).toBe(true);
    expect(r.stdout).toContain(`税收: ${onBoundary.length} occurrences on word boundaries, ${inside.length} not (inside a longer word or cut across by the segmenter); keyword of rothwell-zegveld:taxation (topic)`);
    expect(r.stdout.split('\n').filter((l) => / \(not matched: (inside the word|cut as) /.test(l))).toHaveLength(inside.length);
  });

  it('analyze with two codebooks adds the second codebook columns and in-scope counts', () => {
    const r = run('analyze', 'corpus', '--codebook', DEFAULT, '--codebook', DOMAINS, '--out', 'out', '--quiet');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const clauses = readCsv('out/clauses.csv');
    const d = 'healthcare-blockchain-domains';
    expect(Object.keys(clauses[0]!)).toEqual(expect.arrayContaining(['in_scope', `${d}:primary`, `${d}:categories`, `${d}:matched_terms`, `${d}:in_scope`]));
    // No scope in the default codebook: every clause is in scope for it.
    expect(clauses.every((c) => c.in_scope === 'true')).toBe(true);
    const inScope = clauses.filter((c) => c[`${d}:in_scope`] === 'true');
    expect(inScope.length).toBeGreaterThan(0);
    expect(inScope.length).toBeLessThan(clauses.length / 5);
    expect(clauses.filter((c) => c[`${d}:in_scope`] === 'false').every((c) => c[`${d}:primary`] === 'none')).toBe(true);
    // Article scope: a clause coded for a domain need not itself say 区块链, but its article does.
    const articleOf = (id: string) => id.split('.')[0]!.split('-').slice(0, 3).join('-');
    for (const c of inScope) {
      expect(clauses.some((o) => articleOf(o.clause_id) === articleOf(c.clause_id) && /区块链|分布式账本|联盟链|智能合约|上链|链上|共识机制|哈希|[Bb]lockchain/.test(o.text))).toBe(true);
    }
    const run_ = JSON.parse(readFileSync(join(tmp, 'out', 'run.json'), 'utf8')) as { further_codebooks: Array<{ name: string }>; counts: { in_scope_clauses: number; clauses: number } };
    expect(run_.further_codebooks.map((b) => b.name)).toEqual([d]);
    expect(run_.counts.in_scope_clauses).toBe(run_.counts.clauses);
  });

  it('analyze refuses two codebooks with the same name (exit 2)', () => {
    const r = run('analyze', 'corpus', '--codebook', DEFAULT, '--codebook', DEFAULT, '--out', 'out2', '--quiet');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("both named 'rothwell-zegveld'");
  });
});
