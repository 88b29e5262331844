import { availableParallelism } from 'node:os';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_LIMITS, extractDocument, readBytes, type ExtractLimits, type ExtractOutcome } from '../io/extract/extractDocument.js';
import { LibreOffice } from '../io/extract/LibreOffice.js';
import { PdfPool } from '../io/extract/PdfPool.js';
import { ExtractionCache, defaultCacheDir } from '../io/ExtractionCache.js';
import { sha256 } from '../io/hash.js';
import { OcrEngine } from '../io/ocr/OcrEngine.js';

/** One corpus file read and extracted: what the later stages need, without the bytes. */
export interface ExtractedFile {
  file: string;
  sha256: string;
  bytes: number;
  outcome: ExtractOutcome;
  /** True when the raw pages came from the cache. */
  cached: boolean;
  /** Wall time spent on this file (reading, hashing, extraction or cache lookup). */
  ms: number;
}

export interface ExtractorOptions {
  /** Documents read in parallel; also the number of OCR processes. Default: the number of cores. */
  jobs?: number;
  /** Per-document time limit for reading a PDF's text layer. */
  timeoutMs?: number;
  /** Per-document time limit for OCR. */
  ocrTimeoutMs?: number;
  /** Files larger than this are not read. */
  maxFileBytes?: number;
  /** XML in a .docx and each compressed PDF stream may inflate to this much (archive and stream bombs). */
  maxUnpackedBytes?: number;
  /** HTML and text files larger than this are not parsed. */
  maxTextBytes?: number;
  /** Cache folder (default: defaultCacheDir()). */
  cacheDir?: string;
  /** false (--no-cache): extract every file again; the results still refresh the cache. */
  useCache?: boolean;
  /** Override the OCR executables (tests point them at a missing binary). */
  tesseract?: string;
  pdftoppm?: string;
  /** Override the LibreOffice executable that converts .doc and .wps files. */
  soffice?: string;
}

export const DEFAULT_MAX_FILE_MB = 200;
export const DEFAULT_TIMEOUT_MS = 120_000;
export const DEFAULT_OCR_TIMEOUT_MS = 600_000;

/**
 * Reads corpus files into raw pages through the extraction cache: a file whose content (sha256) was
 * extracted before by the same extractor version is not read again. PDFs are read in a pool of
 * worker threads; pages without a usable text layer go to OCR. Call close() when done.
 */
export class Extractor {
  readonly jobs: number;
  readonly cache: ExtractionCache;
  private readonly pool: PdfPool;
  private readonly ocr: OcrEngine;
  private readonly maxFileBytes: number;
  private readonly libreOffice: LibreOffice;
  private readonly limits: ExtractLimits;

  constructor(options: ExtractorOptions = {}) {
    this.jobs = Math.max(1, options.jobs ?? availableParallelism());
    this.cache = new ExtractionCache(options.cacheDir ?? defaultCacheDir(), options.useCache !== false);
    this.limits = { maxUnpackedBytes: options.maxUnpackedBytes ?? DEFAULT_LIMITS.maxUnpackedBytes, maxTextBytes: options.maxTextBytes ?? DEFAULT_LIMITS.maxTextBytes };
    this.pool = new PdfPool({ workers: this.jobs, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, maxHeapMb: 1024, maxStreamBytes: this.limits.maxUnpackedBytes });
    this.libreOffice = new LibreOffice(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, options.soffice);
    this.ocr = new OcrEngine({
      concurrency: this.jobs,
      documentTimeoutMs: options.ocrTimeoutMs ?? DEFAULT_OCR_TIMEOUT_MS,
      ...(options.tesseract ? { tesseract: options.tesseract } : {}),
      ...(options.pdftoppm ? { pdftoppm: options.pdftoppm } : {}),
    });
    this.maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_MB * 1024 * 1024;
  }

  /** Reads one corpus file and extracts its raw pages; failures are values, never exceptions. */
  async extract(root: string, file: string): Promise<ExtractedFile> {
    const started = Date.now();
    const path = join(root, file);
    const done = (sha: string, size: number, outcome: ExtractOutcome, cached = false): ExtractedFile => ({ file, sha256: sha, bytes: size, outcome, cached, ms: Date.now() - started });
    const cannotRead = (err: unknown) => done('', 0, { ok: false, status: 'failed', message: `cannot read file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` });
    let size: number;
    try {
      size = (await stat(path)).size;
    } catch (err) {
      return cannotRead(err);
    }
    if (size > this.maxFileBytes) {
      const mb = (n: number) => `${(n / 1024 / 1024).toFixed(n < 1024 * 1024 ? 2 : 0)} MB`;
      return done('', size, { ok: false, status: 'refused', message: `refused: file too large (${mb(size)}, limit ${mb(this.maxFileBytes)}; raise it with --max-file-mb)` });
    }
    let bytes: Uint8Array;
    try {
      bytes = await readBytes(path);
    } catch (err) {
      return cannotRead(err);
    }
    const sha = sha256(bytes);
    const hit = bytes.length > 0 ? await this.cache.get(sha) : null;
    if (hit) return done(sha, bytes.length, { ok: true, document: hit, cacheable: true }, true);
    const outcome = await extractDocument(path, bytes, { pdfPool: this.pool, ocr: this.ocr, libreOffice: this.libreOffice, limits: this.limits });
    if (outcome.ok && outcome.cacheable) {
      // A cache that cannot be written (read-only home, full disk) costs speed, never the run.
      await this.cache.put(sha, outcome.document).catch(() => undefined);
    }
    return done(sha, bytes.length, outcome);
  }

  async close(): Promise<void> {
    await Promise.all([this.pool.close(), this.libreOffice.close()]);
  }
}
