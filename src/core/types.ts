/**
 * The nouns of policy-code. Data flows one way:
 * files -> ExtractedDocument -> normalized text -> Clause[] -> Coding[] -> tables.
 * Everything here is plain data so that it can cross to and from the reader processes and be cached as JSON.
 */

/** One page of extracted text, as the extractor gave it (raw, never edited afterwards). */
export interface Page {
  number: number;
  text: string;
}

export type SourceKind = 'pdf' | 'txt' | 'html' | 'docx' | 'doc';

/** How the text of a document was obtained. */
export type ExtractionMethod = 'text-layer' | 'ocr' | 'plain' | 'markup' | 'converted';

/**
 * Status of a document in a run. `ok` documents are coded; the others are listed in documents.csv
 * with a one-line message and counted in the run's exit status where they are failures.
 */
export type DocumentStatus =
  | 'ok'
  | 'failed' // could not be read at all (corrupt, encrypted, timeout, ...)
  | 'empty' // readable but no text in it
  | 'needs_ocr' // no usable text layer and OCR is not available
  | 'needs_conversion' // a .doc or .wps file and LibreOffice is not installed
  | 'refused' // over a limit (file size, unpacked size of an archive or a PDF stream, text size): not read
  | 'duplicate' // the same policy as an earlier document; counted once
  | 'not_policy' // readable, but not a policy document (e.g. a newspaper page)
  | 'skipped'; // a file type policy-code does not read

/** Statuses of documents that could not be read: they make the run's exit status 1. */
export const UNREAD_STATUSES: readonly DocumentStatus[] = ['failed', 'refused', 'needs_ocr', 'needs_conversion', 'empty'];

/** The result of reading one file: raw pages plus provenance. */
export interface ExtractedDocument {
  kind: SourceKind;
  method: ExtractionMethod;
  pages: Page[];
  /** Title found by the extractor itself (e.g. an HTML <title>), if any. */
  title?: string;
  /** Non-fatal remarks, e.g. "2 pages read with OCR". */
  warnings: string[];
  /** The program that read a PDF's text layer (run.json lists it per document). */
  engine?: 'pdf-parse' | 'poppler';
}

/** Where a metadata value came from, most trusted first. */
export type MetadataSource = 'metadata.csv' | 'folder' | 'text' | 'none';

export interface MetadataField<T> {
  value: T | null;
  source: MetadataSource;
  /** 0..1, how sure the tool is. 1 for metadata.csv, lower for inferences from text. */
  confidence: number;
}

export type AdminLevel = 'national' | 'provincial' | 'prefecture' | 'county';

export interface DocumentMetadata {
  title: MetadataField<string>;
  docNumber: MetadataField<string>;
  issuer: MetadataField<string>;
  date: MetadataField<string>;
  year: MetadataField<number>;
  level: MetadataField<AdminLevel>;
  province: MetadataField<string>;
  /** Guesses from the body (places named in passing, years cited), for a person to check; never a field's value. */
  candidates?: Array<{ field: 'province' | 'year'; value: string; confidence: number }>;
}

/** A clause: the unit of coding, with a stable id in the field's convention (doc-chapter-article...). */
export interface Clause {
  id: string;
  docId: string;
  /** Chapter number (第X章, or the top-level 一、 heading where there are no chapters); 0 = none. */
  chapter: number;
  /** Article number (第X条, or （一） under a 一、 heading); 0 = none. */
  article: number;
  /** Item path below the article (1. / （1）), empty when none. */
  items: number[];
  /** Sentence part within a long unit, 0 when the unit was not split. */
  part: number;
  /** Heading of the enclosing chapter/section, for context. */
  heading: string;
  text: string;
  /** [start, end) offsets into the normalized text of the document. */
  start: number;
  end: number;
}

/** One matched rule occurrence: the evidence for a code. */
export interface Match {
  category: string;
  /** The matched text: a keyword, or the text a pattern matched. */
  term: string;
  /** The regular expression that matched, when the evidence comes from a pattern. */
  pattern?: string;
  /** The decision rule that produced this evidence (e.g. "rule 2: obligation.market"), when not a keyword. */
  rule?: string;
  /** A topic term (rule 1): counted only beside a measure of the same category. */
  topic?: true;
  /** True when the match lies in the heading of its item and its weight was multiplied (rule 4). */
  heading?: true;
  /** [start, end) character offsets into the clause text. */
  start: number;
  end: number;
  weight: number;
}

/** The codes a codebook gives one clause. */
export interface Coding {
  unitId: string;
  /** Primary category id, or 'none'. */
  primary: string;
  /** Every category with a match, in codebook order. */
  categories: string[];
  /** Top-level dimensions of those categories, in codebook order. */
  dimensions: string[];
  /** Score per matched category. */
  scores: Record<string, number>;
  matches: Match[];
  /** False when the codebook's scope filter excluded the clause. */
  inScope: boolean;
  /** 0..1: how clearly the evidence singles out the primary code (see core/coding/confidence.ts). */
  confidence: number;
  /** The category with the second highest score, '' when there is none. */
  runnerUp: string;
  /** What decided the primary code: a decision rule's label, 'terms', or 'no evidence'. */
  decidedBy: string;
}

export const NONE = 'none';
