import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { PreparedDocument } from '../core/prepareDocument.js';
import type { DocumentMetadata } from '../core/types.js';
import { writeFileAtomic } from './atomicWrite.js';
import { extractionSpace } from './ExtractionCache.js';
import { sha256 } from './hash.js';

let coreHash: string | null = null;

/** Bump when the stored form changes (2: clause texts left out, withClauseTexts); old entries are then not read. */
const FORMAT = 2;

/** The parts of src/core (or dist/core) whose code decides a prepared document. */
const PREPARING_CODE = ['prepareDocument', 'types', 'text', 'clauses', 'metadata', 'duplicates'];

/**
 * A hash of the code that turns pages into a prepared document (PREPARING_CODE). A prepared entry
 * is only as good as the code that made it, and that code changes without a version number during
 * development; hashing it makes any change miss the old entries. Reads a few dozen small files once
 * per process.
 */
export function preparingCodeHash(): string {
  if (coreHash) return coreHash;
  const core = join(dirname(fileURLToPath(import.meta.url)), '..', 'core');
  const files: string[] = [];
  const collect = (dir: string, wanted: (name: string) => boolean) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (!wanted(e.name)) continue;
      if (e.isDirectory()) collect(join(dir, e.name), () => true);
      else if (/\.(js|ts)$/.test(e.name) && !e.name.endsWith('.d.ts')) files.push(join(dir, e.name));
    }
  };
  collect(core, (name) => PREPARING_CODE.includes(name.replace(/\.(js|ts)$/, '')));
  files.sort();
  coreHash = sha256(files.map((f) => `${relative(core, f)}\n${readFileSync(f, 'utf8')}`).join('\n\0\n'));
  return coreHash;
}

/**
 * A document's inferred metadata, kept beside its prepared entry: inferring it reads the text's
 * layout again, a tenth of a re-code's coding. It depends on the text (fixed by the content hash),
 * the code of core/metadata (in the entry's folder name) and what `key` holds: the document's path
 * and its row of metadata.csv, so a moved file or an edited row infers it again.
 */
export interface CachedMetadata {
  key: string;
  value: DocumentMetadata;
}

/** CachedMetadata's key: what inferMetadata takes besides the text (the title comes with the entry). */
export function metadataKey(file: string, given: object | undefined): string {
  return JSON.stringify([file, given ?? null]);
}

/** What an entry holds. */
export interface PreparedEntry {
  prepared: PreparedDocument;
  metadata?: CachedMetadata;
}

/** The entry's metadata when it was inferred under `key` (this file and its metadata.csv row), else null. */
export function cachedMetadata(entry: PreparedEntry | null, key: string): CachedMetadata | null {
  return entry?.metadata?.key === key ? entry.metadata : null;
}

interface Entry extends PreparedEntry {
  sha256: string;
}

/**
 * Prepared documents (normalized text, clauses, kind, fingerprint: core/prepareDocument.ts) by the
 * content sha256 of their file, under the extractor version and the hash of the preparing code.
 * A re-coding then reads one entry per document and codes, instead of normalizing, splitting and
 * fingerprinting every text again. Entries are written atomically; a damaged one is a miss.
 */
export class PreparedCache {
  private readonly root: string;

  constructor(
    dir: string,
    private readonly readEntries = true,
    /** extractionSpace() of the run's PDF engine: a prepared entry is as engine-specific as its pages. */
    space = extractionSpace('pdf-parse'),
  ) {
    this.root = join(dir, 'prepared', `x${space.slice(1)}-${preparingCodeHash().slice(0, 16)}-f${FORMAT}`);
  }

  private entryPath(sha: string): string {
    return join(this.root, sha.slice(0, 2), `${sha}.v8`);
  }

  /** Whether an entry for this content exists (it may still be damaged: get() decides). */
  has(sha: string): boolean {
    return this.readEntries && sha !== '' && existsSync(this.entryPath(sha));
  }

  async get(sha: string): Promise<PreparedEntry | null> {
    if (!this.readEntries || !sha) return null;
    try {
      // Read synchronously: a few kB from the local cache, and a re-coding reads 2 of them per document;
      // the promise API's four thread-pool round trips each cost more (measured: a weights-only
      // re-code of 1,000 documents, 2.43 s against 2.74 s on average of 4 alternating runs).
      // V8's serialization, not JSON: it copies strings instead of parsing them, and reading 1,000
      // entries took 35 ms instead of 80. An entry of another Node version that V8 cannot read is a miss.
      const entry = deserialize(readFileSync(this.entryPath(sha))) as Entry;
      const p = entry.prepared;
      if (entry.sha256 !== sha || typeof p?.text !== 'string' || !Array.isArray(p.clauses) || !Array.isArray(p.fingerprint) || typeof p.classification?.kind !== 'string') return null;
      if (!withClauseTexts(p)) return null;
      const m = entry.metadata;
      return typeof m?.key === 'string' && typeof m.value?.title === 'object' ? { prepared: p, metadata: m } : { prepared: p };
    } catch {
      return null;
    }
  }

  async put(sha: string, prepared: PreparedDocument, metadata?: CachedMetadata): Promise<void> {
    if (!sha) return;
    const stored = { ...prepared, clauses: prepared.clauses.map((c) => (prepared.text.slice(c.start, c.end) === c.text ? { ...c, text: null } : c)) };
    await writeFileAtomic(this.entryPath(sha), serialize({ sha256: sha, prepared: stored, ...(metadata ? { metadata } : {}) }));
  }
}

/**
 * An entry's clauses are stored without the texts that are a span of the document's text (every
 * clause as splitClauses cuts them; `text: null` keeps the key's place): half the bytes to read and
 * copy. Puts them back in place, as slices of the text; false when a span does not fit the text.
 */
function withClauseTexts(p: PreparedDocument): boolean {
  for (const c of p.clauses as Array<{ text: string | null; start: number; end: number }>) {
    if (c.text !== null) continue;
    if (!(c.start >= 0 && c.end <= p.text.length && c.start <= c.end)) return false;
    c.text = p.text.slice(c.start, c.end);
  }
  return true;
}
