import { UserError } from '../core/errors.js';
import { buildTables, isCounted, type DocumentSummary } from '../core/tables/buildTables.js';
import { figureData } from '../core/tables/figureData.js';
import { methodsFacts, type ReliabilityFacts } from '../core/tables/methodsFacts.js';
import type { Lang } from '../core/tables/Language.js';
import type { ProvinceSet } from '../core/tables/provinceTables.js';
import { describeConditions, selectDocuments, type Condition } from '../core/tables/selectDocuments.js';
import type { SummariesFile } from '../core/tables/summariesFile.js';
import type { Table } from '../core/tables/Table.js';
import { toCsv } from '../export/csv.js';
import { buildFigures } from '../export/figures.js';
import { toLatex } from '../export/latex.js';
import { toMarkdown } from '../export/markdown.js';
import { methodsEn, methodsZh } from '../export/methodsText.js';
import { renderPng } from '../io/renderPng.js';
import { toXlsx } from '../io/toXlsx.js';
import { OutputSink } from './OutputSink.js';
import { VERSION } from './version.js';
import type { CodingUnit } from '../core/clauses/segmentText.js';

export interface TableOutputOptions {
  /** Which documents enter the tables (all when empty). */
  conditions: Condition[];
  /** The one language of captions, headings, labels, notes and figures. */
  lang: Lang;
  /** Provinces in the province tables: with a policy, or all 31 with zeros. */
  provinces: ProvinceSet;
  /** A byte order mark at the start of every CSV file. */
  bom: boolean;
  /**
   * CJK fonts for the PNG figures; none means SVG figures only. PNG is asked for (--png) because it
   * is slow: resvg re-reads the 19 MB font collection for every text element, seconds per figure.
   */
  fontFiles: string[];
  /** Agreement figures for the methods text (from evaluate --json or agreement --json), if any. */
  reliability?: ReliabilityFacts | null;
  /** The unit the clauses were cut in, which the methods text states (report takes it from run.json). */
  unit?: CodingUnit | null;
}

export const DEFAULT_TABLE_OPTIONS: TableOutputOptions = { conditions: [], lang: 'zh', provinces: 'present', bom: true, fontFiles: [] };

const XLSX_FILE = 'tables.xlsx';

export interface TableOutputs {
  /** Output files by path relative to the output folder (none when they went to a writing OutputSink). */
  files: Map<string, string | Uint8Array>;
  /** What run.json records of how the tables were made. */
  manifest: Record<string, unknown>;
  /** The tables themselves (report.html shows some of them). */
  tables: Table[];
}

/** Filters that leave no document are a usage error, never empty tables: say what there is. */
function noMatch(documents: readonly DocumentSummary[], conditions: readonly Condition[]): UserError {
  const years = documents.map((d) => d.year).filter((y): y is number => y !== null);
  const span = years.length ? `, years ${Math.min(...years)}-${Math.max(...years)}` : '';
  const levels = [...new Set(documents.map((d) => d.level).filter(Boolean))].join(', ');
  return new UserError('usage', `no document matches ${describeConditions(conditions).join(' and ')} (${documents.length} documents${span}${levels ? `, levels ${levels}` : ''}): nothing written`);
}

/**
 * Every table and figure of a run from its summaries: `<table>.csv` beside documents.csv,
 * `tables/<table>.md` and `.tex`, one workbook `tables.xlsx`, `figures/<figure>.svg` (+ `.png`), and
 * the methods paragraph `methods.md` (Chinese) and `methods.en.md` from the same facts. Each file
 * goes to `sink` as it is made.
 */
export async function tableOutputs(summaries: Pick<SummariesFile, 'codebooks' | 'documents'>, options: TableOutputOptions, sink = new OutputSink()): Promise<TableOutputs> {
  // Shards written before --lang and --provinces existed carry neither; their tables were Chinese.
  const lang = options.lang ?? 'zh';
  const provinces = options.provinces ?? 'present';
  const selected = selectDocuments(summaries.documents, options.conditions, summaries.codebooks);
  if (options.conditions.length > 0 && selected.length === 0) throw noMatch(summaries.documents, options.conditions);
  const tables = buildTables(selected, summaries.codebooks, { lang, provinces });
  for (const t of tables) {
    await sink.add(`${t.name}.csv`, toCsv(t, { bom: options.bom }));
    await sink.add(`tables/${t.name}.md`, toMarkdown(t));
    if (t.latex !== false) await sink.add(`tables/${t.name}.tex`, toLatex(t));
  }
  await sink.add(XLSX_FILE, toXlsx(tables));
  const facts = methodsFacts(selected, summaries.codebooks[0]!, { version: VERSION, filters: describeConditions(options.conditions), reliability: options.reliability ?? null, unit: options.unit ?? null });
  await sink.add('methods.md', methodsZh(facts));
  await sink.add('methods.en.md', methodsEn(facts));
  const figures = buildFigures(figureData(selected, summaries.codebooks[0]!, lang));
  const pngs = options.fontFiles.length > 0 ? await Promise.all(figures.map((f) => renderPng(f.svg, options.fontFiles))) : [];
  for (const [i, f] of figures.entries()) {
    await sink.add(`figures/${f.name}.svg`, f.svg);
    if (pngs[i]) await sink.add(`figures/${f.name}.png`, pngs[i]);
  }
  return {
    files: sink.files,
    tables,
    manifest: {
      filters: describeConditions(options.conditions),
      lang,
      provinces,
      bom: options.bom,
      documents: { in_summaries: summaries.documents.length, selected: selected.length, counted: selected.filter(isCounted).length },
      codebooks: summaries.codebooks.map((c) => ({ name: c.name, version: c.version, sha256: c.sha256 })),
      tables: tables.map((t) => t.name),
      figures: { png: options.fontFiles.length > 0, fonts: options.fontFiles },
      reliability: options.reliability ?? null,
    },
  };
}
