import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '../../core/types.js';
import { Limiter } from './Limiter.js';

/** The Debian command that makes OCR available; shown to the user whenever it is missing. */
const OCR_INSTALL_COMMAND = 'apt-get install -y poppler-utils tesseract-ocr tesseract-ocr-chi-sim';

/**
 * Settings that change OCR output. They are part of the extractor version (ExtractionCache): psm 6
 * (one uniform block) because the default psm 3 dropped a whole line of a red-header page.
 */
const OCR_SETTINGS = { dpi: 300, psm: 6, lang: 'chi_sim' } as const;

export interface OcrEngineOptions {
  /** Executables; default from $POLICY_CODE_TESSERACT / $POLICY_CODE_PDFTOPPM, else found on PATH. */
  tesseract?: string;
  pdftoppm?: string;
  /** Pages read at the same time, across all documents (the run's --jobs). */
  concurrency: number;
  /** Slots shared with the PDF readers, so that readers and OCR together never exceed --jobs processes. */
  slots?: Limiter;
  /** Time limit for the OCR of one document. */
  documentTimeoutMs: number;
}

export type OcrAvailability = { ok: true } | { ok: false; message: string };
export type OcrResult = { ok: true; pages: Page[] } | { ok: false; status: 'failed'; message: string };

interface RunResult {
  ok: boolean;
  stdout: string;
  message: string;
  timedOut: boolean;
}

function run(file: string, args: string[], timeoutMs: number): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      // One thread per tesseract: pages already run in parallel, and OpenMP threads would fight over the cores.
      { timeout: Math.max(1, timeoutMs), killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024, encoding: 'utf8', env: { ...process.env, OMP_THREAD_LIMIT: '1' } },
      (err, stdout, stderr) => {
        if (!err) return resolve({ ok: true, stdout, message: '', timedOut: false });
        const e = err as NodeJS.ErrnoException & { killed?: boolean };
        const detail = e.code === 'ENOENT' ? `${file} not found` : (String(stderr).trim().split('\n').pop() ?? e.message);
        resolve({ ok: false, stdout, message: detail, timedOut: e.killed === true });
      },
    );
  });
}

/**
 * Reads pages of PDFs with Tesseract: each page is rendered by poppler's pdftoppm at 300 dpi in
 * grey and read with the Simplified Chinese model. Pages of all documents share one limiter, so a
 * run never has more than --jobs OCR processes; each document has its own time limit.
 */
export class OcrEngine {
  private readonly tesseract: string;
  private readonly pdftoppm: string;
  private readonly pdfimages: string;
  private readonly limiter: Limiter;
  private availability: Promise<OcrAvailability> | null = null;

  constructor(private readonly options: OcrEngineOptions) {
    this.tesseract = options.tesseract ?? process.env.POLICY_CODE_TESSERACT ?? 'tesseract';
    this.pdftoppm = options.pdftoppm ?? process.env.POLICY_CODE_PDFTOPPM ?? 'pdftoppm';
    this.pdfimages = process.env.POLICY_CODE_PDFIMAGES ?? 'pdfimages';
    this.limiter = options.slots ?? new Limiter(options.concurrency);
  }

  /** Whether both programs run and Tesseract has the chi_sim model; checked once per run. */
  available(): Promise<OcrAvailability> {
    this.availability ??= (async (): Promise<OcrAvailability> => {
      const langs = await run(this.tesseract, ['--list-langs'], 30_000);
      if (!langs.ok) return { ok: false, message: `OCR is not installed (${langs.message}); install it with: ${OCR_INSTALL_COMMAND}` };
      if (!/^chi_sim$/m.test(langs.stdout)) return { ok: false, message: `Tesseract has no Simplified Chinese model (chi_sim); install it with: ${OCR_INSTALL_COMMAND}` };
      const ppm = await run(this.pdftoppm, ['-v'], 30_000);
      if (!ppm.ok && /not found/.test(ppm.message)) return { ok: false, message: `pdftoppm is not installed (${ppm.message}); install it with: ${OCR_INSTALL_COMMAND}` };
      return { ok: true };
    })();
    return this.availability;
  }

  /**
   * The pages of a PDF that hold an image (poppler's pdfimages, from the same package as pdftoppm);
   * null when that cannot be told, and then every page counts as one.
   */
  async imagePages(pdfPath: string): Promise<Set<number> | null> {
    const list = await run(this.pdfimages, ['-list', pdfPath], 30_000);
    if (!list.ok) return null;
    const pages = new Set<number>();
    for (const line of list.stdout.split('\n').slice(2)) {
      const page = Number(line.trim().split(/\s+/)[0]);
      if (Number.isInteger(page) && page > 0) pages.add(page);
    }
    return pages;
  }

  /** OCR of the given pages (1-based) of a PDF. The time limit counts from the document's first page. */
  async readPages(pdfPath: string, pageNumbers: number[]): Promise<OcrResult> {
    let deadline = 0;
    const dir = await mkdtemp(join(tmpdir(), 'policy-code-ocr-'));
    try {
      const results = await Promise.all(
        pageNumbers.map((n) =>
          this.limiter.run(async () => {
            if (deadline === 0) deadline = Date.now() + this.options.documentTimeoutMs;
            return this.readPage(pdfPath, n, dir, deadline);
          }),
        ),
      );
      const failed = results.find((r) => !r.ok);
      if (failed && !failed.ok) return { ok: false, status: 'failed', message: failed.message };
      return { ok: true, pages: results.map((r, i) => ({ number: pageNumbers[i]!, text: r.ok ? r.text : '' })) };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  private async readPage(pdfPath: string, page: number, dir: string, deadline: number): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
    const limit = `OCR took longer than ${this.options.documentTimeoutMs / 1000} s (--ocr-timeout); abandoned`;
    if (Date.now() >= deadline) return { ok: false, message: limit };
    const base = join(dir, `p${page}`);
    const { dpi, psm, lang } = OCR_SETTINGS;
    const render = await run(this.pdftoppm, ['-r', String(dpi), '-gray', '-png', '-singlefile', '-f', String(page), '-l', String(page), pdfPath, base], deadline - Date.now());
    if (render.timedOut) return { ok: false, message: limit };
    if (!render.ok) return { ok: false, message: `page ${page} could not be rendered for OCR (${render.message})` };
    const ocr = await run(this.tesseract, [`${base}.png`, 'stdout', '-l', lang, '--psm', String(psm)], deadline - Date.now());
    await rm(`${base}.png`, { force: true });
    if (ocr.timedOut) return { ok: false, message: limit };
    if (!ocr.ok) return { ok: false, message: `OCR failed on page ${page} (${ocr.message})` };
    return { ok: true, text: ocr.stdout };
  }
}

