import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { ExtractedDocument, SourceKind } from '../../core/types.js';
import { decodeText } from './decodeText.js';
import type { PdfPool } from './PdfPool.js';

/** File types policy-code reads, by extension. */
export const READERS: Record<string, SourceKind> = { '.pdf': 'pdf', '.txt': 'txt' };

export function sourceKindOf(file: string): SourceKind | null {
  return READERS[extname(file).toLowerCase()] ?? null;
}

export type ExtractOutcome =
  | { ok: true; document: ExtractedDocument }
  | { ok: false; status: 'failed' | 'empty' | 'needs_ocr'; message: string };

export interface ExtractContext {
  pdfPool: PdfPool;
}

/** Reads one file into raw pages. Never throws for a bad file: failures come back as values. */
export async function extractDocument(path: string, bytes: Uint8Array, ctx: ExtractContext): Promise<ExtractOutcome> {
  const kind = sourceKindOf(path);
  if (bytes.length === 0) return { ok: false, status: 'empty', message: 'empty file (0 bytes)' };
  switch (kind) {
    case 'pdf': {
      if (!startsWith(bytes, '%PDF-') && !startsWith(bytes.subarray(0, 1024), '%PDF-', true)) {
        return { ok: false, status: 'failed', message: 'not a PDF: the file has no %PDF header' };
      }
      const r = await ctx.pdfPool.read(path);
      if (!r.ok) return { ok: false, status: 'failed', message: r.message };
      return { ok: true, document: { kind: 'pdf', method: 'text-layer', pages: r.pages, warnings: [] } };
    }
    case 'txt': {
      const { text, encoding } = decodeText(bytes);
      return {
        ok: true,
        document: { kind: 'txt', method: 'plain', pages: [{ number: 1, text }], warnings: encoding === 'utf-8' ? [] : [`decoded as ${encoding}`] },
      };
    }
    default:
      return { ok: false, status: 'failed', message: `unsupported file type ${extname(path) || '(none)'}` };
  }
}

function startsWith(bytes: Uint8Array, prefix: string, anywhere = false): boolean {
  const head = Buffer.from(bytes.subarray(0, anywhere ? 1024 : prefix.length)).toString('latin1');
  return anywhere ? head.includes(prefix) : head === prefix;
}

export async function readBytes(path: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(path));
}
