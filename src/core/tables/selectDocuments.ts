import { UserError } from '../errors.js';
import { canonicalProvince } from '../metadata/provinces.js';
import type { DocumentSummary } from './buildTables.js';
import type { CodebookOutline } from './CodebookOutline.js';
import { LEVELS } from './crosstabs.js';
import { provinceOf } from './provinceTables.js';

/**
 * One condition on documents: `field` is one of `province`, `year`, `level`, `category` (a category
 * or dimension of the main codebook) or a codebook's name (a category or dimension of that
 * codebook); a document passes when it matches any of `values`. Conditions combine with AND.
 */
export interface Condition {
  field: string;
  values: string[];
}

/** Parses `--where field=value[,value...]`, `--years 2019-2023` and `--level provincial` into conditions. */
export function parseWhere(expr: string): Condition {
  const m = /^\s*([A-Za-z][\w.-]*)\s*=\s*(.+)$/.exec(expr);
  const values = m?.[2]!.split(/[,，]/).map((v) => v.trim()).filter(Boolean) ?? [];
  if (!m || values.length === 0) {
    throw new UserError('usage', `--where takes field=value[,value...], e.g. province=广东 or year=2020,2021 (got '${expr}')`);
  }
  return { field: m[1]!.toLowerCase(), values };
}

export function yearsCondition(range: string): Condition {
  const m = /^\s*(\d{4})\s*(?:[-–~:]\s*(\d{4}))?\s*$/.exec(range);
  if (!m || (m[2] && Number(m[2]) < Number(m[1]))) throw new UserError('usage', `--years takes a year or a range such as 2019-2023 (got '${range}')`);
  return { field: 'year', values: [m[2] ? `${m[1]}-${m[2]}` : m[1]!] };
}

export function levelCondition(levels: string): Condition {
  return { field: 'level', values: levels.split(/[,，]/).map((v) => v.trim()).filter(Boolean) };
}

type Test = (d: DocumentSummary) => boolean;

function yearTest(value: string): Test {
  const m = /^(\d{4})(?:-(\d{4}))?$/.exec(value);
  if (!m) throw new UserError('usage', `year filter takes a year or a range such as 2019-2023 (got '${value}')`);
  const from = Number(m[1]);
  const to = m[2] ? Number(m[2]) : from;
  return (d) => d.year !== null && d.year >= from && d.year <= to;
}

function categoryTest(field: string, value: string, outline: CodebookOutline, main: boolean): Test {
  const leaves = outline.leaves.filter((l) => l.id === value || l.dimension === value).map((l) => l.id);
  if (leaves.length === 0) {
    const allowed = [...outline.dimensions.map((d) => d.id), ...outline.leaves.map((l) => l.id)];
    throw new UserError('usage', `--where ${field}=${value}: ${outline.name} has no category '${value}' (allowed: ${allowed.join(', ')})`);
  }
  return (d) => {
    const any = main ? d.anyCounts : (d.further[outline.name]?.anyCounts ?? {});
    return leaves.some((id) => (any[id] ?? 0) > 0);
  };
}

function valueTest(field: string, value: string, codebooks: readonly CodebookOutline[]): Test {
  switch (field) {
    case 'province': {
      const p = canonicalProvince(value);
      if (!p) throw new UserError('usage', `--where province=${value}: not a province of China (write 广东, 广东省 or Guangdong)`);
      return (d) => provinceOf(d) === p;
    }
    case 'year':
      return yearTest(value);
    case 'level':
      if (!(LEVELS as readonly string[]).includes(value)) throw new UserError('usage', `level filter: '${value}' is not a level (allowed: ${LEVELS.join(', ')})`);
      return (d) => d.level === value;
    case 'category':
      return categoryTest(field, value, codebooks[0]!, true);
    default: {
      const i = codebooks.findIndex((c) => c.name === field);
      if (i < 0) {
        const fields = ['province', 'year', 'level', 'category', ...codebooks.map((c) => c.name)];
        throw new UserError('usage', `--where ${field}=...: unknown field '${field}' (allowed: ${fields.join(', ')})`);
      }
      return categoryTest(field, value, codebooks[i]!, i === 0);
    }
  }
}

/**
 * The documents that pass every condition, in their original order. Values are checked before
 * anything is selected, so a misspelt filter is a usage error, never an empty table.
 */
export function selectDocuments(
  docs: readonly DocumentSummary[],
  conditions: readonly Condition[],
  codebooks: readonly CodebookOutline[],
): DocumentSummary[] {
  const tests = testsOf(conditions, codebooks);
  return docs.filter((d) => tests.every((t) => t(d)));
}

function testsOf(conditions: readonly Condition[], codebooks: readonly CodebookOutline[]): Test[] {
  return conditions.map((c) => {
    const alternatives = c.values.map((v) => valueTest(c.field, v, codebooks));
    return (d) => alternatives.some((t) => t(d));
  });
}

/** Throws the usage error of a misspelt filter (unknown field, category, province, level or year), before anything is read. */
export function checkConditions(conditions: readonly Condition[], codebooks: readonly CodebookOutline[]): void {
  testsOf(conditions, codebooks);
}

/** Conditions as they are written in run.json and on the command line. */
export function describeConditions(conditions: readonly Condition[]): string[] {
  return conditions.map((c) => `${c.field}=${c.values.join(',')}`);
}
