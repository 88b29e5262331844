import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvHeader, csvRows } from '../../src/export/csv.js';
import { MANUAL_COLUMNS } from '../../src/core/review/manualCodes.js';
import { clauseTextHash } from '../../src/pipeline/review.js';
import { allRows, CHROMIUM, CHROMIUM_MISSING, goTo, launchChromium, openReport, SCREENSHOTS, type PageProblems } from '../chromium.js';
import { runCli } from '../cli.js';
import { REPO_ROOT } from '../sharedDir.js';

const SAMPLE = join(REPO_ROOT, 'corpus');
type Row = Record<string, string>;
/** The instruments of the environment dimension in the default codebook. */
const ENVIRONMENT = ['financial', 'taxation', 'legal_regulatory', 'strategic'];

function readCsv(file: string): Row[] {
  return parse(readFileSync(file, 'utf8'), { columns: true, bom: true });
}

if (!CHROMIUM) console.warn(`report.html tests ${CHROMIUM_MISSING}`);

// One Chromium for the whole file, started by the first suite that needs it.
let chromium: Promise<Browser> | null = null;
const sharedBrowser = () => (chromium ??= launchChromium());
const made: string[] = [];
const tempDir = (name: string) => made[made.push(mkdtempSync(join(tmpdir(), `policy-code-${name}-`))) - 1]!;
afterAll(async () => {
  await (await chromium)?.close();
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!CHROMIUM)('report.html of the sample corpus, in headless Chromium', () => {
  const out = tempDir('report');
  const report = join(out, 'report.html');
  const problems: PageProblems = { errors: [], requests: [] };
  let browser: Browser;
  let page: Page;
  let clauses: Row[];
  let instruments: Row[];
  // The clause a person codes by hand, and the code the codebook gave it.
  const manualId = 'D003-2-4';
  let autoCode = '';
  let manualCode = '';

  beforeAll(async () => {
    expect(runCli(['analyze', SAMPLE, '--out', out, '--quiet']).code).toBe(0);
    const first = readCsv(join(out, 'clauses.csv')).find((c) => c.clause_id === manualId)!;
    autoCode = first.primary!;
    manualCode = autoCode === 'financial' ? 'taxation' : 'financial';
    const manual = join(out, 'manual.csv');
    const code = { clause_id: manualId, doc_id: 'D003', file: '', text_sha256: clauseTextHash(first.text!), primary: manualCode, secondary: '', comment: '', text: first.text! };
    writeFileSync(manual, csvHeader(MANUAL_COLUMNS) + csvRows({ name: 'manual', columns: [], rows: [MANUAL_COLUMNS.map((c) => code[c as keyof typeof code])] }));
    // recode writes the page too; with the manual code it is the page of a reviewed run.
    const r = runCli(['recode', '--out', out, '--manual', manual, '--quiet']);
    expect(r.stderr).toBe('');
    clauses = readCsv(join(out, 'clauses.csv'));
    instruments = readCsv(join(out, 'instruments.csv'));
    browser = await sharedBrowser();
    page = await openReport(browser, report, '', problems);
  });

  it('shows the codebook, the documents by status and the counts of instruments.csv', async () => {
    expect(await page.$eval('#codebook', (e) => e.textContent)).toMatch(/^rothwell-zegveld \d+\.\d+\.\d+$/);
    expect(await page.$eval('table[data-table="status"] td[data-col="documents"]', (e) => e.textContent)).toBe('12');
    const shown = await page.$$eval('table[data-table="instruments"] tbody tr', (rows) =>
      rows.map((r) => [r.querySelector('[data-col="instrument"]')!.textContent, r.querySelector('[data-col="clauses"]')!.textContent, r.querySelector('[data-col="policies_using"]')!.textContent]),
    );
    expect(shown).toEqual(instruments.map((r) => [r.instrument, r.clauses, r.policies_using]));
    expect(await page.$$eval('figure[data-figure] svg', (s) => s.length)).toBe(3);
    expect(await page.$eval('#match-count', (e) => Number(e.textContent))).toBe(clauses.length);
    await page.screenshot({ path: join(SCREENSHOTS, 'report-overview.png') });
    expect(statSync(join(SCREENSHOTS, 'report-overview.png')).size).toBeGreaterThan(20_000);
  });

  it('filters each instrument to as many clauses as instruments.csv counts and clauses.csv has', async () => {
    for (const row of instruments) {
      const count = await goTo(page, `instrument=${row.instrument}`);
      expect([row.instrument, count]).toEqual([row.instrument, Number(row.clauses)]);
      expect(count).toBe(clauses.filter((c) => c.primary === row.instrument).length);
    }
  });

  it('#instrument=financial shows exactly the financial clauses of clauses.csv', async () => {
    expect(await goTo(page, 'instrument=financial')).toBeGreaterThan(0);
    const rows = await allRows(page);
    const want = clauses.filter((c) => c.primary === 'financial');
    expect(rows.map((r) => r.clauseId).sort()).toEqual(want.map((c) => c.clause_id).sort());
    expect(rows.every((r) => r.primary === 'financial')).toBe(true);
    await page.$eval('#list', (e) => (e.scrollTop = 0));
    await page.$eval('#browser', (e) => e.scrollIntoView());
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))));
    await page.screenshot({ path: join(SCREENSHOTS, 'report-financial.png') });
  });

  it('#doc=D003 shows exactly the clauses of D003, and filters combine with &', async () => {
    await goTo(page, 'doc=D003');
    const rows = await allRows(page);
    expect(rows.map((r) => r.clauseId).sort()).toEqual(clauses.filter((c) => c.doc_id === 'D003').map((c) => c.clause_id).sort());
    expect(rows.every((r) => r.docId === 'D003')).toBe(true);
    const count = await goTo(page, 'doc=D003&instrument=legal_regulatory');
    expect(count).toBe(clauses.filter((c) => c.doc_id === 'D003' && c.primary === 'legal_regulatory').length);
    expect(await goTo(page, `q=${encodeURIComponent('区块链')}`)).toBe(clauses.filter((c) => c.text!.includes('区块链')).length);
    const documents = readCsv(join(out, 'documents.csv'));
    const of = (keep: (d: Row) => boolean) => new Set(documents.filter(keep).map((d) => d.doc_id));
    const guangdong = of((d) => d.province === '广东');
    const in2022 = of((d) => d.year === '2022');
    expect(guangdong.size * in2022.size).toBeGreaterThan(0);
    expect(await goTo(page, `province=${encodeURIComponent('广东')}`)).toBe(clauses.filter((c) => guangdong.has(c.doc_id!)).length);
    expect(await goTo(page, `province=${encodeURIComponent('广东')}&year=2022&dimension=environment`)).toBe(
      clauses.filter((c) => guangdong.has(c.doc_id!) && in2022.has(c.doc_id!) && ENVIRONMENT.includes(c.primary!)).length,
    );
  });

  it("marks each clause's evidence terms in its instrument's colour", async () => {
    await goTo(page, 'instrument=financial');
    const rows = await page.$$eval('#spacer .row', (rs) =>
      rs.map((r) => ({ id: r.getAttribute('data-clause-id')!, marks: [...r.querySelectorAll('.text mark')].map((m) => [m.textContent, m.getAttribute('data-code'), (m as HTMLElement).style.background]) })),
    );
    expect(rows.length).toBeGreaterThan(0);
    const colours = new Map<string, string>();
    for (const r of rows) {
      const c = clauses.find((x) => x.clause_id === r.id)!;
      const evidence = c.matched_terms!.split(';').map((m) => /^(.*)@(\d+)\(([a-z_]+)/.exec(m)!).map((m) => ({ term: m[1]!, start: Number(m[2]), category: m[3]! }));
      // In text order; where two matches overlap, the one that starts first (the longer at a tie) is shown.
      evidence.sort((a, b) => a.start - b.start || b.term.length - a.term.length);
      let end = 0;
      const shown = evidence.filter((e) => (e.start >= end ? ((end = e.start + e.term.length), true) : false));
      expect(r.marks.map((m) => [m[0], m[1]])).toEqual(shown.map((e) => [e.term, e.category]));
      for (const [, category, colour] of r.marks) {
        expect(colour).not.toBe('');
        if (colours.has(category!)) expect(colours.get(category!)).toBe(colour);
        colours.set(category!, colour!);
      }
    }
    expect(colours.size).toBeGreaterThan(3);
    expect(new Set(colours.values()).size).toBe(colours.size);
  });

  it('shows a manual code as such, beside the automatic code it replaced', async () => {
    const row = clauses.find((c) => c.clause_id === manualId)!;
    expect([row.primary, row.code_source, row.auto_primary]).toEqual([manualCode, 'manual', autoCode]);
    await goTo(page, 'doc=D003');
    const shown = await page.$eval(`.row[data-clause-id="${manualId}"]`, (r) => ({
      primary: r.getAttribute('data-primary'),
      badge: r.querySelector('.badge.manual')?.textContent ?? null,
      auto: r.querySelector('.auto-code')?.textContent ?? null,
    }));
    expect(shown.primary).toBe(manualCode);
    expect(shown.badge).toBe('人工编码');
    const autoLabel = await page.$eval(`table[data-table="instruments"] tr:has(td[data-col="instrument"] a[href="#instrument=${autoCode}"]) td[data-col="label"]`, (e) => e.textContent);
    expect(shown.auto).toBe(`自动编码: ${autoLabel}`);
    expect(await goTo(page, 'source=manual')).toBe(1);
  });

  it('writes a filter chosen in the form into the address, so the view can be shared', async () => {
    await goTo(page, '');
    await page.select('select[name="instrument"]', 'taxation');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    expect(await page.evaluate(() => location.hash)).toBe('#instrument=taxation');
    expect(await page.$eval('#match-count', (e) => Number(e.textContent))).toBe(clauses.filter((c) => c.primary === 'taxation').length);
    const shared = await openReport(browser, report, 'instrument=taxation', problems);
    expect(await shared.$eval('select[name="instrument"]', (e) => (e as HTMLSelectElement).value)).toBe('taxation');
    await shared.close();
  });

  it('opens the document of a clicked clause with the clauses around it', async () => {
    await goTo(page, 'doc=D003&instrument=legal_regulatory');
    const id = await page.$eval('#spacer .row', (r) => r.getAttribute('data-clause-id'));
    await page.click('#spacer .row');
    expect(await page.$eval('#docview', (e) => (e as HTMLElement).hidden)).toBe(false);
    expect(await page.$eval('#docview .dclause.current', (e) => e.getAttribute('data-clause-id'))).toBe(id);
    expect(await page.$$eval('#docview .dclause', (e) => e.map((x) => x.getAttribute('data-clause-id')))).toEqual(clauses.filter((c) => c.doc_id === 'D003').map((c) => c.clause_id));
    await page.keyboard.press('Escape');
    expect(await page.$eval('#docview', (e) => (e as HTMLElement).hidden)).toBe(true);
  });

  it('report --where writes the page of the selected documents only', async () => {
    const sub = join(out, 'guangdong');
    const r = runCli(['report', out, '--where', 'province=广东', '--out', sub]);
    expect(r.code).toBe(0);
    const docs = new Set(readCsv(join(out, 'documents.csv')).filter((d) => d.province === '广东').map((d) => d.doc_id));
    expect(docs.size).toBeGreaterThan(0);
    const p = await openReport(browser, join(sub, 'report.html'), '', problems);
    expect(await p.$eval('#match-count', (e) => Number(e.textContent))).toBe(clauses.filter((c) => docs.has(c.doc_id!)).length);
    expect((await allRows(p)).every((row) => docs.has(row.docId))).toBe(true);
    await p.close();
  });

  it('logged no error and asked the network for nothing', () => {
    expect(problems.errors).toEqual([]);
    expect(problems.requests).toEqual([]);
  });
});

