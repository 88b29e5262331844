import { NATIONAL } from '../metadata/provinces.js';
import type { DocumentSummary } from './buildTables.js';
import type { CodebookOutline } from './CodebookOutline.js';
import { chiSquareTest, dropEmpty, fisherExact2x2, meetsCochran, type ChiSquareResult } from './chiSquareTest.js';
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

/** Fisher's exact p for a 2 x 2 table (after empty rows and columns are dropped), else NaN. */
function fisherP(observed: number[][]): number {
  const t = dropEmpty(observed);
  return t.length === 2 && t[0]!.length === 2 ? fisherExact2x2(t) : NaN;
}

/** A short flag for the table cell; the note under the table says what to do. */
function warning(result: ChiSquareResult, fisher: number, lang: Lang): string {
  if (meetsCochran(result)) return '';
  return Number.isFinite(fisher)
    ? pick(lang, '期望频数过小：用 Fisher p', 'expected counts too small: use Fisher\'s p')
    : pick(lang, '期望频数过小：请合并类别', 'expected counts too small: merge categories');
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
      const fisher = fisherP(observed);
      rows.push([...head, r.rows, r.columns, r.n, r.chiSquare, r.df, r.p, r.cramersV, r.cellsBelow5 / r.cells, r.minExpected, fisher, warning(r, fisher, lang)]);
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
        '注：Pearson 卡方检验，无连续性校正；省份不含中央文件与省份不明的文件；没有条款的组或类别不计入。期望频数<5 为期望频数小于 5 的单元格占比：超过 20% 或任一期望频数小于 1 时卡方近似不可靠，2×2 表请报告 Fisher 精确检验，其余请合并类别（按维度而非政策工具检验，或合并年份、省份）。',
        'Note: Pearson chi-square without continuity correction; provinces exclude central documents and documents of unknown province; groups and categories without clauses are left out. Expected < 5 is the share of cells with an expected count below 5: above 20%, or with any expected count below 1, the chi-square approximation is unreliable; report Fisher\'s exact test for a 2×2 table, otherwise merge categories (test dimensions rather than instruments, or group years or provinces).',
      ),
    ],
    rows,
  };
}
