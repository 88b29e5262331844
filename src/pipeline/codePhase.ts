import { performance } from 'node:perf_hooks';
import { prepareDocument, withUnit, type PreparedDocument } from '../core/prepareDocument.js';
import { DuplicateFinder, type DuplicateCandidate } from '../core/duplicates/findDuplicates.js';
import type { DocumentSummary } from '../core/tables/buildTables.js';
import { clauseColumns } from '../core/tables/clauseColumns.js';
import { sourceKindOf } from '../io/extract/extractDocument.js';
import type { StagedStream } from '../io/OutputStage.js';
import { cachedMetadata, metadataKey, type CachedMetadata, type PreparedCache } from '../io/PreparedCache.js';
import { segment } from '../io/segmenter.js';
import type { DocumentTokens, TokenCache } from '../io/TokenCache.js';
import type { AnalyzeOptions } from './analyze.js';
import type { CodeWorkers } from './CodeWorkers.js';
import { documentId } from './corpusDocuments.js';
import { encodeClauseRows, type EncodedRows } from './encodeClauseRows.js';
import type { ExtractPhase, Extracted } from './ExtractPhase.js';
import { mapInOrder } from './mapInOrder.js';
import { markDuplicate } from './markDuplicate.js';
import type { RunPlan } from './planRun.js';
import { processDocument, type DocumentInput } from './processDocument.js';
import type { ReportClauseBlocks } from './ReportClauseBlocks.js';

/** How many documents are sent to the coding workers ahead of the one being written. */
const DOCUMENTS_IN_FLIGHT = 8;
/**
 * How many are read back and coded on this thread ahead of it: reading is a few synchronous reads
 * from the caches, so documents read further ahead only live long enough to be copied by the
 * garbage collector (a re-code of 1,000 documents: 25 ms less scavenging than with 8).
 */
const READ_AHEAD = 2;

/** What the coding phase leaves behind: one summary per document, and what a shard or run.json needs. */
export interface CodedRun {
  summaries: DocumentSummary[];
  /** Per document of a shard, its duplicate key (the merge decides duplicates over the whole corpus). */
  duplicateKeys: DuplicateCandidate[];
  /** Per document, [offset, length] of its rows in the clauses stream. */
  ranges: Array<[number, number]>;
  /** Per document, the engine that read it when it is a PDF. */
  engines: Array<string | null>;
  prepared: { hits: number; misses: number };
  /** Documents found extracted in the cache that had to be read again (their entry was gone). */
  extractedAgain: number;
  codingMs: number;
  /** Bytes of clause text coded (a duplicate is coded before it is recognised, so its clauses count). */
  textBytes: number;
  /** Documents written, when the run was stopped. */
  written: number;
  /** Coding workers the run had (0: every document was coded on the main thread). */
  threads: number;
}

export interface CodePhaseIo {
  phase: ExtractPhase;
  preparedCache: PreparedCache;
  tokens: TokenCache;
  clauses: StagedStream;
  /** report.html's clause blocks, put together as the rows are written (none for a shard). */
  blocks: ReportClauseBlocks | null;
  /** Worker threads for documents coded from the caches alone; null: every document on this thread. */
  workers: CodeWorkers | null;
}

/** The engine that read a PDF; an entry cached before engines were recorded was read by pdf-parse. */
function engineOf(file: string, ok: boolean, engine: string | null | undefined): string | null {
  if (!ok || sourceKindOf(file) !== 'pdf') return null;
  return engine ?? 'pdf-parse';
}

/** A document read back on this thread, coded when its turn comes. */
interface ReadBack {
  outcome: DocumentInput | Awaited<ReturnType<ExtractPhase['outcomeOf']>>['outcome'];
  extractedAgain: boolean;
  doc: DocumentTokens;
  /** The prepared entry's metadata, when it was inferred for this file and row of metadata.csv. */
  metadata: CachedMetadata | null;
  /** The key this document's metadata is cached under (metadataKey). */
  metadataAs: string;
}

/** A coded document, from a worker or from this thread, ready to be written. */
interface Coded {
  summary: DocumentSummary;
  duplicateKey: DuplicateCandidate;
  rows: EncodedRows;
  engine: string | null;
  /** Whether a prepared entry was found, or the document was prepared now (null: not read). */
  prepared: 'hit' | 'miss' | null;
  extractedAgain: boolean;
  ms: number;
  /** Cache entries to write once the rows are out (this thread only). */
  save?: () => Promise<void>;
}

/**
 * Codes the extracted documents in corpus order, a bounded window at a time: each is prepared (or
 * found prepared in the cache), coded, checked against the earlier ones for duplicates, and its
 * clause rows are written at once, so only the summaries stay in memory. With coding workers, the
 * documents whose entries are all cached are coded there and this thread only writes.
 */
