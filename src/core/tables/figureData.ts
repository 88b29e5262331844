import { NATIONAL } from '../metadata/provinces.js';
import { isCounted, type DocumentSummary } from './buildTables.js';
import type { CodebookOutline } from './CodebookOutline.js';
import { ratio, sumCounts } from './codeTables.js';
import { byProvince, provinceLabel, type ProvinceNames } from './provinceTables.js';

/** The numbers behind the figures, computed the same way as the tables they illustrate. */
export interface FigureData {
  /** Provinces only (no central or unknown), most policies first: as in province_summary. */
  provinces: Array<{ label: string; policies: number }>;
  /** Each dimension with its instruments' share of coded clauses (primary code): as in instruments.csv. */
  dimensions: Array<{ id: string; label: string; instruments: Array<{ label: string; share: number }> }>;
  /** Policies per known year, oldest first: as in years.csv. */
  years: Array<{ year: number; policies: number }>;
}

export function figureData(docs: readonly DocumentSummary[], main: CodebookOutline, names: ProvinceNames): FigureData {
  const counted = docs.filter(isCounted);
  const primary = sumCounts(counted, (d) => d.primaryCounts);
  const coded = main.leaves.reduce((a, l) => a + (primary.get(l.id) ?? 0), 0);
  const years = new Map<number, number>();
  for (const d of counted) if (d.year !== null) years.set(d.year, (years.get(d.year) ?? 0) + 1);
  return {
    provinces: byProvince(counted)
      .filter(([p]) => p !== null && p !== NATIONAL)
      .map(([p, ds]) => ({ label: provinceLabel(p, names), policies: ds.length })),
    dimensions: main.dimensions.map((dim) => ({
      id: dim.id,
      label: dim.label.zh,
      instruments: main.leaves.filter((l) => l.dimension === dim.id).map((l) => ({ label: l.label.zh, share: ratio(primary.get(l.id) ?? 0, coded) || 0 })),
    })),
    years: [...years.entries()].sort(([a], [b]) => a - b).map(([year, policies]) => ({ year, policies })),
  };
}
