import { splitClauses } from '../core/clauses/splitClauses.js';
import { codeClause, type CompiledCodebook } from '../core/coding/codeClause.js';
import { matchedTermsCell } from '../core/coding/describeCoding.js';
import type { GivenMetadata } from '../core/metadata/inferMetadata.js';
import { inferMetadata } from '../core/metadata/inferMetadata.js';
import type { DocumentSummary } from '../core/tables/buildTables.js';
import type { Cell } from '../core/tables/Table.js';
import { normalizeText } from '../core/text/normalizeText.js';
import { NONE, type DocumentStatus, type ExtractedDocument } from '../core/types.js';
import type { ExtractOutcome } from '../io/extract/extractDocument.js';

/** What the pipeline needs from the outside to turn an extraction into coded clauses. */
export interface CodingIo {
  segment(text: string): string[];
}

export const CLAUSE_COLUMNS = ['clause_id', 'doc_id', 'chapter', 'article', 'item', 'text', 'primary', 'instruments', 'dimensions', 'matched_terms'];

export interface ProcessedDocument {
  summary: DocumentSummary;
  clauseRows: Cell[][];
}

/** Normalizes, splits and codes one extracted document; a failed extraction becomes a listed failure. */
export function processDocument(
  docId: string,
  file: string,
  sha: string,
  outcome: ExtractOutcome,
  given: GivenMetadata | undefined,
  compiled: CompiledCodebook,
  io: CodingIo,
): ProcessedDocument {
  if (!outcome.ok) {
    const meta = inferMetadata('', file, given);
    return {
      summary: blankSummary(docId, file, sha, outcome.status, outcome.message, meta.title.value ?? '', meta.province.value, meta.year.value),
      clauseRows: [],
    };
  }
  const doc: ExtractedDocument = outcome.document;
  const { text } = normalizeText(doc.pages);
  const meta = inferMetadata(text, file, given, doc.title);
  if (text.trim().length === 0) {
    return {
      summary: blankSummary(docId, file, sha, doc.kind === 'pdf' ? 'needs_ocr' : 'empty', doc.kind === 'pdf' ? 'no text layer (a scan?): OCR needed' : 'no text in the file', meta.title.value ?? '', meta.province.value, meta.year.value, doc.pages.length),
      clauseRows: [],
    };
  }
  const clauses = splitClauses(docId, text);
  const primaryCounts: Record<string, number> = {};
  const clauseRows: Cell[][] = [];
  let coded = 0;
  for (const clause of clauses) {
    const coding = codeClause(clause.id, io.segment(clause.text), compiled);
    primaryCounts[coding.primary] = (primaryCounts[coding.primary] ?? 0) + 1;
    if (coding.primary !== NONE) coded++;
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
    ]);
  }
  return {
    summary: {
      docId,
      file,
      sha256: sha,
      title: meta.title.value ?? '',
      province: meta.province.value,
      year: meta.year.value,
      pages: doc.pages.length,
      chars: text.length,
      clauses: clauses.length,
      codedClauses: coded,
      status: clauses.length === 0 ? 'empty' : 'ok',
      message: clauses.length === 0 ? 'no clauses found in the text' : doc.warnings.join('; '),
      primaryCounts,
    },
    clauseRows,
  };
}

function blankSummary(
  docId: string,
  file: string,
  sha: string,
  status: DocumentStatus,
  message: string,
  title: string,
  province: string | null,
  year: number | null,
  pages = 0,
): DocumentSummary {
  return { docId, file, sha256: sha, title, province, year, pages, chars: 0, clauses: 0, codedClauses: 0, status, message, primaryCounts: {} };
}
