import { availableParallelism } from 'node:os';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_LIMITS, extractDocument, readBytes, type ExtractLimits, type ExtractOutcome } from '../io/extract/extractDocument.js';
import { LibreOffice } from '../io/extract/LibreOffice.js';
import { PdfPool } from '../io/extract/PdfPool.js';
import { pdfParseReader, type PdfEngine, type PdfEngineChoice, type PdfReader } from '../io/extract/PdfReader.js';
import { PopplerReader } from '../io/extract/PopplerReader.js';
import { pdftotextCommand, resolvePdfEngine } from '../io/extract/resolvePdfEngine.js';
import { ExtractionCache, defaultCacheDir, extractionSpace } from '../io/ExtractionCache.js';
import { sha256 } from '../io/hash.js';
import { Limiter } from '../io/ocr/Limiter.js';
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
  /** --pdf-engine: which program reads the text layer of PDFs (default auto). */
  pdfEngine?: PdfEngineChoice;
  /** Override the OCR executables and pdftotext (tests point them at a missing binary). */
  tesseract?: string;
  pdftoppm?: string;
  /** Override the LibreOffice executable that converts .doc and .wps files. */
  soffice?: string;
  pdftotext?: string;
}

/** auto: poppler's pdftotext where it is installed, else pdf-parse (see resolvePdfEngine). */
export const DEFAULT_PDF_ENGINE: PdfEngineChoice = 'auto';

/** The engine a run with these options reads PDFs with; throws a UserError when poppler is asked for and missing. */
export function pdfEngineOf(options: ExtractorOptions): PdfEngine {
  return resolvePdfEngine(options.pdfEngine ?? DEFAULT_PDF_ENGINE, options.pdftotext ?? pdftotextCommand());
}

export const DEFAULT_MAX_FILE_MB = 200;
export const DEFAULT_TIMEOUT_MS = 120_000;
export const DEFAULT_OCR_TIMEOUT_MS = 600_000;

/**
 * Reads corpus files into raw pages through the extraction cache: a file whose content (sha256) was
 * extracted before by the same extractor version and PDF engine is not read again. PDFs are read by
 * pdftotext processes or a pool of pdf.js reader processes; pages without a usable text layer go to
 * OCR. PDF readers and OCR share --jobs slots, so a run never has more than --jobs of them at work.
 * Call close() when done.
 */
export class Extractor {
  readonly jobs: number;
  readonly cache: ExtractionCache;
  readonly engine: PdfEngine;
  private readonly pdf: PdfReader;
  private readonly ocr: OcrEngine;
  private readonly maxFileBytes: number;
  private readonly libreOffice: LibreOffice;
  private readonly limits: ExtractLimits;

  constructor(options: ExtractorOptions = {}) {
    this.jobs = Math.max(1, options.jobs ?? availableParallelism());
    this.engine = pdfEngineOf(options);
    this.cache = new ExtractionCache(options.cacheDir ?? defaultCacheDir(), options.useCache !== false, extractionSpace(this.engine));
    this.limits = { maxUnpackedBytes: options.maxUnpackedBytes ?? DEFAULT_LIMITS.maxUnpackedBytes, maxTextBytes: options.maxTextBytes ?? DEFAULT_LIMITS.maxTextBytes };
    const slots = new Limiter(this.jobs);
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const pdfParse = () => pdfParseReader(new PdfPool({ workers: this.jobs, timeoutMs, maxHeapMb: 1024, maxStreamBytes: this.limits.maxUnpackedBytes }), slots);
    // auto falls back on pdf-parse for a file poppler cannot open; an explicit poppler does not.
    const fallback = (options.pdfEngine ?? DEFAULT_PDF_ENGINE) === 'auto' ? { fallback: pdfParse } : {};
    this.pdf = this.engine === 'poppler' ? new PopplerReader({ pdftotext: options.pdftotext ?? pdftotextCommand(), slots, timeoutMs, ...fallback }) : pdfParse();
    this.libreOffice = new LibreOffice(timeoutMs, options.soffice);
    this.ocr = new OcrEngine({
      concurrency: this.jobs,
      slots,
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
    const outcome = await extractDocument(path, bytes, { pdfPool: this.pdf, ocr: this.ocr, libreOffice: this.libreOffice, limits: this.limits });
    if (outcome.ok && outcome.cacheable) {
      // A cache that cannot be written (read-only home, full disk) costs speed, never the run.
      await this.cache.put(sha, outcome.document).catch(() => undefined);
    }
    return done(sha, bytes.length, outcome);
  }

  async close(): Promise<void> {
    await Promise.all([this.pdf.close(), this.libreOffice.close()]);
  }
}
