import { performance } from 'node:perf_hooks';
import type { DocumentSummary } from '../core/tables/buildTables.js';
import { dictionaryId, segmenterCalls, segmenterLoaded, segmenterLoadMs } from '../io/segmenter.js';
import type { TokenCache } from '../io/TokenCache.js';
import type { AnalyzeOptions } from './analyze.js';
import type { CodedRun } from './codePhase.js';
import { DEFAULT_PDF_ENGINE } from './Extractor.js';
import type { ExtractPhase } from './ExtractPhase.js';
import type { RunPlan } from './planRun.js';
import { notAppliedRecord } from './NotAppliedRecord.js';
import { rerunSettings } from './rerunSettings.js';
import { VERSION } from './version.js';

/** The counts of run.json: files, documents by status, clauses. */
export function runCounts(files: number, skipped: number, documents: readonly DocumentSummary[]) {
  const count = (s: string) => documents.filter((d) => d.status === s).length;
  return {
    files,
    documents: documents.length,
    ok: count('ok'),
    failed: count('failed'),
    empty: count('empty'),
    needs_ocr: count('needs_ocr'),
    needs_conversion: count('needs_conversion'),
    refused: count('refused'),
    duplicate: count('duplicate'),
    // Counted policies whose text resembles an earlier one, and counted policies without a province.
    similar_counted: documents.filter((d) => d.status === 'ok' && d.similarTo).length,
    unknown_province: documents.filter((d) => d.status === 'ok' && d.province === null).length,
    not_policy: count('not_policy'),
    skipped,
    clauses: documents.reduce((a, d) => a + d.clauses, 0),
    coded_clauses: documents.reduce((a, d) => a + d.codedClauses, 0),
    in_scope_clauses: documents.reduce((a, d) => a + d.inScopeClauses, 0),
  };
}

/** What the extraction phase measured: documents read now and found cached, time by kind of document. */
export interface ExtractionRecord {
  fromCache: number;
  extracted: number;
  extractMs: number;
  codeMs: number;
  byKind: Record<string, { documents: number; ms: number }>;
}

export interface ManifestInput {
  options: AnalyzeOptions;
  plan: RunPlan;
  coded: CodedRun;
  extraction: ExtractionRecord;
  phase: ExtractPhase;
  tokens: TokenCache;
  started: number;
}

/**
 * run.json without its inputs and tables (analyze adds those; a shard keeps it in its part): what
 * was run, on what, with which settings, what it found, and where its time went (timings are for
 * benchmarks and never enter a table).
 */
export function runManifest({ options, plan, coded, extraction, phase, tokens, started }: ManifestInput) {
  const main = plan.books[0]!;
  const { manual } = plan;
  return {
    tool: 'policy-code',
    version: VERSION,
    codebook: { name: main.codebook.name, version: main.codebook.version, file: main.file, sha256: main.sha256 },
    further_codebooks: plan.books.slice(1).map((b) => ({ name: b.codebook.name, version: b.codebook.version, file: b.file, sha256: b.sha256 })),
    corpus: options.corpus,
    unit: plan.unit,
    rerun: rerunSettings(options.corpus, plan.books.map((b) => b.file), plan.metadataFile?.path ?? null, manual.file, plan.unit),
    options: { codebooks: options.codebooks, metadata: options.metadata ?? null, manual: options.manual ?? null, unit: options.unit ?? null, jobs: phase.jobs, pdf_engine: options.extraction?.pdfEngine ?? DEFAULT_PDF_ENGINE },
    pdf_engine: phase.engine,
    metadata: plan.metadataFile ? { file: plan.metadataFile.path, sha256: plan.metadataFile.sha256 } : null,
    counts: { ...runCounts(plan.files.length, plan.skipped.length, coded.summaries), from_cache: extraction.fromCache, manual_codes_applied: manual.applied() },
    manual: { file: manual.file, codes: manual.codes, applied: manual.applied(), not_applied: manual.notApplied().map((n) => notAppliedRecord(n, options.shard !== undefined)) },
    cache: {
      extraction: { hits: extraction.fromCache, extracted: extraction.extracted },
      prepared: coded.prepared,
      tokens: { dictionary: dictionaryId(), ...tokens.stats, segmenter_calls: segmenterCalls(), segmenter_loaded: segmenterLoaded() },
    },
    // coding: normalize, split, segment and match, without the dictionary's load; summed over the
    // coding workers when there were some (coding_threads; 0: the main thread coded).
    timings_ms: {
      extract_phase: Math.round(extraction.extractMs),
      code_phase: Math.round(extraction.codeMs),
      coding: Math.round(coded.codingMs - segmenterLoadMs()),
      segmenter_load: Math.round(segmenterLoadMs()),
      total: Math.round(performance.now() - started),
      extract_by_kind: extraction.byKind,
    },
    coding_threads: coded.threads,
    text_bytes: coded.textBytes,
  };
}
