import type { CompiledCodebook } from '../core/coding/compileCodebook.js';
import { codeClauses } from '../core/coding/codeClauses.js';
import { applyManualCode } from '../core/review/applyManualCode.js';
import type { ManualCode } from '../core/review/manualCodes.js';
import type { DuplicateCandidate } from '../core/duplicates/findDuplicates.js';
import { inferMetadata, provenanceCell, type GivenMetadata } from '../core/metadata/inferMetadata.js';
import type { DocumentSummary } from '../core/tables/buildTables.js';
import type { Cell } from '../core/tables/Table.js';
import { clausesOf, type PreparedDocument } from '../core/prepareDocument.js';
import { clauseRow, type CodedClause } from '../core/tables/clauseColumns.js';
import { packClauseIds } from '../core/tables/codingTable.js';
import { countCodes, countPairedCodes } from '../core/tables/countCodes.js';
import { NONE, type Clause, type Coding, type DocumentMetadata, type DocumentStatus } from '../core/types.js';
import type { ExtractOutcome } from '../io/extract/extractDocument.js';

/** What the pipeline needs from the outside to turn an extraction into coded clauses. */
export interface CodingIo {
  /** Tokens that concatenate to the text (the coder's offsets rely on it, and it codes them with the text). */
  segment(text: string): string[];
  /** People's codes for a document's clauses, which replace the automatic ones (see pipeline/manualOverrides.ts). */
  manual?(docSha256: string, file: string, clauses: readonly Clause[]): Array<Pick<ManualCode, 'primary' | 'secondary'> | undefined>;
}

/**
 * Codes a document's clauses with each codebook (the first is the main one). The segmenter runs once
 * per clause; every codebook's terms are in its dictionary, so all codebooks see the same tokens.
 */
export function codeDocumentClauses(clauses: readonly Clause[], compiled: readonly CompiledCodebook[], io: CodingIo): Coding[][] {
  const units = clauses.map((c) => ({
    id: c.id,
    // A clause outside any article (a preamble, a heading) is its own article for the scope filter.
    article: c.article === 0 ? c.id : `${c.docId}-${c.chapter}-${c.article}`,
    document: c.docId,
    tokens: io.segment(c.text),
    text: c.text,
  }));
  return compiled.map((book) => codeClauses(units, book));
}

export interface ProcessedDocument {
  summary: DocumentSummary;
  /** Rows of clauses.csv (core/tables/clauseColumns.ts). */
  clauseRows: Cell[][];
  /** UTF-8 bytes of the clauses' text (a measure of the coding's work). */
  textBytes: number;
  /** What duplicate detection compares; the text itself is not kept. */
  duplicateKey: DuplicateCandidate;
  /** The document's metadata, as inferred (or as given in DocumentToCode.metadata). */
  metadata: DocumentMetadata;
}

/** A document ready for coding (core/prepareDocument.ts), or why it could not be read. */
export type DocumentInput = { ok: true; prepared: PreparedDocument } | Extract<ExtractOutcome, { ok: false }>;

/** One document of a run, as processDocument codes it. */
export interface DocumentToCode {
  docId: string;
  file: string;
  sha256: string;
  input: DocumentInput;
  /** Its row of metadata.csv, if any. */
  given?: GivenMetadata | undefined;
  /** inferMetadata of this prepared text, file and row, kept from an earlier run (io/PreparedCache.ts); inferred when absent. */
  metadata?: DocumentMetadata | undefined;
}

/** What every document of a run is coded with. */
export interface CodingSetup {
  /** The run's codebooks, the main one first. */
  compiled: readonly CompiledCodebook[];
  io: CodingIo;
}

