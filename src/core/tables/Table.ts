/** A table ready for export: a name (the file's stem), column names and rows of cells. */
export type Cell = string | number;

export interface Table {
  name: string;
  columns: string[];
  rows: Cell[][];
}
