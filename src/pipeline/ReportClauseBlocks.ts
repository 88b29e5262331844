import type { DocumentSummary } from '../core/tables/buildTables.js';
import type { CodebookOutline } from '../core/tables/CodebookOutline.js';
import { selectDocuments, type Condition } from '../core/tables/selectDocuments.js';
import { REPORT_BLOCK, reportRows, type EncodedClause } from '../export/reportHtml.js';
import type { OutputStage } from '../io/OutputStage.js';

/** Where a run's clause blocks ended up: the scratch file, and how many clauses it holds. */
export interface EncodedBlocks {
  path: string;
  clauses: number;
}

/**
 * report.html's clause blocks, put together while the run codes its documents (each document's
 * clauses come encoded by encodeClauseRows, on the main thread or in a coding worker) in a scratch
 * file of the output stage, instead of reading clauses.csv back and parsing it at the end (a
 * second of a re-code of 1,000 documents). Documents come in id order, as clauses.csv gets them.
 */
export class ReportClauseBlocks {
  private batch: string[] = [];
  private documents = 0;
  private clauses = 0;
  readonly encoder: ReturnType<typeof reportRows>;
  private readonly file: ReturnType<OutputStage['scratch']>;

  constructor(
    stage: OutputStage,
    main: CodebookOutline,
    private readonly outlines: readonly CodebookOutline[],
    /** The tables' filters: the page lists (and numbers) only the documents they select. */
    private readonly conditions: readonly Condition[],
  ) {
    this.encoder = reportRows(main);
    this.file = stage.scratch('report.html.clauses');
  }

  /** A coded document, after duplicates are marked (a duplicate's clauses are not written). */
  async add(summary: DocumentSummary, clauses: readonly EncodedClause[]): Promise<void> {
    if (this.conditions.length > 0 && selectDocuments([summary], this.conditions, this.outlines).length === 0) return;
    const doc = this.documents++;
    for (const c of clauses) {
      this.batch.push(this.encoder.row(c, doc));
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
    await this.file.write(this.encoder.block(this.batch));
    this.clauses += this.batch.length;
    this.batch = [];
  }
}
