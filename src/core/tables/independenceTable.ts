import { NATIONAL } from '../metadata/provinces.js';
import type { DocumentSummary } from './buildTables.js';
import type { CodebookOutline } from './CodebookOutline.js';
import { chiSquareTest, dropEmpty, fisherExact2x2, fisherSimulated, meetsCochran, type ChiSquareResult } from './chiSquareTest.js';
import { sumCounts } from './codeTables.js';
import { LEVELS } from './crosstabs.js';
import { pick, word, type Lang } from './Language.js';
import { byProvince } from './provinceTables.js';
import type { Cell, Table } from './Table.js';

type Grouping = 'province' | 'year' | 'level';
type Codes = 'dimension' | 'instrument';

/** Documents per group: provinces (not central, not unknown), known years, known levels. */
function groups(docs: readonly DocumentSummary[], by: Grouping): DocumentSummary[][] {
  if (by === 'province') return byProvince(docs).filter(([p]) => p !== null && p !== NATIONAL).map(([, ds]) => ds);
  if (by === 'level') return LEVELS.map((l) => docs.filter((d) => d.level === l));
  const years = [...new Set(docs.map((d) => d.year).filter((y): y is number => y !== null))].sort((a, b) => a - b);
  return years.map((y) => docs.filter((d) => d.year === y));
}

/** Clauses per group (rows) and dimension or instrument of their primary code (columns). */
export function contingency(docs: readonly DocumentSummary[], outline: CodebookOutline, by: Grouping, codes: Codes): number[][] {
  const columns = codes === 'instrument' ? outline.leaves.map((l) => [l.id]) : outline.dimensions.map((d) => outline.leaves.filter((l) => l.dimension === d.id).map((l) => l.id));
  return groups(docs, by).map((ds) => {
    const counts = sumCounts(ds, (d) => d.primaryCounts);
    return columns.map((ids) => ids.reduce((a, id) => a + (counts.get(id) ?? 0), 0));
  });
}

/**
 * Fisher's p where the chi-square approximation fails: exact for 2 x 2, simulated for larger tables
 * (2,000 tables, as R's default); NaN where chi-square can be trusted (not needed, and not free).
 */
function fisherP(observed: number[][], result: ChiSquareResult): number {
  if (meetsCochran(result)) return NaN;
  const t = dropEmpty(observed);
  return t.length === 2 && t[0]!.length === 2 ? fisherExact2x2(t) : fisherSimulated(t);
}

/** A short flag for the table cell; the note under the table says what to do. */
function warning(result: ChiSquareResult, lang: Lang): string {
  if (meetsCochran(result)) return '';
  return pick(lang, '期望频数过小：用 Fisher p 或合并类别', "expected counts too small: use Fisher's p or merge categories");
}

/**
 * Whether the use of dimensions (and of instruments) differs between provinces, years and levels:
 * Pearson's chi-square on clauses by primary code, with df, p, Cramér's V and the expected-count
 * check. Groups and categories without any clause are left out (they have no expected count).
 */
export function independenceTable(docs: readonly DocumentSummary[], outline: CodebookOutline, lang: Lang): Table {
  const rows: Cell[][] = [];
  for (const by of ['province', 'year', 'level'] as const) {
    for (const codes of ['dimension', 'instrument'] as const) {
      const observed = contingency(docs, outline, by, codes);
      const r = chiSquareTest(observed);
      const head = [by, codes, word(by, lang), word(codes, lang)];
      if (!r) {
        rows.push([...head, '', '', '', NaN, NaN, NaN, NaN, NaN, NaN, NaN, pick(lang, '少于两个非空的组或类别：无检验', 'fewer than two non-empty groups or categories: no test')]);
        continue;
      }
      rows.push([...head, r.rows, r.columns, r.n, r.chiSquare, r.df, r.p, r.cramersV, r.cellsBelow5 / r.cells, r.minExpected, fisherP(observed, r), warning(r, lang)]);
    }
  }
  return {
    name: 'independence_tests',
    title: pick(lang, '政策工具使用的差异检验：卡方独立性检验（条款按主编码计数）', 'Does instrument use differ? Chi-square tests of independence (clauses by primary code)'),
    columns: ['grouping', 'codes', 'grouping_label', 'codes_label', 'groups', 'categories', 'n', 'chi_square', 'df', 'p', 'cramers_v', 'expected_below_5', 'min_expected', 'fisher_p', 'warning'],
    headers: pick(
      lang,
      ['分组', '类别', '分组', '类别', '组数', '类别数', '条款数', 'χ²', '自由度', 'p', 'Cramér V', '期望频数<5', '最小期望频数', 'Fisher p', '提示'],
      ['Grouping', 'Categories', 'Grouping', 'Categories', 'Groups', 'Categories', 'n', 'χ²', 'df', 'p', "Cramér's V", 'Expected < 5', 'Min. expected', "Fisher's p", 'Warning'],
    ),
    kinds: { chi_square: 'decimal3', p: 'pvalue', cramers_v: 'decimal3', expected_below_5: 'share', min_expected: 'decimal2', fisher_p: 'pvalue' },
    dataOnly: ['grouping', 'codes'],
    notes: [
      pick(
        lang,
        '注：Pearson 卡方检验，无连续性校正；省份不含中央文件与省份不明的文件，年份与层级不含不明者；没有条款的组或类别不计入。期望频数<5 为期望频数小于 5 的单元格占比：超过 20% 或任一期望频数小于 1 时卡方近似不可靠：请报告 Fisher 精确检验的 p 值（2×2 表为精确值，较大的表为 2000 次随机模拟的估计值），或合并类别（按维度而非政策工具检验，或合并年份、省份）后再检验。',
        'Note: Pearson chi-square without continuity correction; provinces exclude central documents and documents of unknown province, years and levels the unknown ones; groups and categories without clauses are left out. Expected < 5 is the share of cells with an expected count below 5: above 20%, or with any expected count below 1, the chi-square approximation is unreliable: report Fisher\'s exact p (exact for 2×2 tables, estimated from 2,000 simulated tables for larger ones, as R\'s fisher.test(simulate.p.value = TRUE)), or merge categories (test dimensions rather than instruments, or group years or provinces) and test again.',
      ),
    ],
    rows,
  };
}
