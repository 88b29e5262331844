import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { normalizeText } from '../../src/core/text/normalizeText.js';
import { PdfPool } from '../../src/io/extract/PdfPool.js';
import { pdfParseReader } from '../../src/io/extract/PdfReader.js';
import { PopplerReader } from '../../src/io/extract/PopplerReader.js';
import { pdftotextAvailable, resolvePdfEngine } from '../../src/io/extract/resolvePdfEngine.js';
import { Limiter } from '../../src/io/ocr/Limiter.js';
import { REPO_ROOT, sharedDir } from '../sharedDir.js';

const fixture = (folder: string, file: string) => join(REPO_ROOT, 'test', 'fixtures', 'extract', folder, file);
const TEXT_PDF = fixture('a-text-pdf-with-a-running-header-on-every-page', 'notice.pdf');
const FAKE = fixture('a-non-pdf-named-pdf-fails', 'fake.pdf');
const LOCKED = fixture('an-encrypted-pdf-fails-with-a-reason', 'locked.pdf');
const TRUNCATED = fixture('a-truncated-pdf-is-reported', 'cut.pdf');
const POPPLER = pdftotextAvailable();
const SHARED = sharedDir();
const MISSING = join(REPO_ROOT, 'no-such-dir', 'pdftotext');

const reader = (extra: Partial<ConstructorParameters<typeof PopplerReader>[0]> = {}) => new PopplerReader({ slots: new Limiter(2), timeoutMs: 60_000, ...extra });

describe('resolvePdfEngine', () => {
  it('auto falls back on pdf-parse without pdftotext; poppler without it is a usage error', () => {
    expect(resolvePdfEngine('auto', MISSING)).toBe('pdf-parse');
    expect(resolvePdfEngine('pdf-parse', MISSING)).toBe('pdf-parse');
    expect(() => resolvePdfEngine('poppler', MISSING)).toThrow(UserError);
    expect(() => resolvePdfEngine('poppler', MISSING)).toThrow(/poppler-utils/);
  });
});

describe.skipIf(!POPPLER)(`PopplerReader${POPPLER ? '' : ' (skipped: pdftotext is not installed; apt-get install -y poppler-utils)'}`, () => {
  it('auto picks poppler where pdftotext runs', () => {
    expect(resolvePdfEngine('auto')).toBe('poppler');
  });

  it('reads a text PDF page by page into the same normalized text as pdf-parse', async () => {
    const pool = new PdfPool({ workers: 1, timeoutMs: 60_000, maxHeapMb: 512 });
    try {
      const p = await reader().read(TEXT_PDF);
      const q = await pdfParseReader(pool, new Limiter(1)).read(TEXT_PDF);
      expect(p.engine).toBe('poppler');
      expect(q.engine).toBe('pdf-parse');
      if (!p.ok || !q.ok) throw new Error('both engines must read the fixture');
      expect(p.pages.map((x) => x.number)).toEqual(q.pages.map((x) => x.number));
      expect(normalizeText(p.pages).text).toBe(normalizeText(q.pages).text);
      expect(normalizeText(p.pages).text).toContain('加快电子病历上链存证');
    } finally {
      await pool.close();
    }
  });

  it('reads a file whose name holds a line break (it cannot go through the shell loop)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'policy-code-poppler-'));
    try {
      const odd = join(dir, 'a\nnotice.pdf');
      copyFileSync(TEXT_PDF, odd);
      const r = await reader().read(odd);
      const plain = await reader().read(TEXT_PDF);
      expect(r.ok).toBe(true);
      expect(r).toEqual(plain);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives a bad file its reason: not a PDF, encrypted, too slow', async () => {
    expect(await reader().read(FAKE)).toMatchObject({ ok: false, reason: 'corrupt', engine: 'poppler', message: expect.stringMatching(/^not a valid PDF \(.+\)$/) });
    expect(await reader().read(LOCKED)).toMatchObject({ ok: false, reason: 'encrypted', message: 'encrypted PDF (password protected)' });
    expect(await reader({ timeoutMs: 1 }).read(TEXT_PDF)).toMatchObject({ ok: false, reason: 'timeout', message: expect.stringMatching(/--timeout/) });
    expect(await reader({ pdftotext: MISSING }).read(TEXT_PDF)).toMatchObject({ ok: false, reason: 'failed', message: expect.stringMatching(/not found.*poppler-utils/) });
  });

  it('hands a file it cannot open to its fallback, which then answers for it', async () => {
    const pool = new PdfPool({ workers: 1, timeoutMs: 60_000, maxHeapMb: 512 });
    const r = reader({ fallback: () => pdfParseReader(pool, new Limiter(1)) });
    try {
      const cut = await r.read(TRUNCATED);
      expect(cut).toMatchObject({ ok: false, engine: 'pdf-parse' });
      // An encrypted file is not another engine's business: poppler's answer stands.
      expect(await r.read(LOCKED)).toMatchObject({ ok: false, reason: 'encrypted', engine: 'poppler' });
    } finally {
      await r.close();
    }
  });

  it.skipIf(!SHARED)('keeps a line whose last word starts left of the previous word\'s end (tight Chinese spacing) in one piece', async () => {
    // pdftotext -raw alone broke 可以向 onto a line of its own here, and the clause lost its end.
    const r = await reader().read(join(SHARED ?? '', 'corpus', 're_beijing_natural_science_fund_rules.pdf'));
    if (!r.ok) throw new Error(r.message);
    const text = normalizeText(r.pages).text;
    expect(text).toContain('具备下列条件的，可以向基金办申请注册为依托单位：');
  });

  it.skipIf(!SHARED)('puts the glyphs of an OCR text layer on their lines, not one per line (their digits were lost as page numbers)', async () => {
    const r = await reader().read(join(SHARED ?? '', 'corpus', 're_changsha_2022_hpf_ocr_layer.pdf'));
    if (!r.ok) throw new Error(r.message);
    expect(normalizeText(r.pages).text).toContain('首付款比例不得低于购房总价的60％调整为40％');
  });
});
