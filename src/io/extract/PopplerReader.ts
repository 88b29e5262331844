import { execFile } from 'node:child_process';
import { Limiter } from '../ocr/Limiter.js';
import { bboxPages } from './bboxPages.js';
import type { PdfReader, PdfReading } from './PdfReader.js';

export interface PopplerReaderOptions {
  /** The executable; default $POLICY_CODE_PDFTOTEXT, else pdftotext on PATH. */
  pdftotext?: string;
  /** Shared with OCR: a pdftotext process takes one of the run's --jobs slots. */
  slots: Limiter;
  /** A document that takes longer is abandoned (its process killed). */
  timeoutMs: number;
  /** Reads what poppler cannot (auto mode: pdf-parse), so that no file is lost to one engine's limits. */
  fallback?: () => PdfReader;
}

/**
 * bbox output of a large document is a few MB (about 150 bytes per word, and a Chinese line is one
 * word); a file that makes pdftotext write more than this is hostile or broken and fails alone.
 */
const MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

type Run = { ok: true; stdout: string } | { ok: false; reason: 'encrypted' | 'corrupt' | 'failed' | 'timeout'; message: string };

/**
 * Reads PDFs with poppler's pdftotext, one short-lived process per document: about ten times faster
 * than pdf.js on Chinese PDFs (it does not translate embedded font programs) and a few MB of memory.
 * The words come in content-stream order with their boxes (-raw -bbox) and are joined into lines as
 * pdf-parse joins pdf.js's items (bboxPages), so both engines give the same clauses.
 */
export class PopplerReader implements PdfReader {
  private readonly pdftotext: string;
  private fallbackReader: PdfReader | null = null;

  constructor(private readonly options: PopplerReaderOptions) {
    this.pdftotext = options.pdftotext ?? process.env.POLICY_CODE_PDFTOTEXT ?? 'pdftotext';
  }

  async read(path: string): Promise<PdfReading> {
    const r = await this.options.slots.run(() => this.run(path));
    if (r.ok) return { ok: true, pages: bboxPages(r.stdout), engine: 'poppler' };
    if (this.options.fallback && (r.reason === 'corrupt' || r.reason === 'failed')) {
      this.fallbackReader ??= this.options.fallback();
      return this.fallbackReader.read(path);
    }
    return { ok: false, reason: r.reason, message: r.message, engine: 'poppler' };
  }

  async close(): Promise<void> {
    await this.fallbackReader?.close();
  }

  private run(path: string): Promise<Run> {
    const { timeoutMs } = this.options;
    return new Promise((resolve) => {
      execFile(
        this.pdftotext,
        ['-raw', '-bbox', '-enc', 'UTF-8', path, '-'],
        { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: MAX_OUTPUT_BYTES, encoding: 'utf8' },
        (err, stdout, stderr) => {
          if (!err) return resolve({ ok: true, stdout });
          const e = err as Error & { killed?: boolean; code?: number | string; signal?: string | null };
          // Syntax warnings come before the error that stopped it: the last line says why.
          const why = String(stderr).trim().split('\n').pop() ?? '';
          if (e.code === 'ENOENT') resolve({ ok: false, reason: 'failed', message: `${this.pdftotext} not found (install poppler-utils, or use --pdf-engine pdf-parse)` });
          else if (e.killed) resolve({ ok: false, reason: 'timeout', message: `PDF reading took longer than ${timeoutMs / 1000} s (--timeout); abandoned` });
          else if (e.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') resolve({ ok: false, reason: 'failed', message: `PDF could not be read (its text is larger than ${MAX_OUTPUT_BYTES / 1024 / 1024} MB)` });
          else if (/password/i.test(why)) resolve({ ok: false, reason: 'encrypted', message: 'encrypted PDF (password protected)' });
          else if (e.code === 1) resolve({ ok: false, reason: 'corrupt', message: `not a valid PDF (${why.replace(/^(Syntax|Command Line) Error: /, '') || 'pdftotext could not open it'})` });
          else resolve({ ok: false, reason: 'failed', message: `PDF could not be read (pdftotext ${e.signal ? `stopped by ${e.signal}` : `exit code ${e.code}`}${why ? `: ${why}` : ''})` });
        },
      );
    });
  }
}
