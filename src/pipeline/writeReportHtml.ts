import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../core/errors.js';
import { reportClauseOf, type ReportClause } from '../core/report/ReportClause.js';
import type { DocumentSummary } from '../core/tables/buildTables.js';
import type { CodebookOutline } from '../core/tables/CodebookOutline.js';
import { figureData } from '../core/tables/figureData.js';
import { provinceOf } from '../core/tables/provinceTables.js';
import { describeConditions, selectDocuments } from '../core/tables/selectDocuments.js';
import { buildFigures } from '../export/figures.js';
import { REPORT_BLOCK, reportPage } from '../export/reportHtml.js';
import type { ReportLanguage } from '../export/reportStrings.js';
import type { Table } from '../core/tables/Table.js';
import { OutputStage, type StagedStream } from '../io/OutputStage.js';
import type { EncodedBlocks } from './ReportClauseBlocks.js';
import type { TableOutputOptions } from './tableOutputs.js';

const REPORT_HTML = 'report.html';

export interface ReportHtmlInput {
  /** Folder to write report.html into. */
  out: string;
  /** The clauses.csv whose rows the clause browser shows (read by column name). */
  clausesCsv: string;
  corpus: string;
  /** The run's codebook outlines, the main one first. */
  codebooks: readonly CodebookOutline[];
  documents: readonly DocumentSummary[];
  tables: TableOutputOptions;
  /** Language of the page's words and category labels (default: the tables' language). */
  lang?: ReportLanguage;
  /** The tables every caller has just built from these documents with these options: not built again. */
  built: readonly Table[];
  /**
   * Within analyze or recode: the run's stage (the page is committed with the tables) and the clause
   * blocks encoded while coding (ReportClauseBlocks), so that clauses.csv is not read again.
   */
  run?: { stage: OutputStage; blocks: EncodedBlocks };
}

/**
 * Writes report.html: the overview of the selected documents (the same tables and figures as the
 * files beside it) and every clause of those documents from clauses.csv (or, within a run, from
 * the blocks encoded while coding), streamed in blocks so memory stays flat however many clauses
 * there are. Staged: a failure leaves the old page.
 */
export async function writeReportHtml(input: ReportHtmlInput): Promise<{ file: string; clauses: number }> {
  const main = input.codebooks[0]!;
  const lang = input.lang ?? input.tables.lang ?? 'zh';
  const selected = selectDocuments(input.documents, input.tables.conditions, input.codebooks);
  const page = reportPage({
    lang,
    corpus: input.corpus,
    codebook: main,
    filters: describeConditions(input.tables.conditions).join('; '),
    documents: selected.map((d) => ({ docId: d.docId, title: d.title, file: d.file, province: provinceOf(d), year: d.year, status: d.status, message: d.message })),
    tables: [...input.built],
    figures: buildFigures(figureData(selected, main, lang)),
  });
  if (input.run) {
    const out = input.run.stage.stream(REPORT_HTML);
    await out.write(page.head);
    for await (const block of createReadStream(input.run.blocks.path)) await out.write(block as Buffer);
    await out.write(page.tail);
    return { file: join(input.out, REPORT_HTML), clauses: input.run.blocks.clauses };
  }
  const wanted = new Set(selected.map((d) => d.docId));
  const stage = await OutputStage.open(input.out);
  const out = stage.stream(REPORT_HTML);
  let clauses = 0;
  try {
    await out.write(page.head);
    // A folder without clauses.csv (an analyze that found no document) still gets its overview.
    if (existsSync(input.clausesCsv)) clauses = await writeClausesFromCsv(input.clausesCsv, wanted, page.chunk, out);
    await out.write(page.tail);
  } catch (err) {
    await stage.abort();
    // csv-parse's errors carry a CSV_* code: the file is bad, not the program.
    if (String((err as { code?: unknown }).code ?? '').startsWith('CSV_')) throw new UserError('input', `${input.clausesCsv}: not a valid CSV (${(err as Error).message.split('\n')[0]})`);
    throw err;
  }
  await stage.commit();
  return { file: join(input.out, REPORT_HTML), clauses };
}

/** The clause blocks from clauses.csv: the rows of the wanted documents, REPORT_BLOCK at a time. */
async function writeClausesFromCsv(file: string, wanted: ReadonlySet<string>, chunk: (clauses: readonly ReportClause[]) => string, out: StagedStream): Promise<number> {
  let clauses = 0;
  let batch: ReportClause[] = [];
  // Loaded here: a run that coded its clauses writes the page without reading clauses.csv back.
  const { parse } = await import('csv-parse');
  const rows = createReadStream(file).pipe(parse({ bom: true, columns: true, relax_column_count: true, skip_empty_lines: true }));
  for await (const row of rows as AsyncIterable<Record<string, string>>) {
    if (!wanted.has(row.doc_id ?? '')) continue;
    batch.push(reportClauseOf(row));
    if (batch.length === REPORT_BLOCK) {
      await out.write(chunk(batch));
      clauses += batch.length;
      batch = [];
    }
  }
  await out.write(chunk(batch));
  return clauses + batch.length;
}
