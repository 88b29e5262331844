import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PdfPool } from '../../src/io/extract/PdfPool.js';
import { restoreNativePush } from '../../src/io/extract/nativeArrayPush.js';
import { REPO_ROOT } from '../sharedDir.js';

const fixture = (folder: string, file: string) => join(REPO_ROOT, 'test', 'fixtures', 'extract', folder, file);
const TEXT_PDF = fixture('a-text-pdf-with-a-running-header-on-every-page', 'notice.pdf');
const TRUNCATED = fixture('a-truncated-pdf-is-reported', 'cut.pdf');

describe('PdfPool', () => {
  it('replaces a reader whose memory has grown past the bound, and every answer still arrives', async () => {
    const pool = new PdfPool({ workers: 2, timeoutMs: 60_000, maxHeapMb: 512, retireRssMb: 0 });
    try {
      const files = [TEXT_PDF, TRUNCATED, TEXT_PDF, TEXT_PDF];
      const results = await Promise.all(files.map((f) => pool.read(f)));
      expect(results.map((r) => r.ok)).toEqual([true, false, true, true]);
      const first = results[0]!;
      expect(first.ok && first.pages.length).toBeGreaterThan(1);
      expect(results[2]).toEqual(first);
      // Bound 0: every document ends its reader, and the next one gets a fresh one.
      expect(pool.retired).toBe(files.length);
    } finally {
      await pool.close();
    }
  });

  it('keeps its readers under the default bound (the fixture needs far less)', async () => {
    const pool = new PdfPool({ workers: 1, timeoutMs: 60_000, maxHeapMb: 512 });
    try {
      for (let i = 0; i < 3; i++) expect((await pool.read(TEXT_PDF)).ok).toBe(true);
      expect(pool.retired).toBe(0);
    } finally {
      await pool.close();
    }
  });
});

describe('restoreNativePush', () => {
  it("puts V8's own Array.prototype.push back after pdf-parse's pdf.js replaced it", async () => {
    const native = Array.prototype.push;
    await import('pdf-parse');
    const replaced = Array.prototype.push !== native;
    expect(restoreNativePush()).toBe(replaced);
    expect(Array.prototype.push).toBe(native);
    expect(Function.prototype.toString.call(Array.prototype.push)).toContain('[native code]');
    const a = [1];
    expect(a.push(2, 3)).toBe(3);
    expect(restoreNativePush()).toBe(false);
  });
});
