import { NATIONAL } from '../metadata/provinces.js';
import { isCounted, type DocumentSummary } from './buildTables.js';
import type { CodebookOutline } from './CodebookOutline.js';
import { ratio, sumCounts } from './codeTables.js';
import { labelIn, type Lang } from './Language.js';
import { byProvince, provinceLabel, yearSpan } from './provinceTables.js';

/** The numbers behind the figures, computed the same way as the tables they illustrate. */
export interface FigureData {
  lang: Lang;
  /** Provinces only (no central or unknown), most policies first: as in province_summary. */
  provinces: Array<{ label: string; policies: number }>;
  /** Each dimension with its instruments' share of coded clauses (primary code): as in instruments.csv. */
  dimensions: Array<{ id: string; label: string; instruments: Array<{ label: string; share: number }> }>;
  /** Policies per year from the first to the last known year, zeros included: as in years.csv. */
  years: Array<{ year: number; policies: number }>;
}

export function figureData(docs: readonly DocumentSummary[], main: CodebookOutline, lang: Lang): FigureData {
  const counted = docs.filter(isCounted);
  const primary = sumCounts(counted, (d) => d.primaryCounts);
  const coded = main.leaves.reduce((a, l) => a + (primary.get(l.id) ?? 0), 0);
  return {
    lang,
    provinces: byProvince(counted)
      .filter(([p]) => p !== null && p !== NATIONAL)
      .map(([p, ds]) => ({ label: provinceLabel(p, lang), policies: ds.length })),
    dimensions: main.dimensions.map((dim) => ({
      id: dim.id,
      label: labelIn(dim.label, dim.id, lang),
      instruments: main.leaves
        .filter((l) => l.dimension === dim.id)
        .map((l) => ({ label: labelIn(l.label, l.id, lang), share: ratio(primary.get(l.id) ?? 0, coded) || 0 })),
    })),
    years: yearSpan(counted).map((year) => ({ year, policies: counted.filter((d) => d.year === year).length })),
  };
}
