import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { unusablePageReason } from '../../src/core/text/garbageScore.js';
import { OcrEngine } from '../../src/io/ocr/OcrEngine.js';
import { Extractor } from '../../src/pipeline/Extractor.js';
import { REPO_ROOT } from '../sharedDir.js';
import { spawnSync } from 'node:child_process';

const DIR = join(REPO_ROOT, 'test', 'fixtures', 'pdf-engines', 'a-text-pdf-whose-last-page-holds-only-the-date');
const SCAN = join(REPO_ROOT, 'test', 'fixtures', 'extract', 'a-scan-without-a-text-layer-needs-ocr', 'scan.pdf');
const PDFIMAGES = spawnSync('pdfimages', ['-v'], { stdio: 'ignore' }).status === 0;
const work = mkdtempSync(join(tmpdir(), 'policy-code-blank-pages-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.skipIf(!PDFIMAGES)(`nearly blank pages${PDFIMAGES ? '' : ' (skipped: pdfimages is not installed; apt-get install -y poppler-utils)'}`, () => {
  it('tells the pages that hold an image', async () => {
    const ocr = new OcrEngine({ concurrency: 1, documentTimeoutMs: 60_000 });
    expect([...((await ocr.imagePages(SCAN)) ?? [])]).toEqual([1]);
    expect([...((await ocr.imagePages(join(DIR, 'notice.pdf'))) ?? [1])]).toEqual([]);
  });

  for (const engine of ['poppler', 'pdf-parse'] as const) {
    it(`keeps the text layer of a date-only last page without an image instead of sending it to OCR (${engine})`, async () => {
      // OCR is made unavailable: a page sent to it would come back with a "not read" warning and an uncacheable result.
      const extractor = new Extractor({ pdfEngine: engine, jobs: 1, useCache: false, cacheDir: join(work, engine), tesseract: join(work, 'no-tesseract') });
      try {
        const x = await extractor.extract(DIR, 'notice.pdf');
        if (!x.outcome.ok) throw new Error(x.outcome.message);
        const pages = x.outcome.document.pages;
        expect(pages).toHaveLength(2);
        expect(unusablePageReason(pages[1]!.text)).toBe('no_text');
        expect(pages[1]!.text).toContain('2026年1月5日');
        expect(x.outcome.document.warnings).toEqual([]);
        expect(x.outcome.cacheable).toBe(true);
        expect(x.outcome.document.method).toBe('text-layer');
      } finally {
        await extractor.close();
      }
    });
  }
});
