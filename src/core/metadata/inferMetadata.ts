import type { AdminLevel, DocumentMetadata, MetadataField, MetadataSource } from '../types.js';
import { canonicalProvince, NATIONAL, PROVINCES } from './provinces.js';

/** Values a researcher gave for a document in metadata.csv (any may be missing). */
export interface GivenMetadata {
  title?: string;
  province?: string;
  year?: string;
  doc_number?: string;
  issuer?: string;
  date?: string;
  level?: string;
}

const field = <T>(value: T | null, source: MetadataSource, confidence: number): MetadataField<T> =>
  value === null ? { value: null, source: 'none', confidence: 0 } : { value, source, confidence };

const TITLE_WORDS = /(关于|办法|通知|方案|意见|措施|规定|细则|决定|规划|计划|指引|指南|条例|纲要)/;
/** 文号: issuer abbreviation, year in 〔〕 (or [] / () in careless copies), number, 号. */
const DOC_NUMBER = /([\u4e00-\u9fa5]{1,12}[〔\[［(（]\s*((?:19|20)\d{2})\s*[〕\]］)）]\s*\d{1,4}\s*号)/;

function firstLines(text: string, n: number): string[] {
  return text.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, n);
}

function titleFromText(text: string): string | null {
  const lines = firstLines(text, 8);
  const hit = lines.find((l) => TITLE_WORDS.test(l) && l.length <= 80 && !/[。；]$/.test(l));
  return hit ?? null;
}

function provinceFromText(head: string): string | null {
  if (/国务院|国家[\u4e00-\u9fa5]{0,8}(委员会|部|局|总局)|国办发|国发/.test(head.slice(0, 200))) return NATIONAL;
  let best: { name: string; at: number } | null = null;
  for (const p of PROVINCES) {
    for (const form of [...p.full, p.name]) {
      const at = head.indexOf(form);
      if (at >= 0 && (!best || at < best.at)) best = { name: p.name, at };
    }
  }
  return best?.name ?? null;
}

function yearFrom(s: string): number | null {
  const m = /((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月/.exec(s) ?? /[〔\[［]\s*((?:19|20)\d{2})\s*[〕\]］]/.exec(s);
  return m ? Number(m[1]) : null;
}

function levelOf(province: string | null, issuerText: string): AdminLevel | null {
  if (province === NATIONAL) return 'national';
  if (/县|区人民政府/.test(issuerText)) return 'county';
  if (/市(?!场)/.test(issuerText) && !/^(北京|天津|上海|重庆)/.test(issuerText)) return 'prefecture';
  return province ? 'provincial' : null;
}

/**
 * Metadata of one document, from the most trusted source that has each field: metadata.csv, then
 * the first folder level of the file's path (corpus/广东/...), then the text itself.
 */
export function inferMetadata(text: string, relativePath: string, given: GivenMetadata | undefined, fallbackTitle?: string): DocumentMetadata {
  const head = text.slice(0, 600);
  const tail = text.slice(-300);
  const folder = relativePath.includes('/') ? relativePath.split('/')[0]! : null;

  const titleText = titleFromText(text) ?? fallbackTitle ?? null;
  const title = given?.title ? field(given.title, 'metadata.csv', 1) : field(titleText, 'text', 0.6);

  let province: MetadataField<string>;
  const givenProvince = given?.province ? canonicalProvince(given.province) : null;
  const folderProvince = folder ? canonicalProvince(folder) : null;
  if (givenProvince) province = field(givenProvince, 'metadata.csv', 1);
  else if (folderProvince) province = field(folderProvince, 'folder', 0.9);
  else province = field(provinceFromText((titleText ?? '') + '\n' + head + '\n' + tail), 'text', 0.6);

  const numberMatch = DOC_NUMBER.exec(head);
  const docNumber = given?.doc_number ? field(given.doc_number, 'metadata.csv', 1) : field(numberMatch ? numberMatch[1]!.replace(/\s+/g, '') : null, 'text', 0.7);

  const givenYear = given?.year && /^\d{4}$/.test(given.year.trim()) ? Number(given.year.trim()) : null;
  const year = givenYear
    ? field(givenYear, 'metadata.csv', 1)
    : field(yearFrom(tail) ?? (numberMatch ? Number(numberMatch[2]) : null) ?? yearFrom(head), 'text', 0.6);

  const issuer = given?.issuer ? field(given.issuer, 'metadata.csv', 1) : field<string>(null, 'none', 0);
  const date = given?.date ? field(given.date, 'metadata.csv', 1) : field<string>(null, 'none', 0);
  const givenLevel = given?.level && ['national', 'provincial', 'prefecture', 'county'].includes(given.level) ? (given.level as AdminLevel) : null;
  const level = givenLevel ? field(givenLevel, 'metadata.csv', 1) : field(levelOf(province.value, titleText ?? head.slice(0, 60)), 'text', 0.5);
  return { title, docNumber, issuer, date, year, level, province };
}
