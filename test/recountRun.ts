import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

// What the recount of the tables (test/recountTables.ts) reads and shares: the counted documents and
// their clauses of an analyze run, exact shares, and the comparison of a published table with a recount.

export type Row = Record<string, string>;

export function readCsv(dir: string, name: string): Row[] {
  return parse(readFileSync(join(dir, name), 'utf8'), { columns: true, bom: true });
}

export const UNKNOWN = '(unknown)';
export const CENTRAL = '全国';
export const LEVELS = ['national', 'provincial', 'prefecture', 'county'];

export interface Run {
  docs: Row[];
  clauses: Row[];
  /** instrument id -> dimension id, in the codebook's order (from instruments.csv's first two columns). */
  dimensionOf: Map<string, string>;
  dimensions: string[];
}

export function loadRun(dir: string, source: string, keep: (d: Row) => boolean): Run {
  const docs = readCsv(source, 'documents.csv').filter((d) => d.status === 'ok' && keep(d));
  const ok = new Set(docs.map((d) => d.doc_id));
  const clauses = readCsv(source, 'clauses.csv').filter((c) => ok.has(c.doc_id!));
  const dimensionOf = new Map(readCsv(dir, 'instruments.csv').map((r) => [r.instrument!, r.dimension!]));
  return { docs, clauses, dimensionOf, dimensions: [...new Set(dimensionOf.values())] };
}

/** n/d to `decimals`, halves rounded up, in integers: exact where floating point is not (41/160 = 0.25625 -> 0.2563). */
export function exact(n: number, d: number, decimals: number): string {
  const unit = 10 ** decimals;
  const whole = Math.floor((2 * n * unit + d) / (2 * d));
  return `${Math.floor(whole / unit)}.${String(whole % unit).padStart(decimals, '0')}`;
}
export const share = (n: number, d: number) => (d === 0 ? '' : exact(n, d, 4));
export const codes = (c: Row) => (c.instruments ? c.instruments.split(';') : []);

/** Compares a published table with the recount, cell by cell, on the columns the recount has. */
export function compare(name: string, published: Row[], recount: Row[], problems: string[]): void {
  if (published.length !== recount.length) problems.push(`${name}: ${published.length} rows published, ${recount.length} recounted`);
  recount.forEach((want, i) => {
    const got = published[i] ?? {};
    for (const [col, value] of Object.entries(want)) {
      if (got[col] !== value) problems.push(`${name} row ${i + 1} (${Object.values(want)[0]}) ${col}: published ${got[col]}, recounted ${value}`);
    }
  });
}

/** The group a document counts under: its province, year or level, or (unknown). */
export function groupOf(d: Row, by: 'province' | 'year' | 'level'): string {
  return d[by] || UNKNOWN;
}

export function clausesOf(run: Run, docIds: Set<string>): Row[] {
  return run.clauses.filter((c) => docIds.has(c.doc_id!));
}
