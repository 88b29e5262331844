import { describe, expect, it } from 'vitest';
import { buildTables, type DocumentSummary } from '../../src/core/tables/buildTables.js';
import type { CodebookOutline } from '../../src/core/tables/CodebookOutline.js';
import { countCodes } from '../../src/core/tables/countCodes.js';
import { packClauseIds, unpackClauseIds } from '../../src/core/tables/codingTable.js';
import { figureData } from '../../src/core/tables/figureData.js';
import { contingency } from '../../src/core/tables/independenceTable.js';
import { categoryLabel, levelLabel, provinceLabel } from '../../src/core/tables/Language.js';
import type { Table } from '../../src/core/tables/Table.js';
import { paperTable } from '../../src/export/formatCell.js';
import { toLatex } from '../../src/export/latex.js';
import { toMarkdown } from '../../src/export/markdown.js';

const main: CodebookOutline = {
  name: 'instruments',
  version: '1',
  sha256: 'x',
  title: { zh: '政策工具', en: 'Policy instruments' },
  dimensions: [
    { id: 'supply', label: { zh: '供给型', en: 'Supply side' } },
    { id: 'environment', label: { zh: '环境型', en: 'Environmental side' } },
  ],
  leaves: [
    { id: 'education', label: { zh: '教育培训', en: 'Education and training' }, dimension: 'supply' },
    { id: 'financial', label: { zh: '财政金融', en: 'Financial support' }, dimension: 'environment' },
    { id: 'taxation', label: { zh: '税收优惠', en: 'Tax incentives' }, dimension: 'environment' },
  ],
};

type Clause = [primary: string, categories: string[]];

function doc(docId: string, province: string | null, year: number | null, level: DocumentSummary['level'], clauses: Clause[]): DocumentSummary {
  const ids: Record<string, string[]> = {};
  clauses.forEach(([p], i) => {
    if (p !== 'none') (ids[p] ??= []).push(`${docId}-0-${i + 1}`);
  });
  const clauseIds = Object.fromEntries(Object.entries(ids).map(([code, list]) => [code, packClauseIds(docId, list)]));
  return {
    docId, file: `${docId}.txt`, sha256: '', title: `${docId} 通知`, province, year, level, pages: 1, chars: 10,
    clauses: clauses.length, codedClauses: clauses.filter(([p]) => p !== 'none').length, status: 'ok', message: '',
    ...countCodes(clauses.map(([primary, categories]) => ({ primary, categories }))),
    inScopeClauses: clauses.length, further: {}, clauseIds, docNumber: null, issuer: null, date: null, provenance: '',
  };
}

// 4 policies, 7 coded clauses; 2019 and 2022 with no policy between them (2020, 2021 are zeros).
const docs = [
  doc('G1', '广东', 2019, 'provincial', [['financial', ['financial']], ['taxation', ['taxation', 'financial']], ['education', ['education']]]),
  doc('G2', '广东', 2022, 'prefecture', [['financial', ['financial']], ['none', []]]),
  doc('Z1', '浙江', 2022, 'provincial', [['education', ['education']]]),
  doc('N1', '全国', 2019, 'national', [['taxation', ['taxation']], ['financial', ['financial']]]),
];
const build = (lang: 'zh' | 'en', provinces: 'present' | 'all' = 'present') => buildTables(docs, [main], { lang, provinces });
const find = (tables: Table[], name: string) => tables.find((t) => t.name === name)!;
/** Everything a reader of the paper sees: caption, headings, cells and notes. */
const visible = (t: Table) => [t.title ?? '', ...paperTable(t).head, ...paperTable(t).rows.flat(), ...(t.notes ?? [])].join('\n');

describe('one language per table', () => {
  it('an English table has no Chinese character except in document titles', () => {
    for (const t of build('en')) {
      const text = t.name === 'coding_table' ? visible({ ...t, rows: t.rows.map((r) => r.filter((_, i) => i !== 1)), columns: t.columns.filter((_, i) => i !== 1) }) : visible(t);
      expect(text, t.name).not.toMatch(/[\u3400-\u9fff\uff08\uff09\uff1a]/);
    }
    expect(find(build('en'), 'provinces').rows.map((r) => r[0])).toEqual(['Guangdong', 'Zhejiang', 'National']);
  });

  it('a Chinese table has no English word of policy-code: ids and the total key become words', () => {
    for (const t of build('zh')) {
      // Latin letters allowed: statistics symbols and the document ids of the coding table.
      const text = visible(t).replace(/Cramér V|Fisher|Pearson|clauses\.csv|clause_id|\bp\b|\bn\b|[A-Z]\d-\d-\d|[GZN]\d/g, '');
      expect(text, t.name).not.toMatch(/[A-Za-z]{2,}/);
    }
    expect(toMarkdown(find(build('zh'), 'crosstab_year_instrument'))).toContain('| 合计 | 2 | 3 | 2 | 7 |');
    expect(toMarkdown(find(build('en'), 'crosstab_year_instrument'))).toContain('| Total | 2 | 3 | 2 | 7 |');
  });

  it('labels a category, dimension, province and level in either language', () => {
    expect([categoryLabel(main, 'taxation', 'en'), categoryLabel(main, 'supply', 'zh'), categoryLabel(main, 'none', 'en')]).toEqual(['Tax incentives', '供给型', 'Not coded']);
    expect([provinceLabel('广东', 'en'), provinceLabel('全国', 'en'), provinceLabel(null, 'zh')]).toEqual(['Guangdong', 'National', '未知']);
    expect([levelLabel('prefecture', 'zh'), levelLabel('county', 'en')]).toEqual(['地市级', 'County']);
  });
});

