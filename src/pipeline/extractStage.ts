import { join } from 'node:path';
import { extractDocument, readBytes, type ExtractContext, type ExtractOutcome } from '../io/extract/extractDocument.js';
import { sha256 } from '../io/hash.js';

/** One corpus file read and extracted: what the later stages need, without the bytes. */
export interface ExtractedFile {
  file: string;
  sha256: string;
  bytes: number;
  outcome: ExtractOutcome;
}

/** Reads one corpus file and extracts its raw pages; failures are values, never exceptions. */
export async function extractFile(root: string, file: string, ctx: ExtractContext): Promise<ExtractedFile> {
  const path = join(root, file);
  let bytes: Uint8Array;
  try {
    bytes = await readBytes(path);
  } catch (err) {
    return { file, sha256: '', bytes: 0, outcome: { ok: false, status: 'failed', message: `cannot read file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` } };
  }
  return { file, sha256: sha256(bytes), bytes: bytes.length, outcome: await extractDocument(path, bytes, ctx) };
}
