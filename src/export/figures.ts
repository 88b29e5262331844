import type { FigureData } from '../core/tables/figureData.js';
import { pick } from '../core/tables/Language.js';
import { round } from '../core/tables/round.js';
import { columnChart, horizontalBarChart } from './svgCharts.js';

/** Colour-blind-safe (Okabe-Ito) colours, one per dimension in codebook order. */
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442'];

export interface Figure {
  name: string;
  svg: string;
}

/** The three figures of a report as SVG: policies per province, instrument shares, the year trend. */
export function buildFigures(data: FigureData): Figure[] {
  const n = data.provinces.reduce((a, p) => a + p.policies, 0);
  const lang = data.lang;
  return [
    {
      name: 'policies_per_province',
      svg: horizontalBarChart(
        pick(lang, `各省份政策数量（n = ${n}）`, `Policies per province (n = ${n})`),
        [{ label: '', color: PALETTE[0]!, bars: data.provinces.map((p) => ({ label: p.label, value: p.policies })) }],
        String,
      ),
    },
    {
      name: 'instrument_shares',
      svg: horizontalBarChart(
        pick(lang, '政策工具占已编码条款的比例（主编码）', 'Policy instruments: share of coded clauses (primary code)'),
        data.dimensions.map((d, i) => ({
          label: d.label,
          color: PALETTE[i % PALETTE.length]!,
          bars: d.instruments.map((x) => ({ label: x.label, value: x.share * 100 })),
        })),
        (v) => `${round(v, 1)}%`,
      ),
    },
    {
      name: 'year_trend',
      svg: columnChart(pick(lang, '年度政策数量', 'Policies per year'), data.years.map((y) => ({ label: String(y.year), value: y.policies })), PALETTE[0]!),
    },
  ];
}
