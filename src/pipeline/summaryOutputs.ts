import { documentsTable, type DocumentSummary } from '../core/tables/buildTables.js';
import type { CodebookOutline } from '../core/tables/CodebookOutline.js';
import type { Table } from '../core/tables/Table.js';
import { serializeSummaries, SUMMARIES_FILE } from '../core/tables/summariesFile.js';
import { toCsv } from '../export/csv.js';
import type { OutputStage } from '../io/OutputStage.js';
import { OutputSink } from './OutputSink.js';
import { tableOutputs, type TableOutputOptions } from './tableOutputs.js';

/**
 * Every output of a run except clauses.csv (which is streamed) and run.json, built from the
 * per-document summaries alone: documents.csv, summaries.json, and the tables and figures. analyze
 * and merge both call this, which is what makes a merge of shards byte-identical to one run: a new
 * output must be added here (or in tableOutputs), and built from summaries only. Files go to
 * `sink` as they are made (kept in `files` by default).
 */
export async function summaryOutputs(
  outlines: readonly CodebookOutline[],
  documents: readonly DocumentSummary[],
  options: TableOutputOptions,
  sink = new OutputSink(),
): Promise<{ files: Map<string, string | Uint8Array>; manifest: Record<string, unknown>; tables: Table[] }> {
  await sink.add('documents.csv', toCsv(documentsTable(documents), { bom: options.bom }));
  await sink.add(SUMMARIES_FILE, serializeSummaries(outlines, documents));
  const tables = await tableOutputs({ codebooks: [...outlines], documents: [...documents] }, options, sink);
  return { files: sink.files, manifest: tables.manifest, tables: tables.tables };
}

/**
 * summaryOutputs written into a run's stage as they are made (OutputSink), not all held to the end.
 * Every write is settled before a failure goes on, so the caller's abort finds each temporary file.
 */
export async function writeSummaryOutputs(
  stage: OutputStage,
  outlines: readonly CodebookOutline[],
  documents: readonly DocumentSummary[],
  options: TableOutputOptions,
): Promise<{ manifest: Record<string, unknown>; tables: Table[] }> {
  const sink = new OutputSink((name, content) => stage.put(name, content));
  const made = await summaryOutputs(outlines, documents, options, sink).finally(() => sink.settle().catch(() => undefined));
  await sink.settle();
  return { manifest: made.manifest, tables: made.tables };
}
