import { DEFAULT_UNIT, type CodingUnit } from '../core/clauses/segmentText.js';
import { codebookTerms } from '../core/codebook/Codebook.js';
import { compileCodebook, type CompiledCodebook } from '../core/coding/compileCodebook.js';
import type { GivenMetadata } from '../core/metadata/inferMetadata.js';
import { outlineOf, type CodebookOutline } from '../core/tables/CodebookOutline.js';
import { checkConditions } from '../core/tables/selectDocuments.js';
import { defaultCacheDir } from '../io/ExtractionCache.js';
import { loadCodebooks, type LoadedCodebook } from '../io/readCodebook.js';
import { YamlDataCache } from '../io/YamlDataCache.js';
import { addWords } from '../io/segmenter.js';
import type { AnalyzeOptions } from './analyze.js';
import { corpusDocuments } from './corpusDocuments.js';
import { corpusMetadata } from './corpusMetadata.js';
import { loadManualOverrides, type ManualOverrides } from './manualOverrides.js';
import { DEFAULT_TABLE_OPTIONS, type TableOutputOptions } from './tableOutputs.js';

/** Everything a run decides before it reads a document: what to read, with which codebooks, into which tables. */
export interface RunPlan {
  /** The run's codebooks, the main one first, as files and compiled. */
  books: LoadedCodebook[];
  compiled: CompiledCodebook[];
  outlines: CodebookOutline[];
  unit: CodingUnit;
  /** Every file of the corpus, the readable ones (ids count over these), and the others. */
  files: string[];
  documentFiles: string[];
  skipped: string[];
  /** The documents of this run (a shard's share), with their place in the corpus. */
  selected: Array<{ file: string; index: number }>;
  tableOptions: TableOutputOptions;
  metadata: Map<string, GivenMetadata>;
  /** metadata.csv when there is one: its path and hash, for run.json. */
  metadataFile: { path: string; sha256: string } | null;
  manual: ManualOverrides;
}

/**
 * Checks and loads what a run needs before it reads anything: a bad codebook, an unknown filter or a
 * broken metadata.csv stops the run with nothing written. The codebooks' terms go into the
 * segmenter's dictionary here, so every document is cut with the same words.
 */
export async function planRun(options: AnalyzeOptions): Promise<RunPlan> {
  const extraction = options.extraction ?? {};
  const books = await loadCodebooks(options.codebooks, new YamlDataCache(extraction.cacheDir ?? defaultCacheDir(), extraction.useCache !== false));
  const main = books[0]!.codebook;
  const { files, documents: documentFiles, skipped } = await corpusDocuments(options.corpus);
  const outlines = books.map((b) => outlineOf(b.codebook, b.sha256));
  const unit = options.unit ?? main.unit ?? DEFAULT_UNIT;
  const tableOptions = { ...(options.tables ?? DEFAULT_TABLE_OPTIONS), unit };
  // A filter naming an unknown field or category is a usage error before anything is read.
  checkConditions(tableOptions.conditions, outlines);
  const { given: metadata, file: metadataFile } = await corpusMetadata(options.corpus, options.metadata, documentFiles);
  const manual = await loadManualOverrides(options.manual, main.leaves.map((l) => l.id), options.out);
  for (const b of books) addWords(codebookTerms(b.codebook));
  const selected = documentFiles.map((file, index) => ({ file, index })).filter((d) => !options.shard || d.index % options.shard.count === options.shard.index);
  return {
    books,
    compiled: books.map((b) => compileCodebook(b.codebook)),
    outlines,
    unit,
    files,
    documentFiles,
    skipped,
    selected,
    tableOptions,
    metadata,
    metadataFile,
    manual,
  };
}
