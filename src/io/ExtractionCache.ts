import { homedir } from 'node:os';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExtractedDocument } from '../core/types.js';
import { writeFileAtomic } from './atomicWrite.js';

/**
 * Version of everything that produces the cached raw pages (readers, OCR settings). Bump it when
 * extraction changes: old entries then sit under another version and are never read again.
 */
const EXTRACTOR_VERSION = 4;

/**
 * The part of the cache a run reads and fills, by its PDF engine: the engines give slightly
 * different text, and a run must code the text of the engine it was asked for. pdf-parse keeps the
 * folder it always had, so existing caches stay valid.
 */
export function extractionSpace(engine: 'pdf-parse' | 'poppler'): string {
  return engine === 'poppler' ? `v${EXTRACTOR_VERSION}-poppler` : `v${EXTRACTOR_VERSION}`;
}

/**
 * Where the cache lives unless --cache-dir says otherwise: $POLICY_CODE_CACHE_DIR, else
 * $XDG_CACHE_HOME/policy-code, else ~/.cache/policy-code.
 */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.POLICY_CODE_CACHE_DIR) return env.POLICY_CODE_CACHE_DIR;
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'policy-code');
  return join(homedir(), '.cache', 'policy-code');
}

interface CacheEntry {
  extractor: number;
  sha256: string;
  document: ExtractedDocument;
}

function isExtractedDocument(d: unknown): d is ExtractedDocument {
  const doc = d as ExtractedDocument;
  return (
    typeof doc === 'object' &&
    doc !== null &&
    typeof doc.kind === 'string' &&
    typeof doc.method === 'string' &&
    Array.isArray(doc.warnings) &&
    Array.isArray(doc.pages) &&
    doc.pages.every((p) => typeof p?.number === 'number' && typeof p?.text === 'string')
  );
}

/**
 * Raw pages of extracted documents (text layer or OCR), keyed by the file's content sha256 and the
 * extractor version, so that a second run and every re-coding skip extraction, and a changed file
 * (new hash) is read again. Entries are written atomically; an entry that cannot be parsed or does
 * not match its key is treated as missing and overwritten by the next extraction.
 */
export class ExtractionCache {
  /**
   * @param dir cache root
   * @param readEntries false for --no-cache: extraction always runs, and its result refreshes the entry
   */
  constructor(
    readonly dir: string,
    private readonly readEntries = true,
    /** extractionSpace() of the run's PDF engine. */
    private readonly space = extractionSpace('pdf-parse'),
  ) {}

  /** The file that holds (or would hold) the entry for a content hash. */
  entryPath(sha256: string): string {
    return join(this.dir, 'extract', this.space, sha256.slice(0, 2), `${sha256}.json`);
  }

  async get(sha256: string): Promise<ExtractedDocument | null> {
    if (!this.readEntries) return null;
    let raw: string;
    try {
      raw = await readFile(this.entryPath(sha256), 'utf8');
    } catch {
      return null;
    }
    try {
      const entry = JSON.parse(raw) as CacheEntry;
      if (entry.extractor !== EXTRACTOR_VERSION || entry.sha256 !== sha256 || !isExtractedDocument(entry.document)) return null;
      return entry.document;
    } catch {
      return null;
    }
  }

  async put(sha256: string, document: ExtractedDocument): Promise<void> {
    const entry: CacheEntry = { extractor: EXTRACTOR_VERSION, sha256, document };
    await writeFileAtomic(this.entryPath(sha256), JSON.stringify(entry));
  }
}
