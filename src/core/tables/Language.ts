import { NATIONAL, PROVINCES } from '../metadata/provinces.js';
import type { CodebookOutline } from './CodebookOutline.js';

/**
 * The language of every caption, heading, label and note of a table or figure. One language per
 * table: a table built for 'en' has no Chinese word of policy-code's own (document titles aside).
 * The HTML report and any other consumer pass the same value and use the functions below.
 */
export type Lang = 'zh' | 'en';

/** Fixed words of the tables, in both languages. */
const WORDS = {
  total: ['合计', 'Total'],
  subtotal: ['小计', 'Subtotal'],
  unknown: ['未知', 'Unknown'],
  none: ['未编码', 'Not coded'],
  national: ['全国', 'National'],
  dimension: ['维度', 'Dimension'],
  instrument: ['政策工具', 'Policy instrument'],
  category: ['类别', 'Category'],
  label: ['名称', 'Label'],
  province: ['省份', 'Province'],
  year: ['年份', 'Year'],
  level: ['层级', 'Level'],
  policy: ['政策', 'Policy'],
  policies: ['政策数', 'Policies'],
  clauses: ['条款数', 'Clauses'],
  coded_clauses: ['已编码条款', 'Coded clauses'],
  clauses_primary: ['条款数（主编码）', 'Clauses (primary code)'],
  clauses_any_code: ['条款数（任一编码）', 'Clauses (any code)'],
  share: ['占已编码条款', 'Share of coded clauses'],
  share_in_dimension: ['占本维度', 'Share within dimension'],
  policies_using: ['涉及的政策数', 'Policies using'],
  share_of_policies: ['占政策数', 'Share of policies'],
  provinces: ['省份数', 'Provinces'],
  mean: ['均值', 'Mean'],
  sd: ['标准差（样本）', 'SD (sample)'],
  sd_population: ['标准差（总体）', 'SD (population)'],
  median: ['中位数', 'Median'],
  q1: ['下四分位数', 'Lower quartile'],
  q3: ['上四分位数', 'Upper quartile'],
  min: ['最小值', 'Minimum'],
  max: ['最大值', 'Maximum'],
  top: ['最多', 'Most'],
  bottom: ['最少', 'Fewest'],
  note: ['注', 'Note'],
  national_level: ['国家级', 'National'],
  provincial: ['省级', 'Provincial'],
  prefecture: ['地市级', 'Prefecture'],
  county: ['区县级', 'County'],
} as const satisfies Record<string, readonly [string, string]>;

export type Word = keyof typeof WORDS;

export function word(key: Word, lang: Lang): string {
  return WORDS[key][lang === 'zh' ? 0 : 1];
}

/** A codebook label in a language; an English table falls back to the id, never to Chinese. */
export function labelIn(label: { zh: string; en?: string }, id: string, lang: Lang): string {
  return lang === 'zh' ? label.zh : (label.en ?? id);
}

/** The label of a category (leaf) or dimension of a codebook, by id; 'none' is "not coded". */
export function categoryLabel(outline: CodebookOutline, id: string, lang: Lang): string {
  if (id === 'none') return word('none', lang);
  const found = outline.leaves.find((l) => l.id === id) ?? outline.dimensions.find((d) => d.id === id);
  return found ? labelIn(found.label, id, lang) : id;
}

const ENGLISH = new Map(PROVINCES.map((p) => [p.name, p.en]));

/** A canonical province (广东, 全国) in a language; null is an unknown province. */
export function provinceLabel(province: string | null, lang: Lang): string {
  if (province === null) return word('unknown', lang);
  if (province === NATIONAL) return word('national', lang);
  return lang === 'zh' ? province : (ENGLISH.get(province) ?? province);
}

/** An administrative level (national, provincial, ...) in a language; null is unknown. */
export function levelLabel(level: string | null, lang: Lang): string {
  if (level === null) return word('unknown', lang);
  if (level === 'national') return word('national_level', lang);
  return level in WORDS ? word(level as Word, lang) : level;
}

/** One of a pair of texts written in both languages: pick(lang, "政策数", "Policies"). */
export function pick<T>(lang: Lang, zh: T, en: T): T {
  return lang === 'zh' ? zh : en;
}
