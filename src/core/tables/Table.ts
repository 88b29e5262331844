/** A table ready for export: a name (the file's stem), column names and rows of cells. */
export type Cell = string | number;

/**
 * How the exporters format a numeric column. `share` is a proportion 0..1: four decimals in CSV
 * and xlsx, a percentage with one decimal in the paper formats (Markdown, LaTeX). `decimal2` is a
 * statistic shown with two decimals everywhere. Columns without a kind print numbers as they are.
 */
export type ColumnKind = 'share' | 'decimal2';

export interface Table {
  name: string;
  /** A caption for the paper formats and the xlsx sheet. */
  title?: string;
  columns: string[];
  /** Column headings for the paper formats (e.g. Chinese labels), same length as `columns`. */
  headers?: string[];
  /** Formats of numeric columns, by column name. */
  kinds?: Partial<Record<string, ColumnKind>>;
  rows: Cell[][];
}
