import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PDFParse } from 'pdf-parse';
import type { Page } from '../../core/types.js';
import { pdfStreamProblem } from './pdfStreamProblem.js';

const require = createRequire(import.meta.url);
/** pdf.js reads Chinese fonts that are not embedded only with its CMaps; without them the text is silently empty. */
const pdfjsDir = dirname(createRequire(require.resolve('pdf-parse')).resolve('pdfjs-dist/package.json'));
const CMAP_URL = join(pdfjsDir, 'cmaps') + '/';
const STANDARD_FONTS_URL = join(pdfjsDir, 'standard_fonts') + '/';

export type PdfFailure = 'encrypted' | 'corrupt' | 'failed' | 'refused';

/** The largest a compressed stream may inflate to before pdf.js is given the file (--max-unpacked-mb). */
const DEFAULT_MAX_STREAM_BYTES = 100 * 1024 * 1024;

export class PdfError extends Error {
  constructor(
    readonly reason: PdfFailure,
    message: string,
  ) {
    super(message);
  }
}

/** The text layer of a PDF, page by page, as pdf.js gives it. Throws PdfError. */
export async function readPdfText(data: Uint8Array, maxStreamBytes = DEFAULT_MAX_STREAM_BYTES): Promise<Page[]> {
  const bomb = pdfStreamProblem(data, maxStreamBytes);
  if (bomb) throw new PdfError('refused', bomb);
  const parser = new PDFParse({
    data,
    cMapUrl: CMAP_URL,
    cMapPacked: true,
    standardFontDataUrl: STANDARD_FONTS_URL,
    // Hardening against CVE-2024-4367: untrusted files must not reach eval.
    isEvalSupported: false,
    verbosity: 0,
  });
  try {
    // pageJoiner '' keeps pdf-parse from adding its own "-- n of N --" markers to the page text.
    const result = await parser.getText({ pageJoiner: '' });
    return result.pages.map((p) => ({ number: p.num, text: p.text }));
  } catch (err) {
    const name = (err as Error)?.name ?? '';
    const message = String((err as Error)?.message ?? err).split('\n')[0]!;
    if (name === 'PasswordException') throw new PdfError('encrypted', 'encrypted PDF (password protected)');
    if (name === 'InvalidPDFException') throw new PdfError('corrupt', `not a valid PDF (${message})`);
    throw new PdfError('failed', `PDF could not be read (${name ? `${name}: ` : ''}${message})`);
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}
