import type { Codebook } from '../codebook/Codebook.js';
import { NATIONAL } from '../metadata/provinces.js';
import { NONE, type DocumentStatus } from '../types.js';
import { describe, round } from './describe.js';
import type { Table } from './Table.js';

/**
 * What the tables need to know of one document. Counts only, never the clauses themselves, so a
 * run can stream clauses to disk and partial runs (shards) can be merged from these summaries.
 */
export interface DocumentSummary {
  docId: string;
  file: string;
  sha256: string;
  title: string;
  province: string | null;
  year: number | null;
  pages: number;
  chars: number;
  clauses: number;
  codedClauses: number;
  status: DocumentStatus;
  message: string;
  /** Clauses per primary code (category id or 'none'). */
  primaryCounts: Record<string, number>;
  /** Clauses in the main codebook's scope (all clauses when it has no scope). */
  inScopeClauses: number;
  /**
   * For each further codebook of the run, by name: its clauses per primary code, per category (every
   * code of a clause), and per pair (main codebook's primary -> this codebook's primary), 'none'
   * included on both sides. Summed over documents, pairCounts is the codebook x codebook cross-tab.
   */
  further: Record<string, { primaryCounts: Record<string, number>; anyCounts: Record<string, number>; pairCounts: Record<string, Record<string, number>> }>;
}

/** Documents that enter the statistics: read, a policy, and not a duplicate of another. */
export function isCounted(d: DocumentSummary): boolean {
  return d.status === 'ok';
}

const SHARE_DECIMALS = 4;

function share(part: number, whole: number): string {
  return whole === 0 ? round(0, SHARE_DECIMALS) : round(part / whole, SHARE_DECIMALS);
}

export function documentsTable(docs: readonly DocumentSummary[]): Table {
  return {
    name: 'documents',
    columns: ['doc_id', 'file', 'sha256', 'title', 'province', 'year', 'pages', 'chars', 'clauses', 'coded_clauses', 'status', 'message', 'in_scope_clauses'],
    rows: docs.map((d) => [d.docId, d.file, d.sha256, d.title, d.province ?? '', d.year ?? '', d.pages, d.chars, d.clauses, d.codedClauses, d.status, d.message, d.inScopeClauses]),
  };
}

function primaryTotals(docs: readonly DocumentSummary[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const d of docs.filter(isCounted)) {
    for (const [code, n] of Object.entries(d.primaryCounts)) totals.set(code, (totals.get(code) ?? 0) + n);
  }
  return totals;
}

/**
 * Instrument counts by primary code: each coded clause counts once, under its primary instrument,
 * so shares over the coded clauses sum to 1. `share_in_dimension` is the share within the dimension.
 */
export function instrumentsTable(docs: readonly DocumentSummary[], codebook: Codebook): Table {
  const totals = primaryTotals(docs);
  const coded = codebook.leaves.reduce((a, l) => a + (totals.get(l.id) ?? 0), 0);
  const perDimension = new Map<string, number>();
  for (const l of codebook.leaves) perDimension.set(l.dimension, (perDimension.get(l.dimension) ?? 0) + (totals.get(l.id) ?? 0));
  return {
    name: 'instruments',
    columns: ['dimension', 'instrument', 'label', 'clauses', 'share', 'share_in_dimension'],
    rows: codebook.leaves.map((l) => {
      const n = totals.get(l.id) ?? 0;
      return [l.dimension, l.id, l.label.zh, n, share(n, coded), share(n, perDimension.get(l.dimension) ?? 0)];
    }),
  };
}

export function dimensionsTable(docs: readonly DocumentSummary[], codebook: Codebook): Table {
  const totals = primaryTotals(docs);
  const coded = codebook.leaves.reduce((a, l) => a + (totals.get(l.id) ?? 0), 0);
  return {
    name: 'dimensions',
    columns: ['dimension', 'label', 'clauses', 'share'],
    rows: codebook.dimensions.map((d) => {
      const n = codebook.leaves.filter((l) => l.dimension === d.id).reduce((a, l) => a + (totals.get(l.id) ?? 0), 0);
      return [d.id, d.label.zh, n, share(n, coded)];
    }),
  };
}

const UNKNOWN_PROVINCE = '(unknown)';

function provinceKey(d: DocumentSummary): string {
  return d.province ?? UNKNOWN_PROVINCE;
}

/** Policies, clauses and primary codes per dimension for each province, most policies first. */
export function provincesTable(docs: readonly DocumentSummary[], codebook: Codebook): Table {
  const counted = docs.filter(isCounted);
  const byProvince = new Map<string, DocumentSummary[]>();
  for (const d of counted) byProvince.set(provinceKey(d), [...(byProvince.get(provinceKey(d)) ?? []), d]);
  const dimensionOf = new Map(codebook.leaves.map((l) => [l.id, l.dimension]));
  const rows = [...byProvince.entries()]
    .sort(([a, da], [b, db]) => db.length - da.length || (a < b ? -1 : a > b ? 1 : 0))
    .map(([province, ds]) => {
      const perDim = new Map<string, number>();
      for (const d of ds) {
        for (const [code, n] of Object.entries(d.primaryCounts)) {
          const dim = dimensionOf.get(code);
          if (dim) perDim.set(dim, (perDim.get(dim) ?? 0) + n);
        }
      }
      return [
        province,
        ds.length,
        ds.reduce((a, d) => a + d.clauses, 0),
        ds.reduce((a, d) => a + d.codedClauses, 0),
        ...codebook.dimensions.map((dim) => perDim.get(dim.id) ?? 0),
      ];
    });
  return { name: 'provinces', columns: ['province', 'policies', 'clauses', 'coded_clauses', ...codebook.dimensions.map((d) => d.id)], rows };
}

/**
 * Policies per province, described over the provinces that have at least one policy. Central
 * documents and documents of unknown province are not a province and are left out.
 */
export function provinceSummaryTable(docs: readonly DocumentSummary[]): Table {
  const perProvince = new Map<string, number>();
  for (const d of docs.filter(isCounted)) {
    if (d.province === null || d.province === NATIONAL) continue;
    perProvince.set(d.province, (perProvince.get(d.province) ?? 0) + 1);
  }
  const s = describe([...perProvince.values()]);
  return {
    name: 'province_summary',
    columns: ['provinces', 'policies', 'mean', 'sd', 'median', 'min', 'max'],
    rows: [[s.n, s.sum, round(s.mean, 2), round(s.sd, 2), round(s.median, 2), s.n ? s.min : '', s.n ? s.max : '']],
  };
}

export { NONE };