describe('the instrument table in the field layout', () => {
  it('lists instruments under their dimension with subtotals and a total, by clause and by policy', () => {
    const t = find(build('zh'), 'instrument_structure');
    // Clauses: education 2, financial 3, taxation 2 (7). Policies using (any code): education G1 Z1,
    // financial G1 G2 N1, taxation G1 N1; environment: G1 G2 N1; any instrument: all 4.
    expect(t.rows.map((r) => r.slice(2).map((c) => (typeof c === 'number' ? Math.round(c * 1000) / 1000 : c)))).toEqual([
      ['供给型', '教育培训', 2, 0.286, 2, 0.5],
      ['供给型', '小计', 2, 0.286, 2, 0.5],
      ['环境型', '财政金融', 3, 0.429, 3, 0.75],
      ['环境型', '税收优惠', 2, 0.286, 2, 0.5],
      ['环境型', '小计', 5, 0.714, 3, 0.75],
      ['合计', '', 7, 1, 4, 1],
    ]);
    expect(toMarkdown(t)).toContain('| 环境型 | 财政金融 | 3 | 42.9 | 3 | 75.0 |');
    const tex = toLatex(t);
    expect(tex).toContain('供给型 & 小计 & 2 & 28.6 & 2 & 50.0 \\\\\n\\midrule\n环境型 & 财政金融');
    expect(tex).toContain('\\midrule\n合计 &  & 7 & 100.0 & 4 & 100.0 \\\\');
  });
});

describe('years, provinces and the coding table', () => {
  it('lists every year from the first to the last, zeros included', () => {
    expect(find(build('zh'), 'years').rows).toEqual([[2019, 2, 5, 5], [2020, 0, 0, 0], [2021, 0, 0, 0], [2022, 2, 3, 2]]);
    expect(find(build('zh'), 'crosstab_year_instrument').rows.map((r) => r[0])).toEqual([2019, 2020, 2021, 2022, 'total']);
    expect(figureData(docs, main, 'en').years).toEqual([{ year: 2019, policies: 2 }, { year: 2020, policies: 0 }, { year: 2021, policies: 0 }, { year: 2022, policies: 2 }]);
  });

  it('describes policies per province over all 31 divisions when asked, and says so in the note', () => {
    const all = find(build('en', 'all'), 'province_summary');
    // 广东 2, 浙江 1, 29 zeros: mean 3/31.
    expect(all.rows[0]!.slice(0, 3)).toEqual([31, 3, 3 / 31]);
    expect(all.rows[0]!.slice(10)).toEqual(['Guangdong 2; Zhejiang 1', '29 provinces with 0 each']);
    expect(all.notes!.join(' ')).toContain('all 31 provincial-level divisions');
    const present = find(build('en'), 'province_summary');
    expect(present.rows[0]!.slice(0, 3)).toEqual([2, 3, 1.5]);
    expect(present.notes!.join(' ')).toContain('only provinces with at least one policy');
    expect(find(build('zh', 'all'), 'provinces').rows).toHaveLength(32); // 31 + 全国
  });

  it('the coding table lists each coded clause id once, under its primary code', () => {
    const t = find(build('zh'), 'coding_table');
    expect(t.rows[0]).toEqual(['G1', 'G1 通知', 3, 'G1-0-3', 'G1-0-1', 'G1-0-2']);
    expect(t.rows[1]).toEqual(['G2', 'G2 通知', 1, '', 'G2-0-1', '']);
    const ids = t.rows.flatMap((r) => r.slice(3).join('; ').split('; ').filter(Boolean));
    expect(ids).toHaveLength(7);
    expect(packClauseIds('G1', ['G1-0-1', 'G1-2-3.2', 'other-id'])).toBe('0-1 2-3.2 /other-id');
    expect(unpackClauseIds('G1', '0-1 2-3.2 /other-id')).toEqual(['G1-0-1', 'G1-2-3.2', 'other-id']);
    expect(buildTables(docs.map(({ clauseIds: _, ...d }) => d), [main], { lang: 'zh', provinces: 'present' }).some((x) => x.name === 'coding_table')).toBe(false);
  });
});

describe('independence tests on the summaries', () => {
  it('tests the level x dimension table built from the clauses, as computed by hand', () => {
    // national: environment 2; provincial: supply 2, environment 2; prefecture: environment 1.
    expect(contingency(docs, main, 'level', 'dimension')).toEqual([[0, 2], [2, 2], [0, 1], [0, 0]]);
    const t = find(build('en'), 'independence_tests');
    const row = t.rows.find((r) => r[0] === 'level' && r[1] === 'dimension')!;
    // The empty county row is dropped; expected counts are row total x column share (2/7 supply, 5/7 environment).
    const e = [[4 / 7, 10 / 7], [8 / 7, 20 / 7], [2 / 7, 5 / 7]];
    const o = [[0, 2], [2, 2], [0, 1]];
    const chi = o.flatMap((r, i) => r.map((v, j) => (v - e[i]![j]!) ** 2 / e[i]![j]!)).reduce((a, b) => a + b, 0);
    expect(row.slice(4, 9)).toEqual([3, 2, 7, chi, 2]);
    expect(row[9] as number).toBeCloseTo(Math.exp(-chi / 2), 12);
    expect(row[14]).toBe("expected counts too small: use Fisher's p or merge categories");
    // Fisher's p, simulated (2,000 tables) for this 3 x 2 table; enumerating every table with these margins gives 13/21 (scripts/statistics-reference.py).
    expect(Math.abs((row[13] as number) - 13 / 21)).toBeLessThan(0.04);
  });
});
