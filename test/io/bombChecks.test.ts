import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfStreamProblem } from '../../src/io/extract/pdfStreamProblem.js';
import { readXlsxRows } from '../../src/io/readXlsxRows.js';
import { zipSizeProblem } from '../../src/io/zipSizeProblem.js';
import { docxBomb, entry, pdfBomb, zip } from '../../scripts/make-hostile-fixtures.mjs';
import { REPO_ROOT, SHARED_DIR } from '../sharedDir.js';

const MB = 1024 * 1024;
const fixture = (...p: string[]) => new Uint8Array(readFileSync(join(REPO_ROOT, 'test', 'fixtures', ...p)));

describe('zipSizeProblem: a .docx or .xlsx is measured before anything unpacks it', () => {
  it('passes a real Word file', () => {
    expect(zipSizeProblem(fixture('extract', 'a-word-file-reads', 'notice.docx'), 10 * MB)).toBeNull();
  });

  it('refuses XML declared larger than the limit', () => {
    const p = zipSizeProblem(docxBomb(12 * MB), 10 * MB);
    expect(p).toEqual({ status: 'refused', message: 'refused: its XML unpacks to 12 MB (limit 10 MB)' });
  });

  it('refuses XML that inflates past the limit although the archive declares 4 KB', () => {
    const p = zipSizeProblem(docxBomb(12 * MB, 4096), 10 * MB);
    expect(p?.status).toBe('refused');
    expect(p?.message).toBe('refused: its XML unpacks to more than 10 MB (the limit), although the archive declares 5 KB');
  });

  it('passes the same lying archive when its real size is within the limit', () => {
    expect(zipSizeProblem(docxBomb(8 * MB, 4096), 10 * MB)).toBeNull();
  });

  it('refuses an archive of more parts than any office file has', () => {
    const many = zip(Array.from({ length: 10_001 }, (_, i) => entry(`p${i}.xml`, '')));
    expect(zipSizeProblem(many, 10 * MB)?.message).toMatch(/10001 parts \(limit 10000\)/);
  });

  it('a review sheet (.xlsx) that unpacks past 100 MB is refused before exceljs opens it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'policy-code-xlsx-bomb-'));
    try {
      writeFileSync(join(dir, 'review.xlsx'), docxBomb(120 * MB, 4096));
      await expect(readXlsxRows(join(dir, 'review.xlsx'))).rejects.toThrow(/review\.xlsx: refused: its XML unpacks to more than 100 MB/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('calls a cut-off archive damaged (failed), not refused', () => {
    const cut = zipSizeProblem(fixture('extract', 'a-word-file-reads', 'notice.docx').subarray(0, 400), 10 * MB);
    expect(cut?.status).toBe('failed');
  });
});

describe('pdfStreamProblem: a PDF is measured before pdf.js decodes its streams', () => {
  it('refuses a content stream that inflates past the limit', () => {
    expect(pdfStreamProblem(pdfBomb(12 * MB), 10 * MB)).toBe('a compressed stream inflates to more than 10 MB (limit: --max-unpacked-mb)');
  });

  it('follows a filter chain (ASCIIHex, then Flate) and decodes LZW, with the same cap', () => {
    expect(pdfStreamProblem(pdfBomb(12 * MB, 'hex-flate'), 10 * MB)).toMatch(/more than 10 MB/);
    expect(pdfStreamProblem(pdfBomb(8 * MB, 'hex-flate'), 10 * MB)).toBeNull();
    expect(pdfStreamProblem(pdfBomb(12 * MB, 'lzw'), 10 * MB)).toMatch(/more than 10 MB/);
    expect(pdfStreamProblem(pdfBomb(8 * MB, 'lzw'), 10 * MB)).toBeNull();
  });

  it('passes the same PDF under the limit, and the fixture PDFs', () => {
    expect(pdfStreamProblem(pdfBomb(8 * MB), 10 * MB)).toBeNull();
    for (const c of ['a-text-pdf-with-a-running-header-on-every-page', 'a-scan-without-a-text-layer-needs-ocr']) {
      const dir = join(REPO_ROOT, 'test', 'fixtures', 'extract', c);
      for (const f of readdirSync(dir).filter((f) => f.endsWith('.pdf'))) expect(pdfStreamProblem(fixture('extract', c, f), 10 * MB), f).toBeNull();
    }
  });

  it.skipIf(!SHARED_DIR)('passes every real PDF of the shared corpus at the default limit of 100 MB', () => {
    const dir = join(SHARED_DIR!, 'corpus');
    const pdfs = readdirSync(dir).filter((f) => f.endsWith('.pdf'));
    expect(pdfs.length).toBeGreaterThan(20);
    for (const f of pdfs) expect(pdfStreamProblem(new Uint8Array(readFileSync(join(dir, f))), 100 * MB), f).toBeNull();
  });
});
