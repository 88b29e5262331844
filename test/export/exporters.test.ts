import { expect, it } from 'vitest';
import type { Table } from '../../src/core/tables/Table.js';
import { toCsv } from '../../src/export/csv.js';
import { escapeLatex, toLatex } from '../../src/export/latex.js';
import { toMarkdown } from '../../src/export/markdown.js';
import { escapeXml, horizontalBarChart } from '../../src/export/svgCharts.js';

const table: Table = {
  name: 'shares_test',
  title: 'R&D 50% of_all',
  columns: ['instrument', 'clauses', 'share', 'mean'],
  headers: ['政策工具', '条款数', '占比', '均值'],
  kinds: { share: 'share', mean: 'decimal2' },
  rows: [
    ['财政|金融', 1, 0.0625, 4.3636],
    ['total', 16, 1, NaN],
  ],
};

it('writes CSV with shares as proportions, a BOM by default and none with bom: false', () => {
  expect(toCsv(table)).toBe('\ufeffinstrument,clauses,share,mean\n财政|金融,1,0.0625,4.36\ntotal,16,1.0000,\n');
  expect(toCsv(table, { bom: false }).startsWith('instrument')).toBe(true);
});

it('writes Markdown with percentages to one decimal, headers in Chinese and | escaped', () => {
  expect(toMarkdown(table)).toBe(
    [
      '**R&D 50% of_all**',
      '',
      '| 政策工具 | 条款数 | 占比 (%) | 均值 |',
      '|---|--:|--:|--:|',
      '| 财政\\|金融 | 1 | 6.3 | 4.36 |',
      '| total | 16 | 100.0 |  |',
      '',
    ].join('\n'),
  );
});

it('writes a booktabs LaTeX table with special characters escaped and a note on CJK', () => {
  expect(escapeLatex('a_b & 5% $x$ #1 {y} ~ ^ \\')).toBe('a\\_b \\& 5\\% \\$x\\$ \\#1 \\{y\\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}');
  const tex = toLatex(table);
  expect(tex).toContain('xeCJK');
  expect(tex).toContain('\\caption{R\\&D 50\\% of\\_all}');
  expect(tex).toContain('\\begin{tabular}{lrrr}\n\\toprule\n政策工具 & 条款数 & 占比 (\\%) & 均值 \\\\\n\\midrule\n财政|金融 & 1 & 6.3 & 4.36 \\\\\n\\midrule\ntotal & 16 & 100.0 &  \\\\\n\\bottomrule');
});

it('draws one bar per value, longest for the largest, with labels escaped', () => {
  expect(escapeXml('<a & "b">')).toBe('&lt;a &amp; &quot;b&quot;&gt;');
  const svg = horizontalBarChart('各省份', [{ label: '', color: '#000', bars: [{ label: '广东', value: 16 }, { label: 'A&B', value: 8 }] }], String);
  const widths = [...svg.matchAll(/<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)"/g)].map((m) => Number(m[1]));
  expect(widths).toEqual([460, 230]);
  expect(svg).toContain('>广东</text>');
  expect(svg).toContain('>A&amp;B</text>');
});
