/** A table ready for export: a name (the file's stem), column names and rows of cells. */
export type Cell = string | number;

/**
 * How the exporters format a numeric column. `share` is a proportion 0..1: four decimals in CSV
 * and xlsx, a percentage with one decimal in the paper formats (Markdown, LaTeX). `decimal2` is a
 * statistic shown with two decimals everywhere, `decimal3` with three, `pvalue` with three
 * decimals and "< 0.001" below that in the paper formats.
 */
export type ColumnKind = 'share' | 'decimal2' | 'decimal3' | 'pvalue';

/**
 * The paper formats (Markdown, LaTeX, xlsx) show a table as a reader of a paper sees it: headings
 * and captions in one language, no column that only software needs, data keys such as `total`
 * written as words. CSV keeps ids and keys so that scripts keep working whatever the language.
 */
export interface Table {
  name: string;
  /** A caption for the paper formats and the xlsx sheet. */
  title?: string;
  columns: string[];
  /** Column headings for the paper formats, same length as `columns`. */
  headers?: string[];
  /** Formats of numeric columns, by column name. */
  kinds?: Partial<Record<string, ColumnKind>>;
  rows: Cell[][];
  /** Columns left out of the paper formats (ids that the label columns already name). */
  dataOnly?: string[];
  /** Whole-cell replacements in the paper formats: data keys as words (total -> 合计). */
  paperText?: Record<string, string>;
  /** Row indices before which the paper formats draw a rule (subtotals, totals). */
  rules?: number[];
  /** Notes printed under the table in the paper formats: what was counted, choices made. */
  notes?: string[];
  /** false for tables of long text cells that no page holds (the coding table): no .tex file. */
  latex?: false;
}