export async function codePhase(plan: RunPlan, extracted: readonly Extracted[], io: CodePhaseIo, options: AnalyzeOptions): Promise<CodedRun> {
  const { selected } = plan;
  const run: CodedRun = { summaries: [], duplicateKeys: [], ranges: [], engines: new Array(selected.length).fill(null), prepared: { hits: 0, misses: 0 }, extractedAgain: 0, codingMs: 0, textBytes: 0, written: 0, threads: io.workers?.size ?? 0 };
  const duplicates = new DuplicateFinder();
  const columns = clauseColumns(plan.books.slice(1).map((b) => b.codebook.name));
  const docIdOf = (k: number) => documentId(selected[k]!.index, plan.documentFiles.length);
  let offset = 0;
  run.written = await mapInOrder(
    selected.length,
    io.workers ? DOCUMENTS_IN_FLIGHT : READ_AHEAD,
    async (k): Promise<Coded | ReadBack> => {
      const e = extracted[k]!;
      if (io.workers && e.cached) {
        const r = await io.workers.code({ k, docId: docIdOf(k), file: e.file, sha256: e.sha256, given: plan.metadata.get(e.file) });
        if (r.done) {
          io.tokens.stats.hits += r.tokenHits;
          return { summary: r.summary, duplicateKey: r.duplicateKey, rows: r.rows, engine: engineOf(e.file, true, r.engine), prepared: 'hit', extractedAgain: false, ms: r.ms };
        }
      }
      return readBack(plan, e, io, options);
    },
    async (k, x) => {
      const e = extracted[k]!;
      const c = 'outcome' in x ? codeHere(plan, docIdOf(k), e, x, io, columns) : x;
      run.engines[k] = c.engine;
      if (c.prepared) run.prepared[c.prepared === 'hit' ? 'hits' : 'misses']++;
      // Documents come in id order, so each is checked against the earlier ones as it is coded; a
      // shard sees only its share, so there the merge decides (it gets every document's key).
      const summary = options.shard ? c.summary : markDuplicate(duplicates, c.summary, c.duplicateKey);
      // A duplicate's clauses are not written (the original's are).
      const duplicate = summary.status === 'duplicate';
      if (options.shard) run.duplicateKeys.push(c.duplicateKey);
      run.codingMs += c.ms;
      if (c.extractedAgain) run.extractedAgain++;
      run.textBytes += c.rows.textBytes;
      // Encoded once: the stream would encode the string, and the range needs its length in bytes.
      const chunk = Buffer.from(duplicate ? '' : c.rows.csv);
      await io.clauses.write(chunk);
      const bytes = chunk.length;
      run.ranges.push([offset, bytes]);
      offset += bytes;
      run.summaries.push(summary);
      await io.blocks?.add(summary, duplicate ? [] : c.rows.report);
      await c.save?.();
      options.onProgress?.(run.summaries.length, selected.length, e.file, 'code');
    },
    options.signal,
  );
  return run;
}

/** A document's prepared entry (or its pages) and its tokens, read back for coding on this thread. */
async function readBack(plan: RunPlan, e: Extracted, io: CodePhaseIo, options: AnalyzeOptions): Promise<ReadBack> {
  // A document prepared before (same content, same code) needs neither its pages nor normalizing.
  const cached = e.held ? null : await io.preparedCache.get(e.sha256);
  const ready = cached ? withUnit(cached.prepared, plan.unit) : null;
  const { outcome, extractedAgain } = ready ? { outcome: { ok: true as const, prepared: ready }, extractedAgain: false } : await io.phase.outcomeOf(options.corpus, e);
  const metadataAs = metadataKey(e.file, plan.metadata.get(e.file));
  return { outcome, extractedAgain, doc: await io.tokens.forDocument(e.sha256, segment), metadata: cachedMetadata(cached, metadataAs), metadataAs };
}

/** Codes a read-back document on this thread (in corpus order: manual codes are counted as they are applied). */
function codeHere(plan: RunPlan, docId: string, e: Extracted, x: ReadBack, io: CodePhaseIo, columns: readonly string[]): Coded {
  const t0 = performance.now();
  const { outcome } = x;
  // Pages extracted in this run, or not prepared before, are prepared here, and cached when their
  // extraction is; an entry without this file's metadata is written again with it.
  let input: DocumentInput;
  let toCache: PreparedDocument | null = null;
  if (!outcome.ok) input = outcome;
  else if ('prepared' in outcome) {
    input = outcome;
    if (!x.metadata) toCache = outcome.prepared;
  } else {
    input = { ok: true, prepared: prepareDocument(outcome.document, plan.unit) };
    if (outcome.cacheable) toCache = input.prepared;
  }
  const engine = engineOf(e.file, outcome.ok, !outcome.ok ? null : 'prepared' in outcome ? outcome.prepared.engine : outcome.document.engine);
  const processed = processDocument(
    { docId, file: e.file, sha256: e.sha256, input, given: plan.metadata.get(e.file), metadata: x.metadata?.value },
    { compiled: plan.compiled, io: { segment: x.doc.segment, manual: plan.manual.forDocument } },
  );
  const rows = encodeClauseRows(processed, columns, io.blocks?.encoder ?? null);
  return {
    // What stays in memory for the whole run (the summary, the duplicate key) is copied: its
    // strings (title, issuer, 文号, ...) are slices of the document's text, and a V8 slice keeps
    // the whole text alive. Measured: without the copy a re-code of 5,000 documents no longer fits
    // in a 64 MB heap (it does with it). A worker's results arrive copied already, and metadata
    // read from the prepared cache holds strings of its own.
    summary: x.metadata ? processed.summary : structuredClone(processed.summary),
    duplicateKey: x.metadata ? processed.duplicateKey : structuredClone(processed.duplicateKey),
    rows,
    engine,
    prepared: !outcome.ok ? null : 'prepared' in outcome ? 'hit' : 'miss',
    extractedAgain: x.extractedAgain,
    ms: performance.now() - t0,
    save: async () => {
      await x.doc.save().catch(() => undefined);
      const metadata = { key: x.metadataAs, value: processed.metadata };
      if (toCache) await io.preparedCache.put(e.sha256, toCache, metadata).catch(() => undefined);
    },
  };
}
