#!/usr/bin/env node
// Measures report.html on a large synthetic run in headless Chromium (Debian package chromium):
// file size per 100,000 clauses, time to first render, and the time of each filter and a scroll.
// Usage, from the repository root after npm run build:
//   node bench/reportHtml.mjs [clauses=350000] [documents=5000]
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';

const clauses = Number(process.argv[2] ?? 350000);
const documents = Number(process.argv[3] ?? 5000);
const root = join(import.meta.dirname, '..');
const dir = join(root, 'bench', '.work', `report-${clauses}`);
const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);
if (!chromium) {
  console.error('bench/reportHtml.mjs needs Chromium (apt-get install chromium)');
  process.exit(2);
}
execFileSync(process.execPath, [join(root, 'scripts', 'make-report-bench.mjs'), dir, String(clauses), String(documents)], { stdio: 'inherit' });
let t = performance.now();
execFileSync(process.execPath, [join(root, 'dist', 'cli', 'main.js'), 'report', dir], { stdio: 'inherit' });
const buildMs = performance.now() - t;
const file = join(dir, 'report.html');
const bytes = statSync(file).size;

const browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: ['--no-sandbox'] });
const page = await browser.newPage();
await page.setViewport({ width: 1280, height: 900 });
const errors = [];
page.on('pageerror', (e) => errors.push(e.message));
page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
t = performance.now();
await page.goto(`file://${file}`, { waitUntil: 'load', timeout: 600_000 });
await page.waitForSelector('body[data-ready="1"]', { timeout: 600_000 });
const openMs = performance.now() - t;
const inPage = await page.evaluate(() => ({ ...window.reportTimings }));
const results = { clauses, documents, bytes, mb_per_100k_clauses: +((bytes / 1e6) * (100_000 / clauses)).toFixed(1), build_ms: Math.round(buildMs), open_ms: Math.round(openMs), json_parse_ms: Math.round(inPage.parseMs), first_render_ms: Math.round(inPage.firstRenderMs) };

// Each filter through the address, as a shared link would set it; the page answers on hashchange.
async function filter(name, hash) {
  const t0 = performance.now();
  await page.evaluate((h) => { location.hash = h; }, hash);
  await page.waitForFunction((h) => location.hash === (h ? '#' + h : '') && document.getElementById('spacer').children.length >= 0, {}, hash);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  const count = await page.$eval('#match-count', (e) => Number(e.textContent));
  const filterMs = await page.evaluate(() => window.reportTimings.lastFilterMs);
  results[`${name}_ms`] = Math.round(performance.now() - t0);
  results[`${name}_filter_ms`] = Math.round(filterMs);
  results[`${name}_count`] = count;
}
await filter('instrument', 'instrument=financial');
// Terms the synthetic clauses hold (scripts/make-report-bench.mjs: provinces by d % 12, years by d % 10).
await filter('text', 'q=' + encodeURIComponent('行政处罚'));
const middle = await page.evaluate((n) => JSON.parse(document.getElementById('report-meta').textContent).docs[Math.floor(n / 2)][0], documents);
await filter('doc', 'doc=' + middle);
await filter('combined', 'instrument=strategic&province=' + encodeURIComponent('广东') + '&year=2019');
await filter('all', '');
t = performance.now();
await page.$eval('#list', (l) => { l.scrollTop = l.scrollHeight / 2; });
await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))));
results.scroll_ms = Math.round(performance.now() - t);
results.rows_in_dom = await page.$$eval('#spacer .row', (r) => r.length);
// The end of the list must be reachable, also past the browser's height limit (more than about 490,000 rows).
await page.$eval('#list', (l) => { l.scrollTop = l.scrollHeight; });
await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))));
results.last_row_shown = await page.$$eval('#spacer .row', (r) => r.at(-1)?.getAttribute('data-clause-id'));
results.js_heap_mb = Math.round((await page.metrics()).JSHeapUsedSize / 1e6);
results.errors = errors;
await browser.close();
console.log(JSON.stringify(results, null, 2));
