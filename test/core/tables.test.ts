import { describe as group, expect, it } from 'vitest';
import { buildTables, type DocumentSummary } from '../../src/core/tables/buildTables.js';
import type { CodebookOutline } from '../../src/core/tables/CodebookOutline.js';
import { countCodes, countPairedCodes } from '../../src/core/tables/countCodes.js';
import type { Table } from '../../src/core/tables/Table.js';

const main: CodebookOutline = {
  name: 'instruments',
  version: '1',
  sha256: 'x',
  dimensions: [
    { id: 'supply', label: { zh: '供给型' } },
    { id: 'environment', label: { zh: '环境型' } },
  ],
  leaves: [
    { id: 'education', label: { zh: '教育培训' }, dimension: 'supply' },
    { id: 'financial', label: { zh: '财政金融' }, dimension: 'environment' },
    { id: 'taxation', label: { zh: '税收优惠' }, dimension: 'environment' },
  ],
};
const domains: CodebookOutline = {
  name: 'domains',
  version: '1',
  sha256: 'y',
  dimensions: [{ id: 'records', label: { zh: '电子病历' } }, { id: 'drugs', label: { zh: '药品追溯' } }],
  leaves: [
    { id: 'records', label: { zh: '电子病历' }, dimension: 'records' },
    { id: 'drugs', label: { zh: '药品追溯' }, dimension: 'drugs' },
  ],
};

type Clause = [primary: string, categories: string[], domain: string];

/** A summary from clause codes, as processDocument makes it: main codes plus the domain codebook's. */
function doc(docId: string, province: string | null, year: number | null, level: DocumentSummary['level'], clauses: Clause[]): DocumentSummary {
  const codings = clauses.map(([primary, categories]) => ({ primary, categories }));
  const other = clauses.map(([, , d]) => ({ primary: d, categories: d === 'none' ? [] : [d] }));
  return {
    docId, file: `${docId}.txt`, sha256: '', title: docId, province, year, level, pages: 1, chars: 10,
    clauses: clauses.length, codedClauses: clauses.filter(([p]) => p !== 'none').length, status: 'ok', message: '',
    ...countCodes(codings),
    inScopeClauses: clauses.length,
    further: { domains: countPairedCodes(codings, other) },
  };
}

// Hand-checkable corpus: 4 counted documents, 8 clauses, 7 coded, plus one failed document.
const docs: DocumentSummary[] = [
  doc('G1', '广东省', 2020, 'provincial', [['financial', ['financial'], 'records'], ['taxation', ['taxation', 'financial'], 'records'], ['education', ['education'], 'none']]),
  doc('G2', 'Guangdong', 2021, 'prefecture', [['financial', ['financial'], 'drugs'], ['none', [], 'drugs']]),
  doc('Z1', '浙江', 2021, 'provincial', [['education', ['education'], 'none']]),
  doc('N1', '全国', 2020, 'national', [['taxation', ['taxation'], 'records'], ['financial', ['financial'], 'none']]),
  { ...doc('F1', '浙江', 2020, 'provincial', []), status: 'failed' },
];

const tables = buildTables(docs, [main, domains], { lang: 'zh', provinces: 'present' });
const table = (name: string): Table => tables.find((t) => t.name === name)!;
/** A table's rows as objects keyed by column, numbers rounded to 4 decimals. */
const rows = (name: string) =>
  table(name).rows.map((r) => Object.fromEntries(table(name).columns.map((c, i) => [c, typeof r[i] === 'number' ? Math.round((r[i] as number) * 1e4) / 1e4 : r[i]])));

