import type { Codebook } from '../core/codebook/Codebook.js';
import {
  dimensionsTable,
  documentsTable,
  instrumentsTable,
  provinceSummaryTable,
  provincesTable,
  type DocumentSummary,
} from '../core/tables/buildTables.js';
import type { Table } from '../core/tables/Table.js';

/**
 * Every table of a run (codebooks: the run's codebooks, the main one first) except clauses.csv (which is streamed), built from the per-document
 * summaries alone. analyze and merge both call this, which is what makes a merge of shards
 * byte-identical to one run: a new table must be added here, and built from summaries only.
 */
export function summaryTables(documents: readonly DocumentSummary[], codebooks: readonly Codebook[]): Table[] {
  const codebook = codebooks[0]!;
  return [
    documentsTable(documents),
    instrumentsTable(documents, codebook),
    dimensionsTable(documents, codebook),
    provincesTable(documents, codebook),
    provinceSummaryTable(documents),
  ];
}