describe.skipIf(!CHROMIUM)('report.html of a large synthetic run (scripts/make-report-bench.mjs), in headless Chromium', () => {
  const dir = tempDir('report-large');
  const problems: PageProblems = { errors: [], requests: [] };
  let browser: Browser;
  let page: Page;
  let clauses: Row[];

  beforeAll(async () => {
    execFileSync(process.execPath, [join(REPO_ROOT, 'scripts', 'make-report-bench.mjs'), dir, '30000', '500']);
    expect(runCli(['report', dir]).code).toBe(0);
    clauses = readCsv(join(dir, 'clauses.csv'));
    browser = await sharedBrowser();
    page = await openReport(browser, join(dir, 'report.html'), '', problems);
  });

  it('renders only the rows on screen, and the last clause at the end of the list', async () => {
    expect(await page.$eval('#match-count', (e) => Number(e.textContent))).toBe(30000);
    expect(await page.$$eval('#spacer .row', (r) => r.length)).toBeLessThan(30);
    await page.$eval('#list', (l) => (l.scrollTop = l.scrollHeight));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(() => r(null))))));
    const ids = await page.$$eval('#spacer .row', (r) => r.map((x) => x.getAttribute('data-clause-id')));
    expect(ids.length).toBeLessThan(30);
    expect(ids.at(-1)).toBe(clauses.at(-1)!.clause_id);
  });

  it('filters to the counts of instruments.csv and of clauses.csv', async () => {
    for (const row of readCsv(join(dir, 'instruments.csv'))) {
      expect(await goTo(page, `instrument=${row.instrument}`)).toBe(Number(row.clauses));
    }
    const doc = clauses[12345]!.doc_id!;
    expect(await goTo(page, `doc=${doc}&province=${encodeURIComponent('广东')}`)).toBe(0);
    expect(await goTo(page, `doc=${doc}`)).toBe(clauses.filter((c) => c.doc_id === doc).length);
    expect(problems).toEqual({ errors: [], requests: [] });
  });

  it("shows the coder's confidence, runner-up and deciding rule, and filters by confidence", async () => {
    expect(await goTo(page, 'confidence=0.25')).toBe(clauses.filter((c) => Number(c.confidence) <= 0.25).length);
    // Clauses among the first rows of the first document, so that they are on screen.
    const shown = clauses.filter((c) => c.doc_id === clauses[0]!.doc_id).slice(0, 8);
    await goTo(page, `doc=${clauses[0]!.doc_id}`);
    const metaOf = (c: Row) => page.$eval(`.row[data-clause-id="${c.clause_id}"] .meta`, (m) => m.textContent);
    const withRunnerUp = shown.find((c) => c.runner_up !== '')!;
    const meta = await metaOf(withRunnerUp);
    expect(meta).toContain(`置信度 ${Number(withRunnerUp.confidence).toFixed(2)}`);
    expect(meta).toMatch(/次选 \S+/);
    // decided_by 'terms' names the terms of the primary code; any other value is shown as it is.
    const byTerms = shown.find((c) => c.decided_by === 'terms')!;
    expect(await metaOf(byTerms)).toContain(`依据: ${/^(.*?)@/.exec(byTerms.matched_terms!.split(';').find((m) => m.includes(`(${byTerms.primary}`))!)![1]}`);
    const uncoded = shown.find((c) => c.decided_by === 'no evidence')!;
    expect(await metaOf(uncoded)).toContain('依据: no evidence');
    // A note on a piece of evidence is in its mark's tooltip.
    const noted = shown.find((c) => c.matched_terms!.includes(' [heading])'))!;
    const term = /([^;]*)@\d+\([a-z_]+ \[heading\]\)/.exec(noted.matched_terms!)![1];
    const titles = await page.$$eval(`.row[data-clause-id="${noted.clause_id}"] mark`, (ms) => ms.map((m) => [m.textContent, m.getAttribute('title')]));
    expect(titles).toContainEqual([term, expect.stringMatching(/^[a-z_]+ \[heading\]$/)]);
  });
});

describe('report.html from a damaged clauses.csv', () => {
  it('is refused in one line with exit code 2, and the folder keeps its old page and tables', () => {
    const dir = tempDir('report-bad');
    execFileSync(process.execPath, [join(REPO_ROOT, 'scripts', 'make-report-bench.mjs'), dir, '50', '2']);
    expect(runCli(['report', dir]).code).toBe(0);
    const before = readFileSync(join(dir, 'report.html'));
    const tables = statSync(join(dir, 'instruments.csv')).mtimeMs;
    writeFileSync(join(dir, 'clauses.csv'), readFileSync(join(dir, 'clauses.csv'), 'utf8') + 'D001-9-9,D001,9,9,,"an unclosed quote\n');
    const r = runCli(['report', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^policy-code: error: .*clauses\.csv: not a valid CSV \(.*\)\n$/);
    expect(readFileSync(join(dir, 'report.html')).equals(before)).toBe(true);
    expect(statSync(join(dir, 'instruments.csv')).mtimeMs).toBe(tables);
  });
});
