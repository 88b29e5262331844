import { reportClauseOf } from '../core/report/ReportClause.js';
import type { DocumentSummary } from '../core/tables/buildTables.js';
import type { CodebookOutline } from '../core/tables/CodebookOutline.js';
import { selectDocuments, type Condition } from '../core/tables/selectDocuments.js';
import type { Cell, Table } from '../core/tables/Table.js';
import { formatCell } from '../export/formatCell.js';
import { REPORT_BLOCK, reportRows } from '../export/reportHtml.js';
import type { OutputStage } from '../io/OutputStage.js';

/** Where a run's clause blocks ended up: the scratch file, and how many clauses it holds. */
export interface EncodedBlocks {
  path: string;
  clauses: number;
}

/**
 * report.html's clause blocks, encoded while the run codes its documents (their rows are at hand
 * then) into a scratch file of the output stage, instead of reading clauses.csv back and parsing it
 * at the end (a second of a re-code of 1,000 documents). Each clause goes through the same
 * reportClauseOf as a row read from clauses.csv, from the cell strings clauses.csv holds, so the
 * page is byte for byte the one `report` writes from that file. Documents come in id order, as they
 * are written to clauses.csv.
 */
export class ReportClauseBlocks {
  private batch: string[] = [];
  private documents = 0;
  private clauses = 0;
  private readonly rows: ReturnType<typeof reportRows>;
  private readonly file: ReturnType<OutputStage['scratch']>;
  /** clauses.csv holds no numeric kinds: formatCell writes numbers as String(n), NaN as empty. */
  private readonly cellTable: Table;

  constructor(
    stage: OutputStage,
    main: CodebookOutline,
    private readonly columns: readonly string[],
    private readonly outlines: readonly CodebookOutline[],
    /** The tables' filters: the page lists (and numbers) only the documents they select. */
    private readonly conditions: readonly Condition[],
  ) {
    this.rows = reportRows(main);
    this.file = stage.scratch('report.html.clauses');
    this.cellTable = { name: 'clauses', columns: [], rows: [] };
  }

  /** A coded document (after duplicates are marked: a duplicate has no clause rows left). */
  async add(summary: DocumentSummary, clauseRows: readonly Cell[][]): Promise<void> {
    if (this.conditions.length > 0 && selectDocuments([summary], this.conditions, this.outlines).length === 0) return;
    const doc = this.documents++;
    for (const cells of clauseRows) {
      const record: Record<string, string> = {};
      cells.forEach((cell, i) => (record[this.columns[i]!] = formatCell(this.cellTable, i, cell, 'data')));
      this.batch.push(this.rows.row(reportClauseOf(record), doc));
      if (this.batch.length === REPORT_BLOCK) await this.flush();
    }
  }

  async finish(): Promise<EncodedBlocks> {
    await this.flush();
    await this.file.close();
    return { path: this.file.path, clauses: this.clauses };
  }

  private async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    await this.file.write(this.rows.block(this.batch));
    this.clauses += this.batch.length;
    this.batch = [];
  }
}