/** Codes one prepared document; a failed extraction, an empty text or a page that is not a policy becomes a listed document without clauses. */
export function processDocument(doc: DocumentToCode, setup: CodingSetup): ProcessedDocument {
  const { docId, file, sha256: sha, input, given } = doc;
  const uncoded = (summary: DocumentSummary, meta: DocumentMetadata): ProcessedDocument => ({ summary, clauseRows: [], textBytes: 0, duplicateKey: duplicateKeyOf(docId, sha, meta, []), metadata: meta });
  if (!input.ok) {
    const meta = inferMetadata('', file, given);
    return uncoded(blankSummary(docId, file, sha, input.status, input.message, meta), meta);
  }
  const prepared = input.prepared;
  const text = prepared.text;
  const meta = doc.metadata ?? inferMetadata(text, file, given, prepared.title);
  if (text.trim().length === 0) {
    const scan = prepared.kind === 'pdf';
    return uncoded(blankSummary(docId, file, sha, scan ? 'needs_ocr' : 'empty', scan ? 'no text layer (a scan?): OCR needed' : 'no text in the file', meta, prepared.pages), meta);
  }
  const kind = prepared.classification;
  if (kind.kind === 'not_policy') return uncoded({ ...blankSummary(docId, file, sha, 'not_policy', kind.message, meta, prepared.pages), chars: text.length }, meta);
  const clauses = clausesOf(prepared, docId);
  const coded = codedClauses(sha, file, clauses, setup);
  const base = blankSummary(docId, file, sha, clauses.length === 0 ? 'empty' : 'ok', clauses.length === 0 ? 'no clauses found in the text' : [kind.message, ...prepared.warnings].filter(Boolean).join('; '), meta, prepared.pages);
  return {
    summary: { ...base, chars: text.length, ...clauseCounts(docId, coded, setup.compiled) },
    clauseRows: coded.map(clauseRow),
    textBytes: clauses.reduce((n, c) => n + Buffer.byteLength(c.text), 0),
    duplicateKey: duplicateKeyOf(docId, sha, meta, prepared.fingerprint),
    metadata: meta,
  };
}

/** Each clause with its codes: the main codebook's (a person's manual code over it), and the further codebooks'. */
function codedClauses(sha: string, file: string, clauses: readonly Clause[], { compiled, io }: CodingSetup): CodedClause[] {
  const codings = codeDocumentClauses(clauses, compiled, io);
  const manualCodes = io.manual?.(sha, file, clauses) ?? [];
  return clauses.map((clause, i) => {
    const automatic = codings[0]![i]!;
    const manual = manualCodes[i];
    return {
      clause,
      coding: manual ? applyManualCode(automatic, manual, compiled[0]!) : automatic,
      automatic,
      manual: Boolean(manual),
      further: codings.slice(1).map((cs) => cs[i]!),
    };
  });
}

/**
 * A document's counts for its summary. A manual code replaces the automatic one in every count:
 * pairs use the main code as written to clauses.csv, a reviewer's manual code included.
 */
function clauseCounts(docId: string, coded: readonly CodedClause[], compiled: readonly CompiledCodebook[]): Partial<DocumentSummary> {
  const main = coded.map((c) => c.coding);
  const further: DocumentSummary['further'] = {};
  compiled.slice(1).forEach((book, k) => {
    further[book.codebook.name] = countPairedCodes(main, coded.map((c) => c.further[k]!));
  });
  const clauseIds: Record<string, string[]> = {};
  for (const { clause, coding } of coded) if (coding.primary !== NONE) (clauseIds[coding.primary] ??= []).push(clause.id);
  return {
    clauses: coded.length,
    codedClauses: main.filter((c) => c.primary !== NONE).length,
    inScopeClauses: main.filter((c) => c.inScope).length,
    further,
    clauseIds: Object.fromEntries(Object.entries(clauseIds).map(([code, ids]) => [code, packClauseIds(docId, ids)])),
    ...countCodes(main),
  };
}

function duplicateKeyOf(docId: string, sha: string, meta: DocumentMetadata, fingerprint: readonly number[]): DuplicateCandidate {
  const given = (f: DocumentMetadata['title' | 'year' | 'docNumber' | 'province']) => (f.source === 'metadata.csv' && f.value !== null ? String(f.value) : null);
  return {
    docId,
    sha256: sha,
    province: meta.province.value,
    docNumber: meta.docNumber.value,
    title: meta.title.value ?? '',
    fingerprint,
    issuer: meta.issuer.value,
    date: meta.date.value,
    given: { title: given(meta.title), year: given(meta.year), docNumber: given(meta.docNumber), province: given(meta.province) },
  };
}

function blankSummary(
  docId: string,
  file: string,
  sha: string,
  status: DocumentStatus,
  message: string,
  meta: DocumentMetadata,
  pages = 0,
): DocumentSummary {
  return {
    docId,
    file,
    sha256: sha,
    title: meta.title.value ?? '',
    province: meta.province.value,
    year: meta.year.value,
    pages,
    chars: 0,
    clauses: 0,
    codedClauses: 0,
    inScopeClauses: 0,
    further: {},
    status,
    message,
    docNumber: meta.docNumber.value,
    issuer: meta.issuer.value,
    date: meta.date.value,
    level: meta.level.value,
    provenance: provenanceCell(meta),
    primaryCounts: {},
    anyCounts: {},
  };
}
