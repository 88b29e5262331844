import { parseChineseNumber } from '../text/chineseNumber.js';

/** A calendar date as a document states it. */
export interface DocDate {
  year: number;
  month: number;
  day: number;
}

/** An issuer and date closing a document or one of its parts ("达州市人民政府办公室 / 2022年4月28日"). */
export interface Signature {
  issuer: string | null;
  date: DocDate | null;
  /** The "<office> <date>印发" line of a red-header document: the printing office, not the author. */
  printed: boolean;
}

/**
 * Where a policy text states its own metadata. Only these parts count as evidence about the
 * document: the body quotes other documents (their 文号, issuers and places), and those must not win.
 */
export interface DocumentLayout {
  /** Labelled lines of exports and web pages: 地区, 日期, 发布机关, 发文字号, 成文日期, 标题, ... (spaces removed from names). */
  labels: Map<string, string>;
  /** The 【issuer】 that some exports put before the title. */
  bracketIssuer: string | null;
  /** Lines of the red header and title, before the addressees or the first body sentence. */
  header: string[];
  signatures: Signature[];
}

const LABEL_NAMES = ['地区', '日期', '来源', '发布机关', '发文机关', '发文字号', '文号', '标题', '成文日期', '发布日期', '公布日期', '施行日期'];
const LABEL = new RegExp(`^(${LABEL_NAMES.map((n) => n.split('').join('\\s*')).join('|')})\\s*[:：]\\s*(.*)$`);
/** Lines of database exports that carry nothing about the document itself. */
const NOISE = /^(【法宝引证码】|原文链接[:：]|索\s*引\s*号|主题分类|主\s*题\s*词|https?:\/\/)/;
/** Lines that open the body. Addressees (各省、自治区…：) name the places written to, not the issuer. */
const BODY_START =
  /^(第[一二三四五六七八九十百]+[章条节]|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|为了?[^，。]{0,40}[，,]|根据|按照|依据|经[^，。]{0,30}(同意|研究|通过)|现将|现就|近年来|当前|各[^，。]{0,8}[：:]?$|各[^。：:]{0,80}[：:])/;
const ORG_END = /(人民政府|政府|办公厅|办公室|委员会|管委会|领导小组|[委局厅院署部会处]|中心|银行|公司|分行)$/;
const TITLE_THEN_ADDRESSEE = /^(.{4,}?(?:通知|办法|意见|决定|方案|规定|细则|措施|批复|函|公告))(各.{1,60}[:：])$/;
const CN_DIGIT = '[〇零一二三四五六七八九十]';
const DATE_AR = /((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
const DATE_CN = new RegExp(`(${CN_DIGIT}{4})年(${CN_DIGIT}{1,3})月(${CN_DIGIT}{1,3})日`);
const DATE_ISO = /((?:19|20)\d{2})[-./](\d{1,2})[-./](\d{1,2})/;

function cnYear(s: string): number | null {
  let y = '';
  for (const ch of s) {
    const n = parseChineseNumber(ch);
    if (n === null || n > 9) return null;
    y += String(n);
  }
  return Number(y);
}

function validDate(year: number | null, month: number | null, day: number | null): DocDate | null {
  if (year === null || month === null || day === null) return null;
  if (year < 1949 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  return { year, month, day };
}

/** The first date written in `s` (2022年4月28日, 二〇二二年四月二十八日, 2022-04-28), or null. */
export function parseDate(s: string): DocDate | null {
  const ar = DATE_AR.exec(s);
  if (ar) return validDate(Number(ar[1]), Number(ar[2]), Number(ar[3]));
  const cn = DATE_CN.exec(s);
  if (cn) return validDate(cnYear(cn[1]!), parseChineseNumber(cn[2]!), parseChineseNumber(cn[3]!));
  const iso = DATE_ISO.exec(s);
  return iso ? validDate(Number(iso[1]), Number(iso[2]), Number(iso[3])) : null;
}

export function formatDate(d: DocDate): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

const DATE_ONLY = new RegExp(`^(?:${DATE_AR.source}|${DATE_CN.source})$`);

function isOrgLine(line: string): boolean {
  return line.length >= 2 && line.length <= 40 && ORG_END.test(line) && !/[，。；：:、]/.test(line);
}

/** Issuer-and-date blocks anywhere in the text: they close the notice and each attachment. */
function findSignatures(lines: readonly string[]): Signature[] {
  const found: Signature[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\s+/g, '');
    const printed = /^(.{2,40}?)((?:19|20)\d{2}年\d{1,2}月\d{1,2}日)印发$/.exec(line);
    if (printed) {
      found.push({ issuer: printed[1]!, date: parseDate(printed[2]!), printed: true });
      continue;
    }
    if (DATE_ONLY.test(line)) {
      const prev = (lines[i - 1] ?? '').replace(/\s+/g, '');
      found.push({ issuer: isOrgLine(prev) ? prev : null, date: parseDate(line), printed: false });
      continue;
    }
    const signedOnOneLine = /^(.{2,40}?)((?:19|20)\d{2}年\d{1,2}月\d{1,2}日)$/.exec(line);
    if (signedOnOneLine && isOrgLine(signedOnOneLine[1]!)) {
      found.push({ issuer: signedOnOneLine[1]!, date: parseDate(signedOnOneLine[2]!), printed: false });
    }
  }
  return found;
}

/** Splits a normalized policy text into the parts that state its own metadata. */
export function readLayout(text: string): DocumentLayout {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .flatMap((l) => {
      const m = TITLE_THEN_ADDRESSEE.exec(l);
      return m ? [m[1]!, m[2]!] : [l];
    });
  const labels = new Map<string, string>();
  let bracketIssuer: string | null = null;
  const header: string[] = [];
  let i = 0;
  for (; i < Math.min(lines.length, 40) && header.length < 12; i++) {
    const line = lines[i]!;
    if (NOISE.test(line)) continue;
    const label = LABEL.exec(line);
    if (label) {
      const name = label[1]!.replace(/\s+/g, '');
      let value = label[2]!.trim();
      // Web pages put the value of a table cell on its own line.
      if (!value && lines[i + 1] && !LABEL.test(lines[i + 1]!)) value = lines[++i]!;
      if (value && !labels.has(name)) labels.set(name, value);
      continue;
    }
    const bracket = /^【([^】]{2,40})】/.exec(line);
    if (bracket && header.length === 0 && !bracketIssuer) bracketIssuer = bracket[1]!;
    if (header.length > 0 && BODY_START.test(line)) break;
    if (header.length === 0 && BODY_START.test(line) && !bracket) break;
    if (line.length > 80 && /[。；]/.test(line)) break;
    // Addressees ("各县（市、区）人民政府，市直各有关单位：") open the body; titles never end in a colon.
    if (/[:：]$/.test(line) && header.length > 0) break;
    header.push(line);
  }
  return { labels, bracketIssuer, header, signatures: findSignatures(lines) };
}
