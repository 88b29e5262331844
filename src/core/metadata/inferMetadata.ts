import type { AdminLevel, DocumentMetadata, MetadataField, MetadataSource } from '../types.js';
import { canonicalDocNumber, findDecreeNumbers, findDocNumbers, type DocNumber } from './docNumber.js';
import { inferJurisdiction } from './inferJurisdiction.js';
import { canonicalProvince, NATIONAL } from './provinces.js';
import { formatDate, parseDate, readLayout, type DocDate, type DocumentLayout } from './readLayout.js';

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
  value === null || value === undefined ? { value: null, source: 'none', confidence: 0 } : { value, source, confidence };

const given1 = <T>(value: T | null | undefined): MetadataField<T> | null =>
  value === null || value === undefined || value === '' ? null : field(value, 'metadata.csv', 1);

const LEVELS: AdminLevel[] = ['national', 'provincial', 'prefecture', 'county'];
const TITLE_END = /(通知|办法|意见|方案|措施|规定|细则|决定|规划|计划|指引|指南|条例|纲要|批复|函|公告|通告|清单|目录|基准表|实施意见|\d+条|》|（试行）|\(试行\)|（修订）|\(修订\))$/;
const NOT_TITLE = /^(.{2,30}文件|公开|此件[^\n]*|附件\s*\d*|[\x00-\x7f]+|.*〔\s*\d[\d\s]*〕.*号|.*人民政府规章|.*人民政府发布|.*[0-9]{4}年\d{1,2}月\d{1,2}日.*)$/;

/** The title from the header: an issuer line joined with the 关于... line(s) after it, up to a title ending. */
function titleOf(layout: DocumentLayout): string | null {
  const label = layout.labels.get('标题');
  if (label) return unwrap(label);
  const lines = layout.header.map((l) => l.replace(/^【[^】]*】/, '').trim()).filter((l) => l && !NOT_TITLE.test(l));
  for (let i = 0; i < lines.length; i++) {
    let title = lines[i]!;
    let j = i;
    while (!TITLE_END.test(title) && j + 1 < lines.length && j - i < 3) title += lines[++j]!;
    if (TITLE_END.test(title) && title.length <= 120) return unwrap(title);
  }
  return null;
}

function unwrap(title: string): string {
  const t = title.trim();
  return /^《[^《》]+》$/.test(t) ? t.slice(1, -1) : t;
}

function issuerOf(layout: DocumentLayout, title: string | null): string | null {
  const label = layout.labels.get('发文机关') ?? layout.labels.get('发布机关');
  if (label) return label;
  const redHeader = layout.header.map((l) => /^(.{2,40}?)(?:文件|发布)$/.exec(l)?.[1]).find(Boolean);
  if (redHeader) return redHeader;
  if (layout.bracketIssuer && /(政府|厅|局|委|办公室|中心|会)$/.test(layout.bracketIssuer)) return layout.bracketIssuer;
  const beforeAbout = title ? /^(.{2,40}?(?:政府|厅|局|委|办公室|中心|会|部|院))(?:关于|印发)/.exec(title)?.[1] : undefined;
  if (beforeAbout) return beforeAbout;
  return layout.signatures.find((s) => s.issuer && !s.printed)?.issuer ?? layout.signatures.find((s) => s.issuer)?.issuer ?? null;
}

/** The document's own number: a labelled 文号, else the first one in the header (never one quoted in the body). */
function ownNumber(layout: DocumentLayout): { number: DocNumber; confidence: number } | null {
  const label = layout.labels.get('发文字号') ?? layout.labels.get('文号');
  const labelled = label ? [...findDocNumbers(label), ...findDecreeNumbers(label)][0] : undefined;
  if (labelled) return { number: labelled, confidence: 0.95 };
  const header = layout.header.join('\n');
  const bracketed = findDocNumbers(header)[0];
  if (bracketed) return { number: bracketed, confidence: 0.85 };
  const decree = findDecreeNumbers(header)[0];
  return decree ? { number: decree, confidence: 0.8 } : null;
}

/** A year with its full date when one is known, and how sure the source is. */
interface Dated {
  year: number;
  date: DocDate | null;
  confidence: number;
  /** Only the years the body cites: a lower bound, a candidate, never the year. */
  cited?: boolean;
}

const fromDate = (d: DocDate | null, confidence: number): Dated | null => (d ? { year: d.year, date: d, confidence } : null);

/**
 * The date of the document, from the most telling place: a labelled 成文日期 or export 日期, the
 * signature, the year of its own 文号, a labelled 发布日期, a promulgation date in the header of a
 * rule ("2022年12月23日...第307号令公布"), and only then the latest year the text cites.
 */
