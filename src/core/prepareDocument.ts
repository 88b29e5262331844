import { type CodingUnit } from './clauses/segmentText.js';
import { splitClauses } from './clauses/splitClauses.js';
import { textFingerprint } from './duplicates/textFingerprint.js';
import { classifyDocument, type Classification } from './metadata/classifyDocument.js';
import { normalizeText } from './text/normalizeText.js';
import type { Clause, ExtractedDocument } from './types.js';

/**
 * Everything about a document that depends only on its extracted pages, not on the codebook, the
 * metadata file or the document's place in the corpus: normalized text, kind, clauses and the
 * duplicate fingerprint. It is what a re-coding would otherwise recompute for every document, so
 * the pipeline caches it by content hash (io/PreparedCache.ts).
 */
export interface PreparedDocument {
  kind: ExtractedDocument['kind'];
  method: ExtractedDocument['method'];
  pages: number;
  title?: string;
  warnings: string[];
  /** The program that read a PDF's text layer. */
  engine?: ExtractedDocument['engine'];
  text: string;
  classification: Classification;
  /** Clauses of a policy text, with an empty document id (ids begin with '-'): see clausesOf. */
  clauses: Clause[];
  /** The unit the clauses were cut in (withUnit cuts them again for another). */
  unit: CodingUnit;
  /** textFingerprint of a policy text; empty otherwise. */
  fingerprint: number[];
}

export function prepareDocument(doc: ExtractedDocument, unit: CodingUnit): PreparedDocument {
  const { text } = normalizeText(doc.pages);
  const classification = classifyDocument(text);
  const policy = text.trim().length > 0 && classification.kind === 'policy';
  return {
    kind: doc.kind,
    method: doc.method,
    pages: doc.pages.length,
    ...(doc.title !== undefined ? { title: doc.title } : {}),
    warnings: doc.warnings,
    ...(doc.engine !== undefined ? { engine: doc.engine } : {}),
    text,
    classification,
    clauses: policy ? splitClauses('', text, { unit }) : [],
    unit,
    fingerprint: policy ? textFingerprint(text) : [],
  };
}

/** The prepared document with its clauses in `unit` (a cached entry may hold the other unit's; older entries have none). */
export function withUnit(prepared: PreparedDocument, unit: CodingUnit): PreparedDocument {
  if (prepared.unit === unit) return prepared;
  const policy = prepared.text.trim().length > 0 && prepared.classification.kind === 'policy';
  return { ...prepared, unit, clauses: policy ? splitClauses('', prepared.text, { unit }) : [] };
}

/** The prepared clauses under their document's id (D007-2-14 for the stored -2-14). */
export function clausesOf(prepared: PreparedDocument, docId: string): Clause[] {
  return prepared.clauses.map((c) => ({ ...c, docId, id: docId + c.id }));
}
