import type { AdminLevel, DocumentStatus } from '../types.js';
import type { CodebookOutline } from './CodebookOutline.js';
import { categoriesTable, dimensionsTable } from './codeTables.js';
import type { Counts, PairedCodeCounts } from './countCodes.js';
import { codebookCrosstabs, levelDimensionCrosstabs, provinceInstrumentCrosstabs, yearInstrumentCrosstabs } from './crosstabs.js';
import { codingTable } from './codingTable.js';
import { independenceTable } from './independenceTable.js';
import { instrumentStructureTable } from './instrumentStructureTable.js';
import type { Lang } from './Language.js';
import { provinceSummaryTable, provincesTable, yearsTable, type ProvinceSet } from './provinceTables.js';
import type { Table } from './Table.js';

/**
 * What the tables need to know of one document. Counts only, never the clauses themselves, so a
 * run can stream clauses to disk, `report` can rebuild the tables from summaries.json, and partial
 * runs (shards) can be merged from these summaries. Add fields freely; summariesFile.ts checks
 * only the fields the tables read, and keeps the others as they are.
 */
export interface DocumentSummary {
  docId: string;
  file: string;
  sha256: string;
  title: string;
  province: string | null;
  year: number | null;
  /** Administrative level of the issuer; null when unknown. */
  level: AdminLevel | null;
  pages: number;
  chars: number;
  clauses: number;
  codedClauses: number;
  status: DocumentStatus;
  message: string;
  /** Clauses per primary code (category id or 'none') of the main codebook: each clause once. */
  primaryCounts: Counts;
  /** Clauses per category of the main codebook counting every code of a clause (see countCodes). */
  anyCounts: Counts;
  /** 文号, issuing agency and date (YYYY-MM-DD); null when unknown. */
  docNumber: string | null;
  issuer: string | null;
  date: string | null;
  /** Where each metadata field came from: `province:text:0.85;year:metadata.csv:1`. */
  provenance: string;
  /** Clauses in the main codebook's scope (all clauses when it has no scope). */
  inScopeClauses: number;
  /**
   * For each further codebook of the run, by name: its clauses per primary code, per category (every
   * code of a clause), and per pair (main codebook's primary -> this codebook's primary), 'none'
   * included on both sides. Summed over documents, pairCounts is the codebook x codebook cross-tab.
   */
  further: Record<string, PairedCodeCounts>;
  /**
   * The ids of the clauses under each primary code of the main codebook ('none' left out), in
   * document order, packed (codingTable.ts, packClauseIds): what the coding table (编码表) lists.
   * Absent in summaries of older runs.
   */
  clauseIds?: Record<string, string>;
  /** A counted policy whose text is near-identical to this earlier document (told apart by metadata, 文号 or date). */
  similarTo?: string | null;
  /** Why a `duplicate` was left out: same file bytes, same 文号 or near-identical text. */
  duplicateCause?: string;
}

/** Documents that enter the statistics: read, a policy, and not a duplicate of another. */
export function isCounted(d: DocumentSummary): boolean {
  return d.status === 'ok';
}

export function documentsTable(docs: readonly DocumentSummary[]): Table {
  return {
    name: 'documents',
    columns: [
      ...['doc_id', 'file', 'sha256', 'title', 'province', 'year', 'pages', 'chars', 'clauses', 'coded_clauses', 'status', 'message', 'in_scope_clauses'],
      ...['doc_number', 'issuer', 'date', 'level', 'provenance', 'similar_to'],
    ],
    rows: docs.map((d) => [
      ...[d.docId, d.file, d.sha256, d.title, d.province ?? '', d.year ?? '', d.pages, d.chars, d.clauses, d.codedClauses, d.status, d.message, d.inScopeClauses],
      ...[d.docNumber ?? '', d.issuer ?? '', d.date ?? '', d.level ?? '', d.provenance, d.similarTo ?? ''],
    ]),
  };
}

export interface TableOptions {
  /** The one language of every caption, heading, label and note. */
  lang: Lang;
  /** Provinces listed in the province tables: those with a policy, or all 31 with zeros. */
  provinces: ProvinceSet;
}

/**
 * Every statistical table of a run, from the summaries of the selected documents. `codebooks[0]`
 * is the main codebook (the instruments); each further codebook gets its one-way table and its
 * cross-tabulation against the main one. Only counted documents (isCounted) enter any number.
 */
export function buildTables(docs: readonly DocumentSummary[], codebooks: readonly CodebookOutline[], options: TableOptions): Table[] {
  const main = codebooks[0];
  if (!main) throw new Error('buildTables needs at least the main codebook');
  const counted = docs.filter(isCounted);
  const lang = options.lang;
  const tables: Table[] = [
    instrumentStructureTable(counted, main, lang),
    categoriesTable('instruments', counted, main, (d) => d, lang),
    dimensionsTable(counted, main, lang),
    provincesTable(counted, main, lang, options.provinces),
    provinceSummaryTable(counted, lang, options.provinces),
    yearsTable(counted, lang),
    ...provinceInstrumentCrosstabs(counted, main, lang),
    ...yearInstrumentCrosstabs(counted, main, lang),
    ...levelDimensionCrosstabs(counted, main, lang),
    independenceTable(counted, main, lang),
  ];
  const coding = codingTable(counted, main, lang);
  if (coding) tables.push(coding);
  for (const other of codebooks.slice(1)) {
    tables.push(categoriesTable(`categories_${other.name}`, counted, other, (d) => d.further[other.name] ?? { primaryCounts: {}, anyCounts: {} }, lang));
    tables.push(...codebookCrosstabs(counted, main, other, lang));
  }
  return tables;
}
