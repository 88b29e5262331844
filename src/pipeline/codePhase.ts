import { performance } from 'node:perf_hooks';
import { prepareDocument, withUnit, type PreparedDocument } from '../core/prepareDocument.js';
import { DuplicateFinder, type DuplicateCandidate } from '../core/duplicates/findDuplicates.js';
import type { DocumentSummary } from '../core/tables/buildTables.js';
import { csvRows } from '../export/csv.js';
import { sourceKindOf } from '../io/extract/extractDocument.js';
import type { StagedStream } from '../io/OutputStage.js';
import type { PreparedCache } from '../io/PreparedCache.js';
import { segment } from '../io/segmenter.js';
import type { TokenCache } from '../io/TokenCache.js';
import type { AnalyzeOptions } from './analyze.js';
import { documentId } from './corpusDocuments.js';
import type { ExtractPhase, Extracted } from './extractPhase.js';
import { mapInOrder } from './mapInOrder.js';
import { markDuplicate } from './markDuplicates.js';
import type { RunPlan } from './planRun.js';
import { CLAUSE_COLUMNS, processDocument, type DocumentInput } from './processDocument.js';
import type { ReportClauseBlocks } from './ReportClauseBlocks.js';

/** How many documents are read back, prepared and segmented ahead of the one being written. */
const DOCUMENTS_IN_FLIGHT = 8;
/** formatCell looks columns up by name; clause rows have no numeric kinds, so any column list will do. */
const CLAUSE_TABLE_COLUMNS: string[] = [];
const TEXT_COLUMN = CLAUSE_COLUMNS.indexOf('text');

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
}

export interface CodePhaseIo {
  phase: ExtractPhase;
  preparedCache: PreparedCache;
  tokens: TokenCache;
  clauses: StagedStream;
  /** report.html's clause blocks, encoded from the rows as they are written (none for a shard). */
  blocks: ReportClauseBlocks | null;
}

/** The engine that read a PDF; an entry cached before engines were recorded was read by pdf-parse. */
function engineOf(file: string, outcome: DocumentInput | Awaited<ReturnType<ExtractPhase['outcomeOf']>>['outcome']): string | null {
  if (!outcome.ok || sourceKindOf(file) !== 'pdf') return null;
  return ('prepared' in outcome ? outcome.prepared.engine : outcome.document.engine) ?? 'pdf-parse';
}

/**
 * Codes the extracted documents in corpus order, a bounded window at a time: each is prepared (or
 * found prepared in the cache), coded, checked against the earlier ones for duplicates, and its
 * clause rows are written at once, so only the summaries stay in memory.
 */
export async function codePhase(plan: RunPlan, extracted: readonly Extracted[], io: CodePhaseIo, options: AnalyzeOptions): Promise<CodedRun> {
  const { selected } = plan;
  const run: CodedRun = { summaries: [], duplicateKeys: [], ranges: [], engines: new Array(selected.length).fill(null), prepared: { hits: 0, misses: 0 }, extractedAgain: 0, codingMs: 0, textBytes: 0, written: 0 };
  const duplicates = new DuplicateFinder();
  let offset = 0;
  run.written = await mapInOrder(
    selected.length,
    DOCUMENTS_IN_FLIGHT,
    async (k) => {
      const e = extracted[k]!;
      // A document prepared before (same content, same code) needs neither its pages nor normalizing.
      const cached = e.held ? null : await io.preparedCache.get(e.sha256);
      const ready = cached ? withUnit(cached, plan.unit) : null;
      const { outcome, extractedAgain } = ready ? { outcome: { ok: true as const, prepared: ready }, extractedAgain: false } : await io.phase.outcomeOf(options.corpus, e);
      return { e, outcome, extractedAgain, doc: await io.tokens.forDocument(e.sha256, segment) };
    },
    async (k, { e, outcome, extractedAgain, doc }) => {
      const t0 = performance.now();
      run.engines[k] = engineOf(e.file, outcome);
      // Pages extracted in this run, or not prepared before, are prepared here, and cached when their extraction is.
      let input: DocumentInput;
      let toCache: PreparedDocument | null = null;
      if (!outcome.ok || 'prepared' in outcome) {
        input = outcome;
        if (outcome.ok) run.prepared.hits++;
      } else {
        input = { ok: true, prepared: prepareDocument(outcome.document, plan.unit) };
        run.prepared.misses++;
        if (outcome.cacheable) toCache = input.prepared;
      }
      const docId = documentId(selected[k]!.index, plan.documentFiles.length);
      const processed = processDocument(docId, e.file, e.sha256, input, plan.metadata.get(e.file), plan.compiled, { segment: doc.segment, manual: plan.manual.forDocument });
      // What stays in memory for the whole run (the summary, the duplicate key) is copied: its
      // strings (title, issuer, 文号, ...) are slices of the document's text, and a V8 slice keeps
      // the whole text alive. Measured: without the copy a re-code of 5,000 documents no longer fits
      // in a 64 MB heap (it does with it).
      const coded = { ...processed, summary: structuredClone(processed.summary), duplicateKey: structuredClone(processed.duplicateKey) };
      // Documents come in id order, so each is checked against the earlier ones as it is coded; a
      // shard sees only its share, so there the merge decides (it gets every document's key).
      const r = options.shard ? coded : markDuplicate(duplicates, coded);
      if (options.shard) run.duplicateKeys.push(coded.duplicateKey);
      run.codingMs += performance.now() - t0;
      if (extractedAgain) run.extractedAgain++;
      for (const row of coded.clauseRows) run.textBytes += Buffer.byteLength(String(row[TEXT_COLUMN]));
      const chunk = csvRows({ name: 'clauses', columns: CLAUSE_TABLE_COLUMNS, rows: r.clauseRows });
      await io.clauses.write(chunk);
      const bytes = Buffer.byteLength(chunk);
      run.ranges.push([offset, bytes]);
      offset += bytes;
      run.summaries.push(r.summary);
      await io.blocks?.add(r.summary, r.clauseRows);
      await doc.save().catch(() => undefined);
      if (toCache) await io.preparedCache.put(e.sha256, toCache).catch(() => undefined);
      options.onProgress?.(run.summaries.length, selected.length, e.file, 'code');
    },
    options.signal,
  );
  return run;
}
