import { reportClauseOf } from '../core/report/ReportClause.js';
import type { Cell, Table } from '../core/tables/Table.js';
import { csvLine } from '../export/csv.js';
import { formatCell } from '../export/formatCell.js';
import type { EncodedClause, reportRows } from '../export/reportHtml.js';
import type { ProcessedDocument } from './processDocument.js';

/** A document's clause rows as the run writes them: clauses.csv's lines and report.html's clauses. */
export interface EncodedRows {
  csv: string;
  report: EncodedClause[];
  /** Bytes of clause text (for the run's coding throughput). */
  textBytes: number;
}

/**
 * Encodes a coded document's clause rows once, where they are coded (the main thread or a coding
 * worker): the lines of clauses.csv, and each clause for report.html read back from the very cell
 * strings clauses.csv holds (reportClauseOf, as `report` reads the file), so the page a run writes
 * is the page `report` writes from its clauses.csv. `columns` are clauses.csv's header.
 */
export function encodeClauseRows(processed: Pick<ProcessedDocument, 'clauseRows' | 'textBytes'>, columns: readonly string[], encoder: ReturnType<typeof reportRows> | null): EncodedRows {
  // clauses.csv holds no numeric kinds: numbers as String(n), NaN as empty, as csvRows writes them.
  const table: Table = { name: 'clauses', columns: [], rows: processed.clauseRows as Cell[][] };
  const report: EncodedClause[] = [];
  let csv = '';
  for (const row of processed.clauseRows) {
    const cells = row.map((cell, i) => formatCell(table, i, cell, 'data'));
    csv += csvLine(cells);
    // A shard writes no report.html.
    if (!encoder) continue;
    const record: Record<string, string> = {};
    for (let i = 0; i < cells.length; i++) record[columns[i]!] = cells[i]!;
    report.push(encoder.encode(reportClauseOf(record)));
  }
  return { csv, report, textBytes: processed.textBytes };
}
