import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import puppeteer from 'puppeteer-core';
import { REPO_ROOT } from './sharedDir.js';

/** Debian's Chromium (package chromium); the tests drive it with puppeteer-core, which downloads no browser. */
export const CHROMIUM: string | null = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p): p is string => !!p && existsSync(p)) ?? null;

export const CHROMIUM_MISSING = 'skipped: Chromium is not installed (apt-get install chromium; .ci/run installs it)';

/** Screenshots the tests take, for a person to look at (git-ignored). */
export const SCREENSHOTS = join(REPO_ROOT, 'test', '.screenshots');

export async function launchChromium(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
  return puppeteer.launch({ executablePath: CHROMIUM!, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
}

/** What a page did that a self-contained report must never do: log errors, throw, or ask the network. */
export interface PageProblems {
  errors: string[];
  requests: string[];
}

/** Opens a local file (with an address fragment) and waits until its script says it is ready. */
export async function openReport(browser: Browser, file: string, hash: string, problems: PageProblems): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  page.on('console', (m) => {
    if (m.type() === 'error') problems.errors.push(`${file}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.errors.push(`${file}: ${(e as Error).message}`));
  page.on('requestfailed', (r) => problems.errors.push(`${file}: request failed ${r.url()}`));
  page.on('request', (r) => {
    if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) problems.requests.push(r.url());
  });
  await page.goto(`file://${file}${hash ? `#${hash}` : ''}`, { waitUntil: 'load', timeout: 120_000 });
  await page.waitForSelector('body[data-ready="1"]', { timeout: 120_000 });
  return page;
}

/** Sets the address fragment as a shared link would, and waits for the browser to answer it. */
export async function goTo(page: Page, hash: string): Promise<number> {
  await page.evaluate((h) => {
    location.hash = h;
  }, hash);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))));
  return page.$eval('#match-count', (e) => Number(e.textContent));
}

export interface RenderedRow {
  clauseId: string;
  docId: string;
  primary: string;
}

/** Every row the browser renders for the current filters, scrolling the list from top to bottom. */
export async function allRows(page: Page): Promise<RenderedRow[]> {
  return page.evaluate(async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));
    const list = document.getElementById('list')!;
    const seen = new Map<string, { clauseId: string; docId: string; primary: string }>();
    list.scrollTop = 0;
    for (let guard = 0; guard < 100_000; guard++) {
      await frame();
      await frame();
      for (const r of document.querySelectorAll<HTMLElement>('#spacer .row')) {
        seen.set(r.dataset.clauseId!, { clauseId: r.dataset.clauseId!, docId: r.dataset.docId!, primary: r.dataset.primary! });
      }
      if (list.scrollTop + list.clientHeight >= list.scrollHeight - 1) break;
      list.scrollTop += list.clientHeight;
    }
    return [...seen.values()];
  });
}
