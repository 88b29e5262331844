import type { CodingUnit } from '../clauses/segmentText.js';
import { NATIONAL } from '../metadata/provinces.js';
import { isCounted, type DocumentSummary } from './buildTables.js';
import type { CodebookOutline } from './CodebookOutline.js';
import { LEVELS } from './crosstabs.js';
import { provinceOf } from './provinceTables.js';

/** Agreement figures a methods section reports: of the automatic coder against people, or of coders among themselves. */
export interface ReliabilityFacts {
  kind: 'coder-vs-human' | 'intercoder';
  /** The file the figures come from, as given. */
  source: string;
  units: number;
  /** How many coders an inter-coder file compared; null for the coder against people. */
  coders: number | null;
  percentAgreement: number | null;
  cohenKappa: number | null;
  krippendorffAlpha: number | null;
  macroF1: number | null;
}

/** Everything the methods paragraph states, computed from the same summaries as the tables. */
export interface MethodsFacts {
  version: string;
  documents: number;
  /** Selected documents that do not enter the statistics, by status (failed, duplicate, not_policy, ...). */
  excluded: Record<string, number>;
  years: { first: number; last: number } | null;
  unknownYears: number;
  levels: Record<string, number>;
  provinces: number;
  national: number;
  clauses: number;
  codedClauses: number;
  codebook: CodebookOutline;
  filters: string[];
  reliability: ReliabilityFacts | null;
  /** How the documents were cut into clauses (null: a run that did not record it). */
  unit: CodingUnit | null;
}

export function methodsFacts(
  selected: readonly DocumentSummary[],
  codebook: CodebookOutline,
  extra: { version: string; filters: string[]; reliability: ReliabilityFacts | null; unit: CodingUnit | null },
): MethodsFacts {
  const counted = selected.filter(isCounted);
  const excluded: Record<string, number> = {};
  for (const d of selected) if (!isCounted(d)) excluded[d.status] = (excluded[d.status] ?? 0) + 1;
  const years = counted.map((d) => d.year).filter((y): y is number => y !== null);
  const levels: Record<string, number> = {};
  for (const l of [...LEVELS, 'unknown']) levels[l] = counted.filter((d) => (d.level ?? 'unknown') === l).length;
  const provinces = new Set(counted.map(provinceOf).filter((p) => p !== null && p !== NATIONAL));
  return {
    version: extra.version,
    documents: counted.length,
    excluded,
    years: years.length ? { first: Math.min(...years), last: Math.max(...years) } : null,
    unknownYears: counted.length - years.length,
    levels,
    provinces: provinces.size,
    national: counted.filter((d) => provinceOf(d) === NATIONAL).length,
    clauses: counted.reduce((a, d) => a + d.clauses, 0),
    codedClauses: counted.reduce((a, d) => a + d.codedClauses, 0),
    codebook,
    filters: extra.filters,
    reliability: extra.reliability,
    unit: extra.unit,
  };
}
