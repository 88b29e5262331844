import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Limiter } from '../ocr/Limiter.js';
import { bboxPages } from './bboxPages.js';
import type { PdfReader, PdfReading } from './PdfReader.js';
import { PdftotextProcess, type PdftotextRun } from './PdftotextProcess.js';

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


/**
 * Reads PDFs with poppler's pdftotext, one short-lived process per document: about ten times faster
 * than pdf.js on Chinese PDFs (it does not translate embedded font programs) and a few MB of memory.
 * The words come in content-stream order with their boxes (-raw -bbox) and are joined into lines as
 * pdf-parse joins pdf.js's items (bboxPages), so both engines give the same clauses.
 */
export class PopplerReader implements PdfReader {
  private readonly pdftotext: string;
  private fallbackReader: PdfReader | null = null;
  private readonly shells: PdftotextProcess[] = [];
  private dir: string | null = null;
  private started = 0;

  readonly boundsStreams = false;

  constructor(private readonly options: PopplerReaderOptions) {
    this.pdftotext = options.pdftotext ?? process.env.POLICY_CODE_PDFTOTEXT ?? 'pdftotext';
  }

  async read(path: string): Promise<PdfReading> {
    // A path with a line break cannot go through the shell's line-by-line loop.
    const r = await this.options.slots.run(() => (path.includes('\n') ? this.run(path) : this.shell().read(path)));
    if (r.ok) return { ok: true, pages: bboxPages(r.stdout), engine: 'poppler' };
    if (this.options.fallback && (r.reason === 'corrupt' || r.reason === 'failed')) {
      this.fallbackReader ??= this.options.fallback();
      return this.fallbackReader.read(path);
    }
    return { ok: false, reason: r.reason, message: r.message, engine: 'poppler' };
  }

  async close(): Promise<void> {
    for (const s of this.shells) s.kill();
    this.shells.length = 0;
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    await this.fallbackReader?.close();
  }

  /** An idle shell (PdftotextProcess), or a new one: at most one per slot is ever busy. */
  private shell(): PdftotextProcess {
    for (let i = this.shells.length - 1; i >= 0; i--) if (this.shells[i]!.dead) this.shells.splice(i, 1);
    const idle = this.shells.find((s) => !s.busy);
    if (idle) return idle;
    this.dir ??= mkdtempSync(join(tmpdir(), 'policy-code-pdftotext-'));
    const s = new PdftotextProcess(this.pdftotext, join(this.dir, `stderr-${this.started++}`), { timeoutMs: this.options.timeoutMs, maxOutputBytes: MAX_OUTPUT_BYTES });
    this.shells.push(s);
    return s;
  }

  private run(path: string): Promise<PdftotextRun> {
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
