import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { garbageScore, unusablePageReason } from '../../core/text/garbageScore.js';
import type { ExtractedDocument, ExtractionMethod, Page, SourceKind } from '../../core/types.js';
import { zipSizeProblem } from '../zipSizeProblem.js';
import type { OcrEngine } from '../ocr/OcrEngine.js';
import { decodeText } from './decodeText.js';
import { docxText } from './docxText.js';
import type { LibreOffice } from './LibreOffice.js';
import type { PdfReader } from './PdfReader.js';
import { pdfStreamProblem } from './pdfStreamProblem.js';

/** File types policy-code reads, by extension; anything else is skipped and counted. */
const READERS: Record<string, SourceKind> = { '.pdf': 'pdf', '.txt': 'txt', '.html': 'html', '.htm': 'html', '.docx': 'docx', '.doc': 'doc', '.wps': 'doc' };

export function sourceKindOf(file: string): SourceKind | null {
  return READERS[extname(file).toLowerCase()] ?? null;
}

export type ExtractOutcome =
  | {
      ok: true;
      document: ExtractedDocument;
      /** False when the result is incomplete for a reason that may go away (OCR not installed): not cached. */
      cacheable: boolean;
    }
  | { ok: false; status: 'failed' | 'empty' | 'needs_ocr' | 'needs_conversion' | 'refused'; message: string };

/** How much a file may unpack to before it is refused (hostile files: archive and stream bombs). */
export interface ExtractLimits {
  /** XML inside a .docx, and each compressed stream of a PDF, once inflated. */
  maxUnpackedBytes: number;
  /** An HTML or text file (and the text LibreOffice makes of a .doc): parsed whole, so bounded. */
  maxTextBytes: number;
}

export const DEFAULT_LIMITS: ExtractLimits = { maxUnpackedBytes: 100 * 1024 * 1024, maxTextBytes: 20 * 1024 * 1024 };

