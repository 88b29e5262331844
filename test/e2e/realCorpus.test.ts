import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { garbageScore } from '../../src/core/text/garbageScore.js';
import { runCli, type CliResult } from '../cli.js';
import { HAS_OCR, NO_OCR } from '../hasOcr.js';
import { analyzedRealCorpus, type RealCorpusResult } from '../realCorpusRun.js';
import { sharedDir } from '../sharedDir.js';
import { parseMatchedTerms } from '../../src/core/coding/parseMatchedTerms.js';
import { CHROMIUM, goTo, launchChromium, openReport, type PageProblems } from '../chromium.js';

/**
 * The 57 real documents of ../shared/corpus, end to end: the test run's one analyze of it (with OCR
 * of the scans and gazettes, about 76 pages; test/realCorpusRun.ts) shared by every assertion, then
 * a second run from its cache with the default number of jobs.
 */
const SHARED = sharedDir();
const corpus = SHARED ? join(SHARED, 'corpus') : '';
const run = inject('realCorpus');
const work = mkdtempSync(join(tmpdir(), 'policy-code-real-'));

type Row = Record<string, string>;
const rowsOf = (file: string): Row[] => parse(readFileSync(file, 'utf8').replace(/^\ufeff/, ''), { columns: true, relax_column_count: true }) as Row[];

let first: RealCorpusResult;
let second: CliResult;
let documents: Map<string, Row>;
let textOf: (file: string) => string;

/** The shared run's output folder, and the second run's. */
const out1 = run?.out ?? '';
const out2 = join(work, 'out2');

beforeAll(async () => {
  if (!SHARED || !run) return;
  first = await analyzedRealCorpus(run);
  expect(first.code, first.stderr).toBeLessThan(2);
  documents = new Map(rowsOf(join(out1, 'documents.csv')).map((r) => [r.file!, r]));
  const clauses = rowsOf(join(out1, 'clauses.csv'));
  textOf = (file) => {
    const id = documents.get(file)!.doc_id;
    return clauses.filter((c) => c.doc_id === id).map((c) => c.text).join('');
  };
  second = runCli(['analyze', corpus, '--out', out2, '--cache-dir', run.cache, '--quiet'], work);
}, 45 * 60_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.skipIf(!SHARED || !run)(`analyze on the real corpus${SHARED ? '' : ' (skipped: ../shared is absent)'}`, () => {
  it('accounts for every one of the 57 documents of MANIFEST.tsv', () => {
    const manifest = readFileSync(join(corpus, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t')[0]!);
    expect(manifest).toHaveLength(57);
    expect([...documents.keys()].sort()).toEqual([...manifest].sort());
    expect(first.code, first.stderr).toBeLessThan(2);
  });

  it.skipIf(!HAS_OCR)(`reads every scan and gazette with OCR into readable Chinese, never the garbage text layer${HAS_OCR ? '' : ` (${NO_OCR})`}`, () => {
    const ocr = [...documents.values()].filter((d) => /_GAZETTE\.pdf$|_SCANNED/.test(d.file!));
    expect(ocr).toHaveLength(10);
    for (const d of ocr) {
      expect(d.status, d.file).toBe('ok');
      const text = textOf(d.file!);
      expect(garbageScore(text).score, d.file).toBeLessThan(0.02);
      expect(garbageScore(text).cjk, d.file).toBeGreaterThan(100 * Number(d.pages));
    }
  });

  it.skipIf(!HAS_OCR)(`finds phrases read off the rendered pages (pdftoppm -r 80, page 1)${HAS_OCR ? '' : ` (${NO_OCR})`}`, () => {
    const phrases: Record<string, string[]> = {
      'gz_beijing_2025_realestate_GAZETTE.pdf': ['缴纳社会保险或个人所得税的年限', '可在五环内再多购买一套商品住房'],
      're_baoding_2022_hpf_SCANNED_photo.pdf': ['降低购房申请住房公积金贷款首付款比例'],
    };
    for (const [file, list] of Object.entries(phrases)) for (const p of list) expect(textOf(file), file).toContain(p);
  });

  it('reads the gov.cn pages as their article, without the page furniture', () => {
    const d = documents.get('gov_01_regulatory_double_random.html')!;
    expect(d.status).toBe('ok');
    expect(textOf(d.file!)).toContain('推行部门联合“双随机、一公开”监管');
    expect(textOf(d.file!)).not.toContain('扫一扫在手机打开当前页');
  });

  it('keeps running gazette mastheads and page numbers out of the clauses', () => {
    for (const d of [...documents.values()].filter((x) => /_GAZETTE/.test(x.file!))) {
      expect(textOf(d.file!), d.file).not.toMatch(/—\s*\d+\s*—/);
    }
  });

  it('takes the second run from the cache and writes the same tables', () => {
    expect(second.code).toBe(first.code);
    for (const f of ['documents.csv', 'clauses.csv', 'instruments.csv']) {
      expect(readFileSync(join(out2, f), 'utf8'), f).toBe(readFileSync(join(out1, f), 'utf8'));
    }
    const fromCache = (dir: string) => (JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')) as { counts: { from_cache: number } }).counts.from_cache;
    expect(fromCache(out1)).toBe(0);
    // Without OCR, a document with pages that need it is not cached (the next run tries again); every document read is.
    if (HAS_OCR) expect(fromCache(out2)).toBe(57);
    else expect(fromCache(out2)).toBeGreaterThanOrEqual([...documents.values()].filter((d) => d.status === 'ok').length);
  });

  it('writes the same report.html twice, every evidence term of clauses.csv at its place in the clause', () => {
    expect(readFileSync(join(out2, 'report.html')).equals(readFileSync(join(out1, 'report.html')))).toBe(true);
    const clauses = rowsOf(join(out1, 'clauses.csv'));
    const items = clauses.reduce((n, c) => n + (c.matched_terms!.match(/@\d+\(/g) ?? []).length, 0);
    expect(items).toBeGreaterThan(1000);
    expect(clauses.reduce((n, c) => n + parseMatchedTerms(c.matched_terms!, c.text!).length, 0)).toBe(items);
  });

  it.skipIf(!CHROMIUM)('report.html in Chromium: each instrument and D003 show the clauses of clauses.csv', async () => {
    const clauses = rowsOf(join(out1, 'clauses.csv'));
    const problems: PageProblems = { errors: [], requests: [] };
    const browser = await launchChromium();
    try {
      const page = await openReport(browser, join(out1, 'report.html'), '', problems);
      expect(await page.$eval('#match-count', (e) => Number(e.textContent))).toBe(clauses.length);
      for (const row of rowsOf(join(out1, 'instruments.csv'))) {
        expect([row.instrument, await goTo(page, `instrument=${row.instrument}`)]).toEqual([row.instrument, Number(row.clauses)]);
      }
      expect(await goTo(page, 'doc=D003')).toBe(clauses.filter((c) => c.doc_id === 'D003').length);
      expect(problems).toEqual({ errors: [], requests: [] });
    } finally {
      await browser.close();
    }
  });
});
