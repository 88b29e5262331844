import { stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { DEFAULT_UNIT } from '../core/clauses/segmentText.js';
import { UserError } from '../core/errors.js';
import { inferMetadata } from '../core/metadata/inferMetadata.js';
import { prepareDocument, type PreparedDocument } from '../core/prepareDocument.js';
import type { DocumentMetadata, ExtractedDocument } from '../core/types.js';
import { corpusDocuments, documentId } from './corpusDocuments.js';
import { corpusMetadata } from './corpusMetadata.js';
import { Extractor, type ExtractorOptions } from './Extractor.js';
import { readRerunSettings } from './rerunSettings.js';

export interface ShowOptions {
  extraction?: ExtractorOptions;
  /** metadata.csv to take the given metadata from (default: the run's, or the corpus folder's). */
  metadata?: string;
}

/** The document `show` was asked about: where it is, and which metadata.csv speaks for it. */
interface Located {
  root: string;
  file: string;
  docId: string | null;
  metadata: string | null;
  /** The corpus's documents, in order: whose byte copies metadata.csv's rows extend to. */
  documents: readonly string[];
}

/** One document as analyze sees it: extracted, prepared, and its metadata with metadata.csv applied. */
export type ShownDocument = { docId: string | null; file: string; sha256: string; cached: boolean } & (
  | { ok: false; status: string; message: string }
  | { ok: true; document: ExtractedDocument; prepared: PreparedDocument; metadata: DocumentMetadata }
);

/**
 * `first` is one document file; or a corpus folder, or an output folder of analyze (its run.json
 * names the corpus and metadata.csv), with `second` a doc_id or a file path inside the corpus.
 */
async function locate(first: string, second: string | undefined, metadata: string | undefined): Promise<Located> {
  if (second === undefined) {
    const info = await stat(first).catch(() => null);
    if (!info?.isFile()) throw new UserError('usage', `not a file: ${first} (give a file, or a corpus or output folder and a doc_id or file)`);
    const root = dirname(first);
    const documents = (await corpusDocuments(root).catch(() => null))?.documents ?? [basename(first)];
    return { root, file: basename(first), docId: null, metadata: metadata ?? null, documents };
  }
  const run = readRerunSettings(first);
  const root = run?.corpus ?? first;
  const { documents } = await corpusDocuments(root);
  const byId = documents.findIndex((_, i) => documentId(i, documents.length) === second.toUpperCase());
  const index = byId >= 0 ? byId : documents.indexOf(second.replace(/\\/g, '/'));
  if (index < 0) throw new UserError('usage', `${second} is neither a doc_id (D001..${documentId(documents.length - 1, documents.length)}) nor a document file of ${root}`);
  return { root, file: documents[index]!, docId: documentId(index, documents.length), metadata: metadata ?? run?.metadata ?? null, documents };
}

/** Reads one document the way analyze does (through the extraction cache), for `show`. */
export async function showDocument(first: string, second: string | undefined, options: ShowOptions = {}): Promise<ShownDocument> {
  const at = await locate(first, second, options.metadata);
  const { given } = await corpusMetadata(at.root, at.metadata, at.documents);
  const extractor = new Extractor(options.extraction);
  const x = await extractor.extract(at.root, at.file).finally(() => extractor.close());
  const base = { docId: at.docId, file: at.file, sha256: x.sha256, cached: x.cached };
  if (!x.outcome.ok) return { ...base, ok: false, status: x.outcome.status, message: x.outcome.message };
  const document = x.outcome.document;
  const prepared = prepareDocument(document, DEFAULT_UNIT);
  return { ...base, ok: true, document, prepared, metadata: inferMetadata(prepared.text, at.file, given.get(at.file), prepared.title) };
}
