import type { DocumentSummary } from '../core/tables/buildTables.js';
import type { Codebook } from '../core/codebook/Codebook.js';
import type { DuplicateCandidate } from '../core/duplicates/findDuplicates.js';
import type { LoadedCodebook } from '../io/readCodebook.js';
import type { Shard } from './parseShard.js';
import type { TableOutputOptions } from './tableOutputs.js';

export const PART_INFO = { file: 'part.json', format: 'policy-code-part/2' } as const;
/** Clause rows of the shard's documents, CSV without header, in document order. */
export const PART_CLAUSES = 'clauses.part.csv';

/** How run.json names a codebook of the run: what it is (name, version) and where it was read (file, sha256). */
type CodebookRecord = Pick<Codebook, 'name' | 'version'> & Pick<LoadedCodebook, 'file' | 'sha256'>;

/**
 * What a shard writes besides its clause rows: enough to rebuild every table of the whole run.
 * `clauses` is the [offset, length] in bytes of the document's rows in PART_CLAUSES.
 */
export interface PartInfo {
  format: string;
  shard: Shard;
  /** Readable documents in the whole corpus; ids and shares are computed over these. */
  documents_total: number;
  corpus_files: string[];
  skipped: string[];
  run: {
    version: string;
    codebook: CodebookRecord;
    further_codebooks: CodebookRecord[];
    corpus: string;
    [key: string]: unknown;
  };
  /** How the shard was asked to make tables (filters, names, BOM); the merge makes them the same way. */
  tables: TableOutputOptions;
  /**
   * `duplicate_key` is what duplicate detection compares: a shard sees only its share of the corpus,
   * so the merge, which sees all of it, decides which documents repeat an earlier one.
   */
  parts: Array<{ index: number; summary: DocumentSummary; clauses: [number, number]; duplicate_key: DuplicateCandidate; pdf_engine?: string }>;
}
