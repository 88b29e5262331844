import type { CompiledCodebook } from '../core/coding/compileCodebook.js';
import { codeClauses } from '../core/coding/codeClauses.js';
import { matchedTermsCell } from '../core/coding/describeCoding.js';
import { applyManualCode } from '../core/review/applyManualCode.js';
import type { ManualCode } from '../core/review/manualCodes.js';
import type { DuplicateCandidate } from '../core/duplicates/findDuplicates.js';
import { inferMetadata, provenanceCell, type GivenMetadata } from '../core/metadata/inferMetadata.js';
import type { DocumentSummary } from '../core/tables/buildTables.js';
import type { Cell } from '../core/tables/Table.js';
import { clausesOf, type PreparedDocument } from '../core/prepareDocument.js';
import { packClauseIds } from '../core/tables/codingTable.js';
import { countCodes, countPairedCodes } from '../core/tables/countCodes.js';
import { NONE, type Clause, type Coding, type DocumentMetadata, type DocumentStatus } from '../core/types.js';
import type { ExtractOutcome } from '../io/extract/extractDocument.js';

/** What the pipeline needs from the outside to turn an extraction into coded clauses. */
export interface CodingIo {
  segment(text: string): string[];
  /** People's codes for a document's clauses, which replace the automatic ones (see pipeline/manualOverrides.ts). */
  manual?(docSha256: string, file: string, clauses: readonly Clause[]): Array<Pick<ManualCode, 'primary' | 'secondary'> | undefined>;
}

export const CLAUSE_COLUMNS = ['clause_id', 'doc_id', 'chapter', 'article', 'item', 'text', 'primary', 'instruments', 'dimensions', 'matched_terms', 'confidence', 'runner_up', 'decided_by', 'in_scope', 'code_source', 'auto_primary'];

/** clauses.csv's columns: the main codebook's, then four for each further codebook of the run. */
export function clauseColumns(further: readonly string[]): string[] {
  return [...CLAUSE_COLUMNS, ...further.flatMap((name) => [`${name}:primary`, `${name}:categories`, `${name}:matched_terms`, `${name}:in_scope`])];
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
  }));
  return compiled.map((book) => codeClauses(units, book));
}

export interface ProcessedDocument {
  summary: DocumentSummary;
  clauseRows: Cell[][];
  /** What duplicate detection compares; the text itself is not kept. */
  duplicateKey: DuplicateCandidate;
}

/** A document ready for coding (core/prepareDocument.ts), or why it could not be read. */
export type DocumentInput = { ok: true; prepared: PreparedDocument } | Extract<ExtractOutcome, { ok: false }>;

/** Codes one prepared document; a failed extraction becomes a listed failure. */
export function processDocument(
  docId: string,
  file: string,
  sha: string,
  outcome: DocumentInput,
  given: GivenMetadata | undefined,
  /** The run's codebooks, the main one first. */
  compiled: readonly CompiledCodebook[],
  io: CodingIo,
): ProcessedDocument {
  if (!outcome.ok) {
    const meta = inferMetadata('', file, given);
    return {
      summary: blankSummary(docId, file, sha, outcome.status, outcome.message, meta),
      clauseRows: [],
      duplicateKey: duplicateKeyOf(docId, sha, meta, []),
    };
  }
  const doc = outcome.prepared;
  const text = doc.text;
  const meta = inferMetadata(text, file, given, doc.title);
  if (text.trim().length === 0) {
    return {
      summary: blankSummary(docId, file, sha, doc.kind === 'pdf' ? 'needs_ocr' : 'empty', doc.kind === 'pdf' ? 'no text layer (a scan?): OCR needed' : 'no text in the file', meta, doc.pages),
      clauseRows: [],
      duplicateKey: duplicateKeyOf(docId, sha, meta, []),
    };
  }
  const kind = doc.classification;
  if (kind.kind === 'not_policy') {
    return {
      summary: { ...blankSummary(docId, file, sha, 'not_policy', kind.message, meta, doc.pages), chars: text.length },
      clauseRows: [],
      duplicateKey: duplicateKeyOf(docId, sha, meta, []),
    };
  }
  const clauses = clausesOf(doc, docId);
  const codings = codeDocumentClauses(clauses, compiled, io);
  const manualCodes = io.manual?.(sha, file, clauses) ?? clauses.map(() => undefined);
  // A manual code replaces the automatic one in every count: pairs use the main code as written to
  // clauses.csv, a reviewer's manual code included.
  const main = codings[0]!.map((c, i) => {
    const manual = manualCodes[i];
    return manual ? applyManualCode(c, manual, compiled[0]!) : c;
  });
  const further: DocumentSummary['further'] = {};
  compiled.slice(1).forEach((book, k) => {
    further[book.codebook.name] = countPairedCodes(main, codings[k + 1]!);
  });
  const clauseRows: Cell[][] = [];
  let coded = 0;
  let inScope = 0;
  const clauseIds: Record<string, string[]> = {};
  clauses.forEach((clause, i) => {
    const manual = manualCodes[i];
    const coding = main[i]!;
    if (coding.primary !== NONE) {
      coded++;
      (clauseIds[coding.primary] ??= []).push(clause.id);
    }
    if (coding.inScope) inScope++;
    clauseRows.push([
      clause.id,
      docId,
      clause.chapter,
      clause.article,
      clause.items.join('.'),
      clause.text,
      coding.primary,
      coding.categories.join(';'),
      coding.dimensions.join(';'),
      matchedTermsCell(coding),
      coding.confidence,
      coding.runnerUp,
      coding.decidedBy,
      coding.inScope ? 'true' : 'false',
      manual ? 'manual' : 'auto',
      // The codebook's own primary, kept beside a person's code so that a reader sees what it replaced.
      codings[0]![i]!.primary,
      ...codings.slice(1).flatMap((cs) => {
        const c = cs[i]!;
        return [c.primary, c.categories.join(';'), matchedTermsCell(c), c.inScope ? 'true' : 'false'];
      }),
    ]);
  });
  return {
    summary: {
      ...blankSummary(docId, file, sha, clauses.length === 0 ? 'empty' : 'ok', clauses.length === 0 ? 'no clauses found in the text' : [kind.message, ...doc.warnings].filter(Boolean).join('; '), meta, doc.pages),
      chars: text.length,
      clauses: clauses.length,
      codedClauses: coded,
      inScopeClauses: inScope,
      further,
      clauseIds: Object.fromEntries(Object.entries(clauseIds).map(([code, ids]) => [code, packClauseIds(docId, ids)])),
      ...countCodes(main),
    },
    clauseRows,
    duplicateKey: duplicateKeyOf(docId, sha, meta, doc.fingerprint),
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