function dateOf(layout: DocumentLayout, number: DocNumber | null, text: string): Dated | null {
  const label = (name: string) => layout.labels.get(name);
  const headerText = layout.header.join('\n');
  const promulgated = [...headerText.matchAll(/((?:19|20)\d{2}年\d{1,2}月\d{1,2}日)[^。）)]{0,30}?(公布|发布|修改|修正|通过)/g)].map((m) => parseDate(m[1]!));
  const headerDates = [...headerText.matchAll(/((?:19|20)\d{2}年\d{1,2}月\d{1,2}日)(?![^。）)]{0,6}施行)/g)].map((m) => parseDate(m[1]!));
  const signed = layout.signatures.find((s) => s.date && !s.printed)?.date ?? layout.signatures.find((s) => s.date)?.date ?? null;
  const candidates: Array<Dated | null> = [
    fromDate(parseDate(label('成文日期') ?? ''), 0.95),
    fromDate(parseDate(label('日期') ?? ''), 0.9),
    fromDate(signed, 0.85),
    number?.year ? { year: number.year, date: null, confidence: 0.8 } : null,
    fromDate(parseDate(label('发布日期') ?? label('公布日期') ?? ''), 0.75),
    fromDate(promulgated.filter(Boolean).at(-1) ?? null, 0.75),
    fromDate(headerDates.find(Boolean) ?? null, 0.5),
  ];
  const found = candidates.find((c) => c !== null);
  if (found) return found;
  // A policy is no older than what it cites: the latest year of a cited 文号 or date, weakly.
  const cited = [...findDocNumbers(text).map((n) => n.year!), ...[...text.matchAll(/((?:19|20)\d{2})年\d{1,2}月/g)].map((m) => Number(m[1]))];
  return cited.length ? { year: Math.max(...cited), date: null, confidence: 0.3, cited: true } : null;
}

/**
 * Metadata of one document, each field from the most trusted source that has it: metadata.csv,
 * then the first folder level of the file's path (corpus/广东/...) for the province, then the text.
 */
export function inferMetadata(text: string, relativePath: string, given: GivenMetadata | undefined, fallbackTitle?: string): DocumentMetadata {
  const layout = readLayout(text);
  const folder = relativePath.includes('/') ? relativePath.split('/')[0]! : null;
  const own = ownNumber(layout);
  const textTitle = titleOf(layout);

  const title = given1(given?.title) ?? (textTitle ? field(textTitle, 'text', 0.7) : field(fallbackTitle ?? null, 'text', 0.5));
  const givenNumber = given?.doc_number ? (canonicalDocNumber(given.doc_number) ?? given.doc_number.trim()) : null;
  const docNumber = given1(givenNumber) ?? field(own?.number.text ?? null, 'text', own?.confidence ?? 0);

  const jurisdiction = inferJurisdiction(layout, own?.number ?? null, text);
  const givenProvince = given?.province ? canonicalProvince(given.province) : null;
  const folderProvince = folder ? canonicalProvince(folder) : null;
  const own1 = jurisdiction && !jurisdiction.fromBody ? jurisdiction : null;
  const province =
    given1(givenProvince) ?? (folderProvince ? field(folderProvince, 'folder', 0.9) : field(own1?.province ?? null, 'text', own1?.confidence ?? 0));

  const givenLevel = LEVELS.find((l) => l === given?.level?.trim()) ?? null;
  // The level read off the text only holds if the text's province is the one the document is filed under.
  const textLevel = own1 && own1.province === province.value ? own1 : null;
  const level =
    given1(givenLevel) ??
    (textLevel
      ? field(textLevel.level, 'text', textLevel.confidence)
      : province.value === NATIONAL
        ? field<AdminLevel>('national', province.source, province.confidence)
        : field<AdminLevel>(null, 'none', 0));

  const dated = dateOf(layout, own?.number ?? null, text);
  const givenYear = given?.year && /^\s*\d{4}\s*$/.test(given.year) ? Number(given.year.trim()) : null;
  const givenDate = given?.date ? parseDate(given.date) : null;
  const ownDate = dated && !dated.cited ? dated : null;
  const year = given1(givenYear) ?? given1(givenDate?.year ?? null) ?? field(ownDate?.year ?? null, 'text', ownDate?.confidence ?? 0);
  const date =
    given1(givenDate ? formatDate(givenDate) : given?.date?.trim() || null) ??
    (dated?.date && (givenYear === null || givenYear === dated.year) ? field(formatDate(dated.date), 'text', dated.confidence) : field<string>(null, 'none', 0));

  const issuerText = issuerOf(layout, textTitle);
  const issuer = given1(given?.issuer?.trim() || null) ?? field(issuerText, 'text', 0.7);
  const candidates: NonNullable<DocumentMetadata['candidates']> = [];
  if (province.value === null && jurisdiction?.fromBody) candidates.push({ field: 'province', value: jurisdiction.province, confidence: jurisdiction.confidence });
  if (year.value === null && dated?.cited) candidates.push({ field: 'year', value: String(dated.year), confidence: dated.confidence });
  return { title, docNumber, issuer, date, year, level, province, ...(candidates.length ? { candidates } : {}) };
}

/** `province:text:0.85;year:metadata.csv:1`: where each known field came from, for documents.csv. */
export function provenanceCell(meta: DocumentMetadata): string {
  const names: Array<[string, MetadataField<unknown>]> = [
    ['title', meta.title],
    ['doc_number', meta.docNumber],
    ['issuer', meta.issuer],
    ['date', meta.date],
    ['year', meta.year],
    ['level', meta.level],
    ['province', meta.province],
  ];
  return names
    .filter(([, f]) => f.value !== null)
    .map(([n, f]) => `${n}:${f.source}:${Math.round(f.confidence * 100) / 100}`)
    .concat((meta.candidates ?? []).map((c) => `${c.field}_candidate:body:${Math.round(c.confidence * 100) / 100}:${c.value}`))
    .join(';');
}
