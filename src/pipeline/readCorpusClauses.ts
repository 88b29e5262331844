import { DEFAULT_UNIT, type CodingUnit } from '../core/clauses/segmentText.js';
import { clausesOf, prepareDocument } from '../core/prepareDocument.js';
import type { Clause } from '../core/types.js';
import { corpusDocuments, documentId } from './corpusDocuments.js';
import { extractInOrder } from './extractInOrder.js';
import { Extractor, type ExtractedFile, type ExtractorOptions } from './Extractor.js';

/** One corpus document cut into clauses, with the same id and clauses `analyze` gives it. */
export interface CorpusDocument {
  docId: string;
  file: string;
  /** Empty when the document could not be read or is not a policy; `problem` then says why. */
  clauses: Clause[];
  problem: string | null;
}

export interface ReadCorpusOptions {
  extraction?: ExtractorOptions;
  /** The unit clauses are cut in (default: item). */
  unit?: CodingUnit;
  onProgress?: (done: number, total: number, file: string) => void;
  /** Ctrl-C or SIGTERM: stop between documents (Interrupted). */
  signal?: AbortSignal;
}

/** A document's clauses as analyze cuts them, or why it has none (the statuses analyze would list). */
function clausesOrProblem(x: ExtractedFile, docId: string, unit: CodingUnit): { clauses: Clause[]; problem: string | null } {
  if (!x.outcome.ok) return { clauses: [], problem: `${x.outcome.status}: ${x.outcome.message}` };
  const prepared = prepareDocument(x.outcome.document, unit);
  if (prepared.text.trim() === '') return { clauses: [], problem: 'no text (a scan?)' };
  if (prepared.classification.kind === 'not_policy') return { clauses: [], problem: prepared.classification.message };
  const clauses = clausesOf(prepared, docId);
  return { clauses, problem: clauses.length === 0 ? 'no clauses found in the text' : null };
}

/**
 * Reads every document of a corpus through the extraction cache and prepares it as analyze does
 * (core/prepareDocument: normalized, classified, cut into clauses), in corpus order, for the commands
 * that inspect clauses without writing the analysis tables (codebook diff, kwic). Unreadable
 * documents are returned with their reason, never thrown.
 */
export async function readCorpusClauses(corpus: string, options: ReadCorpusOptions = {}): Promise<CorpusDocument[]> {
  const { documents } = await corpusDocuments(corpus);
  const unit = options.unit ?? DEFAULT_UNIT;
  const read = (x: ExtractedFile, i: number): CorpusDocument => {
    const docId = documentId(i, documents.length);
    return { docId, file: x.file, ...clausesOrProblem(x, docId, unit) };
  };
  return extractInOrder(new Extractor(options.extraction), corpus, documents, read, options.onProgress, options.signal);
}
