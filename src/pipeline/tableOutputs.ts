import { buildTables, isCounted } from '../core/tables/buildTables.js';
import { figureData } from '../core/tables/figureData.js';
import type { ProvinceNames } from '../core/tables/provinceTables.js';
import { describeConditions, selectDocuments, type Condition } from '../core/tables/selectDocuments.js';
import type { SummariesFile } from '../core/tables/summariesFile.js';
import type { Table } from '../core/tables/Table.js';
import { toCsv } from '../export/csv.js';
import { buildFigures } from '../export/figures.js';
import { toLatex } from '../export/latex.js';
import { toMarkdown } from '../export/markdown.js';
import { renderPng } from '../io/renderPng.js';

export interface TableOutputOptions {
  /** Which documents enter the tables (all when empty). */
  conditions: Condition[];
  provinceNames: ProvinceNames;
  /** A byte order mark at the start of every CSV file. */
  bom: boolean;
  /**
   * CJK fonts for the PNG figures; none means SVG figures only. PNG is asked for (--png) because it
   * is slow: resvg re-reads the 19 MB font collection for every text element, seconds per figure.
   */
  fontFiles: string[];
  /** Writes tables.xlsx (analyze: an XlsxWriter started with the run); default toXlsx, loaded only now. */
  xlsx?: (tables: readonly Table[]) => Promise<Uint8Array>;
}

export const DEFAULT_TABLE_OPTIONS: TableOutputOptions = { conditions: [], provinceNames: 'zh', bom: true, fontFiles: [] };

export const XLSX_FILE = 'tables.xlsx';

export interface TableOutputs {
  /** Output files by path relative to the output folder. */
  files: Map<string, string | Uint8Array>;
  /** What run.json records of how the tables were made. */
  manifest: Record<string, unknown>;
}

/**
 * Every table and figure of a run from its summaries: `<table>.csv` beside documents.csv,
 * `tables/<table>.md` and `.tex`, one workbook `tables.xlsx`, and `figures/<figure>.svg` (+ `.png`).
 */
export async function tableOutputs(summaries: Pick<SummariesFile, 'codebooks' | 'documents'>, options: TableOutputOptions): Promise<TableOutputs> {
  const selected = selectDocuments(summaries.documents, options.conditions, summaries.codebooks);
  const tables = buildTables(selected, summaries.codebooks, { provinceNames: options.provinceNames });
  const files = new Map<string, string | Uint8Array>();
  for (const t of tables) {
    files.set(`${t.name}.csv`, toCsv(t, { bom: options.bom }));
    files.set(`tables/${t.name}.md`, toMarkdown(t));
    files.set(`tables/${t.name}.tex`, toLatex(t));
  }
  // exceljs takes half a second to load: only a run that writes tables pays for it.
  files.set(XLSX_FILE, await (options.xlsx ?? (async (t) => (await import('../io/toXlsx.js')).toXlsx(t)))(tables));
  const figures = buildFigures(figureData(selected, summaries.codebooks[0]!, options.provinceNames));
  const pngs = options.fontFiles.length > 0 ? await Promise.all(figures.map((f) => renderPng(f.svg, options.fontFiles))) : [];
  figures.forEach((f, i) => {
    files.set(`figures/${f.name}.svg`, f.svg);
    if (pngs[i]) files.set(`figures/${f.name}.png`, pngs[i]);
  });
  return {
    files,
    manifest: {
      filters: describeConditions(options.conditions),
      province_names: options.provinceNames,
      bom: options.bom,
      documents: { in_summaries: summaries.documents.length, selected: selected.length, counted: selected.filter(isCounted).length },
      codebooks: summaries.codebooks.map((c) => ({ name: c.name, version: c.version, sha256: c.sha256 })),
      tables: tables.map((t) => t.name),
      figures: { png: options.fontFiles.length > 0, fonts: options.fontFiles },
    },
  };
}