group('one-way tables, by clause and by document', () => {
  it('counts instruments by primary code and by policies using them (any code)', () => {
    // Primary: financial 3 (G1, G2, N1), taxation 2 (G1, N1), education 2 (G1, Z1) -> 7 coded clauses.
    // Any code: financial also in G1's second clause -> 4. Policies using financial: G1, G2, N1 -> 3 of 4.
    expect(rows('instruments')).toEqual([
      { dimension: 'supply', instrument: 'education', label: '教育培训', clauses: 2, share: 0.2857, share_in_dimension: 1, clauses_any_code: 2, policies_using: 2, share_of_policies: 0.5 },
      { dimension: 'environment', instrument: 'financial', label: '财政金融', clauses: 3, share: 0.4286, share_in_dimension: 0.6, clauses_any_code: 4, policies_using: 3, share_of_policies: 0.75 },
      { dimension: 'environment', instrument: 'taxation', label: '税收优惠', clauses: 2, share: 0.2857, share_in_dimension: 0.4, clauses_any_code: 2, policies_using: 2, share_of_policies: 0.5 },
    ]);
  });

  it('counts dimensions the same two ways', () => {
    expect(rows('dimensions')).toEqual([
      { dimension: 'supply', label: '供给型', clauses: 2, share: 0.2857, policies_using: 2, share_of_policies: 0.5 },
      { dimension: 'environment', label: '环境型', clauses: 5, share: 0.7143, policies_using: 3, share_of_policies: 0.75 },
    ]);
  });

  it('spells 广东省 and Guangdong as one province and leaves central documents out of the statistics', () => {
    expect(rows('provinces').map((r) => [r.province, r.policies, r.clauses, r.coded_clauses, r.supply, r.environment])).toEqual([
      ['广东', 2, 5, 4, 1, 3],
      ['浙江', 1, 1, 1, 1, 0],
      ['全国', 1, 2, 2, 0, 2],
    ]);
    // Provinces 广东 2, 浙江 1: mean 1.5, sample sd sqrt(0.5) = 0.7071, population sd 0.5, quartiles 1.25 / 1.75.
    expect(rows('province_summary')).toEqual([
      { provinces: 2, policies: 3, mean: 1.5, sd: 0.7071, sd_population: 0.5, median: 1.5, q1: 1.25, q3: 1.75, min: 1, max: 2, top: '广东 2; 浙江 1', bottom: '浙江 1' },
    ]);
  });

  it('gives English province names on request', () => {
    const en = buildTables(docs, [main], { lang: 'en', provinces: 'present' });
    expect(en.find((t) => t.name === 'provinces')!.rows.map((r) => r[0])).toEqual(['Guangdong', 'Zhejiang', 'National']);
  });
});

group('cross-tabulations', () => {
  it('province x instrument: clause counts with totals, and row shares', () => {
    expect(rows('crosstab_province_instrument')).toEqual([
      { province: '广东', education: 1, financial: 2, taxation: 1, total: 4 },
      { province: '浙江', education: 1, financial: 0, taxation: 0, total: 1 },
      { province: '全国', education: 0, financial: 1, taxation: 1, total: 2 },
      { province: 'total', education: 2, financial: 3, taxation: 2, total: 7 },
    ]);
    expect(rows('crosstab_province_instrument_share')[0]).toEqual({ province: '广东', education: 0.25, financial: 0.5, taxation: 0.25, total: 1 });
  });

  it('year x instrument and level x dimension', () => {
    expect(rows('crosstab_year_instrument')).toEqual([
      { year: 2020, education: 1, financial: 2, taxation: 2, total: 5 },
      { year: 2021, education: 1, financial: 1, taxation: 0, total: 2 },
      { year: 'total', education: 2, financial: 3, taxation: 2, total: 7 },
    ]);
    expect(rows('crosstab_level_dimension').map((r) => [r.level, r.supply, r.environment, r.total])).toEqual([
      ['national', 0, 2, 2],
      ['provincial', 2, 2, 4],
      ['prefecture', 0, 1, 1],
      ['county', 0, 0, 0],
      ['total', 2, 5, 7],
    ]);
    // An empty row has no shares (0/0), not zeros.
    expect(rows('crosstab_level_dimension_share')[3]!.supply).toBeNaN();
  });

  it('instrument x domain from clause-level pairs, none on both sides', () => {
    expect(rows('crosstab_instruments_x_domains').map((r) => [r.category, r.records, r.drugs, r.none, r.total])).toEqual([
      ['education', 0, 0, 2, 2],
      ['financial', 1, 1, 1, 3],
      ['taxation', 2, 0, 0, 2],
      ['none', 0, 1, 0, 1],
      ['total', 3, 2, 3, 8],
    ]);
    expect(rows('categories_domains').map((r) => [r.category, r.clauses, r.policies_using])).toEqual([
      ['records', 3, 2],
      ['drugs', 2, 1],
    ]);
  });

  it('every crosstab total agrees with the one-way tables', () => {
    const instruments = rows('instruments');
    const dimensions = rows('dimensions');
    const totalRow = (name: string) => rows(name).find((r) => Object.values(r).includes('total'))!;
    for (const name of ['crosstab_province_instrument', 'crosstab_year_instrument']) {
      for (const i of instruments) expect(totalRow(name)[i.instrument as string]).toBe(i.clauses);
      expect(totalRow(name).total).toBe(7);
    }
    for (const d of dimensions) expect(totalRow('crosstab_level_dimension')[d.dimension as string]).toBe(d.clauses);
    const crossRows = rows('crosstab_instruments_x_domains');
    for (const i of instruments) expect(crossRows.find((r) => r.category === i.instrument)!.total).toBe(i.clauses);
    for (const c of rows('categories_domains')) expect(totalRow('crosstab_instruments_x_domains')[c.category as string]).toBe(c.clauses);
    // Row shares of the total row are the one-way shares.
    const shares = rows('crosstab_province_instrument_share').at(-1)!;
    for (const i of instruments) expect(shares[i.instrument as string]).toBe(i.share);
  });
});