export interface ExtractContext {
  /** The run's PDF engine (PdfPool for pdf-parse, PopplerReader). */
  pdfPool: PdfReader;
  ocr: OcrEngine;
  libreOffice: LibreOffice;
  limits: ExtractLimits;
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(n < 1024 * 1024 ? 2 : 0)} MB`;

/** Reads one file into raw pages. Never throws for a bad file: failures come back as values. */
export async function extractDocument(path: string, bytes: Uint8Array, ctx: ExtractContext): Promise<ExtractOutcome> {
  const kind = sourceKindOf(path);
  if (bytes.length === 0) return { ok: false, status: 'empty', message: 'empty file (0 bytes)' };
  try {
    switch (kind) {
      case 'pdf':
        return await extractPdf(path, bytes, ctx);
      case 'txt':
        return plainText('txt', 'plain', bytes, ctx.limits);
      case 'html': {
        if (bytes.length > ctx.limits.maxTextBytes) return tooMuchText('web page', bytes.length, ctx.limits);
        // Loaded on first use (htmlparser2): a re-coding from the cache never reads a web page.
        const { title, text, encoding } = (await import('./htmlText.js')).htmlText(bytes);
        const doc: ExtractedDocument = { kind: 'html', method: 'markup', pages: [{ number: 1, text }], warnings: encodingNote(encoding) };
        return textOutcome(title ? { ...doc, title } : doc);
      }
      case 'docx': {
        if (!startsWith(bytes, 'PK')) return { ok: false, status: 'failed', message: 'not a .docx file: it is not a ZIP archive' };
        const bomb = zipSizeProblem(bytes, ctx.limits.maxUnpackedBytes);
        if (bomb) return { ok: false, status: bomb.status, message: bomb.status === 'failed' ? `not a readable .docx file: ${bomb.message}` : `${bomb.message}; raise the limit with --max-unpacked-mb` };
        return textOutcome({ kind: 'docx', method: 'markup', pages: [{ number: 1, text: await docxText(bytes) }], warnings: [] });
      }
      case 'doc': {
        if (!wordProcessorFile(bytes)) return { ok: false, status: 'failed', message: `not a ${extname(path).toLowerCase()} file: neither a Word/WPS binary, RTF, HTML nor a ZIP archive` };
        const converted = await ctx.libreOffice.toText(path);
        return converted.ok ? plainText('doc', 'converted', converted.bytes, ctx.limits) : converted;
      }
      default:
        return { ok: false, status: 'failed', message: `unsupported file type ${extname(path) || '(none)'}` };
    }
  } catch (err) {
    // The readers walk the markup recursively; a page of 100,000 nested elements is refused, not a crash.
    if (err instanceof RangeError && /call stack/.test(err.message)) return { ok: false, status: 'failed', message: 'could not be read: its elements are nested too deeply (a generated or hostile file?)' };
    return { ok: false, status: 'failed', message: `could not be read (${String((err as Error)?.message ?? err).split('\n')[0]})` };
  }
}

/**
 * Whether LibreOffice should be given the file: the OLE2 container of Word 97 and WPS files, or the
 * RTF, HTML and .docx files that sites publish under a .doc name. LibreOffice would otherwise import
 * any bytes as plain text, and random bytes decode to random Chinese characters that look like text.
 */
function wordProcessorFile(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1').replace(/^\xef\xbb\xbf/, '').trimStart().toLowerCase();
  const ole2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((b, i) => bytes[i] === b);
  return ole2 || head.startsWith('{\\rtf') || head.startsWith('pk') || head.startsWith('<');
}

function plainText(kind: SourceKind, method: ExtractionMethod, bytes: Uint8Array, limits: ExtractLimits): ExtractOutcome {
  if (bytes.length > limits.maxTextBytes) return tooMuchText(kind === 'doc' ? 'converted text' : 'text file', bytes.length, limits);
  const { text, encoding } = decodeText(bytes);
  return textOutcome({ kind, method, pages: [{ number: 1, text }], warnings: encodingNote(encoding) });
}

/** The encoding goes to documents.csv's message unless it is the usual UTF-8. */
function encodingNote(encoding: string): string[] {
  return encoding === 'utf-8' ? [] : [`decoded as ${encoding}`];
}

function tooMuchText(what: string, size: number, limits: ExtractLimits): ExtractOutcome {
  return { ok: false, status: 'refused', message: `refused: ${what} of ${mb(size)} (limit ${mb(limits.maxTextBytes)} for text and HTML; raise it with --max-text-mb)` };
}

/** A text file or web page whose text is garbage or blank is reported, never passed on. */
function textOutcome(document: ExtractedDocument): ExtractOutcome {
  const text = document.pages.map((p) => p.text).join('\n');
  if (text.trim().length === 0) return { ok: false, status: 'empty', message: 'no text in the file' };
  const g = garbageScore(text);
  if (g.score >= 0.2 && g.garbage >= 5) return { ok: false, status: 'failed', message: `the text is unreadable (${Math.round(g.score * 100)} % symbol garbage): wrong encoding or a binary file?` };
  return { ok: true, document, cacheable: true };
}

async function extractPdf(path: string, bytes: Uint8Array, ctx: ExtractContext): Promise<ExtractOutcome> {
  if (!startsWith(bytes, '%PDF-') && !startsWith(bytes.subarray(0, 1024), '%PDF-', true)) {
    return { ok: false, status: 'failed', message: 'not a PDF: the file has no %PDF header' };
  }
  const bomb = ctx.pdfPool.boundsStreams ? null : pdfStreamProblem(bytes, ctx.limits.maxUnpackedBytes);
  if (bomb) return { ok: false, status: 'refused', message: `refused: ${bomb}` };
  const r = await ctx.pdfPool.read(path);
  if (!r.ok) return { ok: false, status: r.reason === 'refused' ? 'refused' : 'failed', message: r.reason === 'refused' ? `refused: ${r.message}` : r.message };
  const warnings: string[] = [];
  const engine = r.engine;
  // pdf.js recovers what it can from a cut-off file; the reader should know the text may be incomplete.
  if (!Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString('latin1').includes('%%EOF')) {
    warnings.push('the PDF has no end marker (%%EOF): the file may be truncated and the text incomplete');
  }
  const unusable = r.pages.map((p) => ({ page: p, reason: unusablePageReason(p.text) }));
  const garbagePages = unusable.filter((u) => u.reason === 'garbage').map((u) => u.page.number);
  const blank = unusable.filter((u) => u.reason === 'no_text');
  // A nearly blank page with some text and no image (a text PDF's date or signature page) keeps its
  // text layer: OCR could only read that text again (measured: 15 such pages were 34 of 42 s of an
  // extract of 334 generated notices). A page with an image, or no text at all, is still read.
  const images = blank.length > 0 ? await ctx.ocr.imagePages(path) : null;
  const blankPages = blank.filter((u) => !images || images.has(u.page.number) || u.page.text.trim() === '').map((u) => u.page.number);
  if (garbagePages.length === 0 && blankPages.length === 0) {
    return { ok: true, document: { kind: 'pdf', method: 'text-layer', pages: r.pages, warnings, engine }, cacheable: true };
  }
  // A garbage text layer is dropped whatever happens next: it must never reach the clauses.
  const layer: Page[] = r.pages.map((p) => (garbagePages.includes(p.number) ? { number: p.number, text: '' } : p));
  const why = garbagePages.length > 0 ? 'a broken font encoding (symbol garbage instead of Chinese)' : 'no text layer (a scan?)';
  const allUnusable = garbagePages.length + blankPages.length === r.pages.length;
  const available = await ctx.ocr.available();
  if (!available.ok) {
    if (allUnusable) return { ok: false, status: 'needs_ocr', message: `${why}: OCR needed but ${available.message}` };
    warnings.push(`pages ${[...garbagePages, ...blankPages].sort((a, b) => a - b).join(', ')} have ${why} and were not read: ${available.message}`);
    return { ok: true, document: { kind: 'pdf', method: 'text-layer', pages: layer, warnings, engine }, cacheable: false };
  }
  const toRead = [...garbagePages, ...blankPages].sort((a, b) => a - b);
  const ocr = await ctx.ocr.readPages(path, toRead);
  if (!ocr.ok) return { ok: false, status: 'failed', message: ocr.message };
  const byNumber = new Map(ocr.pages.map((p) => [p.number, p]));
  let used = 0;
  const pages = layer.map((p) => {
    const o = byNumber.get(p.number);
    // A nearly blank page keeps its text layer unless OCR finds more Chinese on it (a seal, a scan).
    if (!o || garbageScore(o.text).cjk <= garbageScore(p.text).cjk) return p;
    used++;
    return o;
  });
  if (used > 0) warnings.push(used === pages.length ? `all ${used} pages read with OCR` : `${used} of ${pages.length} pages read with OCR`);
  return { ok: true, document: { kind: 'pdf', method: used === pages.length ? 'ocr' : 'text-layer', pages, warnings, engine }, cacheable: true };
}

function startsWith(bytes: Uint8Array, prefix: string, anywhere = false): boolean {
  const head = Buffer.from(bytes.subarray(0, anywhere ? 1024 : prefix.length)).toString('latin1');
  return anywhere ? head.includes(prefix) : head === prefix;
}

export async function readBytes(path: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(path));
}
