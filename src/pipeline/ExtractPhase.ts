import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { ExtractOutcome } from '../io/extract/extractDocument.js';
import { ExtractionCache, defaultCacheDir, extractionSpace } from '../io/ExtractionCache.js';
import { FileHashes } from '../io/FileHashes.js';
import type { PdfEngine } from '../io/extract/PdfReader.js';
import { Extractor, pdfEngineOf, type ExtractorOptions } from './Extractor.js';
import { mapInOrder } from './mapInOrder.js';

/**
 * One document after the extraction phase: its pages are in the extraction cache (read back by
 * `outcomeOf` when it is coded), or, for the rare outcome that is not cached (a failure, an OCR that
 * could not finish, a cache that cannot be written), held here.
 */
export interface Extracted {
  file: string;
  sha256: string;
  cached: boolean;
  held: ExtractOutcome | null;
  /** pdf, pdf-ocr, html, txt, docx, unread; 'cached' when the entry was found without reading it. */
  kind: string;
  ms: number;
}

/**
 * The extraction phase of a run: every document is extracted (or found in the cache) with the PDF
 * reader processes busy on every core, and nothing but failures is kept in memory. Coding comes
 * after, once the readers are gone, so the run's peak memory is the larger of the two phases (pdf.js
 * readers, or nodejieba's dictionary), never their sum; and a run stopped at any point has cached
 * everything it extracted.
 */
export class ExtractPhase {
  readonly jobs: number;
  /** The engine PDFs are read with (resolved from --pdf-engine). */
  readonly engine: PdfEngine;
  private readonly reader: ExtractionCache;
  private fallback: Extractor | null = null;

  constructor(private readonly options: ExtractorOptions) {
    this.jobs = Math.max(1, options.jobs ?? availableParallelism());
    // Reads entries even under --no-cache: those this run wrote are how its documents reach coding.
    this.engine = pdfEngineOf(options);
    this.reader = new ExtractionCache(options.cacheDir ?? defaultCacheDir(), true, extractionSpace(this.engine));
  }

  /** Extracts the files (relative to root); returns how many were done before `signal` stopped it. */
  async run(root: string, files: readonly string[], out: Extracted[], onDone: (done: number, file: string) => void, signal?: AbortSignal): Promise<number> {
    const extractor = new Extractor(this.options);
    const useCache = this.options.useCache !== false;
    const hashes = useCache ? await FileHashes.open(this.reader.dir) : null;
    let done = 0;
    try {
      return await mapInOrder(
        files.length,
        this.jobs * 4,
        async (k): Promise<Extracted> => {
          const file = files[k]!;
          // A document already in the cache is not parsed here: coding reads it once, later.
          if (hashes) {
            const sha = await hashes.sha256Of(join(root, file));
            if (sha && existsSync(this.reader.entryPath(sha))) return { file, sha256: sha, cached: true, held: null, kind: 'cached', ms: 0 };
          }
          const x = await extractor.extract(root, file);
          const inCache = x.outcome.ok && x.sha256 !== '' && existsSync(this.reader.entryPath(x.sha256));
          const kind = x.outcome.ok ? `${x.outcome.document.kind}${x.outcome.document.method === 'ocr' ? '-ocr' : ''}` : 'unread';
          return { file, sha256: x.sha256, cached: x.cached, held: inCache ? null : x.outcome, kind: x.cached ? 'cached' : kind, ms: x.ms };
        },
        (k, e) => {
          out[k] = e;
          onDone(++done, e.file);
        },
        signal,
      );
    } finally {
      await hashes?.save();
      await extractor.close();
    }
  }

  /** The pages of a document for coding: from memory, else from the cache, else (the entry vanished) extracted again. */
  async outcomeOf(root: string, e: Extracted): Promise<{ outcome: ExtractOutcome; extractedAgain: boolean }> {
    if (e.held) return { outcome: e.held, extractedAgain: false };
    const document = await this.reader.get(e.sha256);
    if (document) return { outcome: { ok: true, document, cacheable: true }, extractedAgain: false };
    this.fallback ??= new Extractor(this.options);
    return { outcome: (await this.fallback.extract(root, e.file)).outcome, extractedAgain: true };
  }

  async close(): Promise<void> {
    await this.fallback?.close();
  }
}
