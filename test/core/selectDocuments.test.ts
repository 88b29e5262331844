import { expect, it } from 'vitest';
import type { DocumentSummary } from '../../src/core/tables/buildTables.js';
import type { CodebookOutline } from '../../src/core/tables/CodebookOutline.js';
import { UserError } from '../../src/core/errors.js';
import { levelCondition, parseWhere, selectDocuments, yearsCondition } from '../../src/core/tables/selectDocuments.js';

const outline: CodebookOutline = {
  name: 'rz',
  version: '1',
  sha256: '',
  dimensions: [{ id: 'environment', label: { zh: '环境型' } }],
  leaves: [
    { id: 'financial', label: { zh: '财政' }, dimension: 'environment' },
    { id: 'taxation', label: { zh: '税收' }, dimension: 'environment' },
  ],
};

const doc = (docId: string, province: string | null, year: number | null, level: DocumentSummary['level'], anyCounts: Record<string, number>): DocumentSummary => ({
  docId, file: '', sha256: '', title: '', province, year, level, pages: 1, chars: 1, clauses: 1, codedClauses: 1, status: 'ok', message: '', primaryCounts: {}, anyCounts, inScopeClauses: 1, further: {},
});

const docs = [
  doc('A', '广东省', 2019, 'provincial', { financial: 1 }),
  doc('B', '广东', 2023, 'prefecture', { taxation: 2 }),
  doc('C', '浙江', 2024, 'provincial', {}),
  doc('D', null, null, null, { financial: 1 }),
];
const ids = (conds: string[], extra = [] as ReturnType<typeof parseWhere>[]) =>
  selectDocuments(docs, [...conds.map(parseWhere), ...extra], [outline]).map((d) => d.docId);

it('selects by province in any spelling, by year range, level and category (any code)', () => {
  expect(ids(['province=Guangdong'])).toEqual(['A', 'B']);
  expect(ids(['province=广东,浙江省'])).toEqual(['A', 'B', 'C']);
  expect(ids([], [yearsCondition('2019-2023')])).toEqual(['A', 'B']);
  expect(ids([], [levelCondition('provincial')])).toEqual(['A', 'C']);
  expect(ids(['category=taxation'])).toEqual(['B']);
  expect(ids(['rz=environment'])).toEqual(['A', 'B', 'D']);
  // Conditions combine with AND.
  expect(ids(['province=广东', 'category=financial'])).toEqual(['A']);
});

it('rejects a misspelt field, value or range as a usage error instead of giving an empty table', () => {
  expect(() => ids(['provice=广东'])).toThrow(/unknown field 'provice'/);
  expect(() => ids(['province=火星'])).toThrow(/not a province/);
  expect(() => ids(['category=finance'])).toThrow(/no category 'finance'/);
  expect(() => parseWhere('province')).toThrow(UserError);
  expect(() => yearsCondition('2023-2019')).toThrow(/--years/);
  expect(() => ids([], [levelCondition('city')])).toThrow(/not a level/);
});
