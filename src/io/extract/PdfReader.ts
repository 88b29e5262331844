import type { Limiter } from '../ocr/Limiter.js';
import type { PdfPool, PdfResult } from './PdfPool.js';

/** The programs that can read a PDF's text layer: pdf.js through pdf-parse (built in), or poppler's pdftotext. */
export type PdfEngine = 'pdf-parse' | 'poppler';
/** What --pdf-engine accepts: auto is poppler when pdftotext runs, else pdf-parse. */
export type PdfEngineChoice = 'auto' | PdfEngine;
export const PDF_ENGINE_CHOICES: readonly PdfEngineChoice[] = ['auto', 'pdf-parse', 'poppler'];

/** A PDF's text layer page by page, or why it could not be read, and which engine said so. */
export type PdfReading = PdfResult & { engine: PdfEngine };

/** Reads the text layer of PDFs, a bounded number at a time, each with a time limit. */
export interface PdfReader {
  /**
   * Whether the reader itself refuses a PDF whose streams inflate past the limit (pdf-parse checks in
   * its reader process); for one that does not (pdftotext inflates whatever it is given: 23 GB for a
   * stream bomb, measured), the check runs before it is called.
   */
  readonly boundsStreams: boolean;
  read(path: string): Promise<PdfReading>;
  close(): Promise<void>;
}

/** pdf-parse's reader processes behind the PdfReader interface, each read taking one of the run's slots. */
export function pdfParseReader(pool: PdfPool, slots: Limiter): PdfReader {
  return {
    boundsStreams: true,
    read: async (path) => ({ ...(await slots.run(() => pool.read(path))), engine: 'pdf-parse' }),
    close: () => pool.close(),
  };
}
