import { findPlaces } from './places.js';

/** A document number found in a text: 粤府办〔2020〕12号, or a decree number 北京市人民政府令第307号. */
export interface DocNumber {
  /** Canonical form: no spaces, 〔〕 brackets, decrees as `<issuer>令第N号`. */
  text: string;
  /** The issuer abbreviation before the year (粤府办), or the decree's issuer. */
  prefix: string;
  /** Year in the brackets; null for decree numbers, which carry none. */
  year: number | null;
  number: number;
  /** Offset of the match in the searched string. */
  at: number;
}

const OPEN = '[〔\\[［(（【﹝]';
const CLOSE = '[〕\\]］)）】﹞]';
// OCR and PDF text put spaces inside numbers ("〔2 022〕3 号"): allow them everywhere inside.
const YEAR = '((?:1\\s*9|2\\s*0)\\s*\\d\\s*\\d)';
const BRACKETED = new RegExp(`([\\u4e00-\\u9fa5]{1,12})\\s*${OPEN}\\s*${YEAR}\\s*${CLOSE}\\s*第?\\s*(\\d(?:\\s*\\d){0,4})\\s*号`, 'g');
const DECREE = /([\u4e00-\u9fa5]{2,24}?(?:人民政府|国务院|部|委员会|局))(?:令第\s*(\d{1,4})\s*号|第\s*(\d{1,4})\s*号令)/g;
/** Words that run into an abbreviation inside a sentence ("按照国办发〔2018〕1号") and are not part of it. */
const LEADING_WORDS = /^(?:[\u4e00-\u9fa5]*?(?:根据|按照|依据|参照|执行|落实|印发|转发|关于|的通知|通知|文件|和|及|与|见|即))+/;

const digits = (s: string) => Number(s.replace(/\s+/g, ''));

/** Every bracketed 文号 in `s`, in order. */
export function findDocNumbers(s: string): DocNumber[] {
  const found: DocNumber[] = [];
  for (const m of s.matchAll(BRACKETED)) {
    const prefix = m[1]!.replace(LEADING_WORDS, '') || m[1]!;
    const year = digits(m[2]!);
    const number = digits(m[3]!);
    found.push({ text: `${prefix}〔${year}〕${number}号`, prefix, year, number, at: m.index + (m[1]!.length - prefix.length) });
  }
  return found;
}

/**
 * Decree numbers of government rules (规章): "北京市人民政府第307号令", "重庆市人民政府令第361号".
 * The issuer is cut to start at its first place name, so a date before it ("23日北京市...") is not taken in.
 */
export function findDecreeNumbers(s: string): DocNumber[] {
  const found: DocNumber[] = [];
  for (const m of s.matchAll(DECREE)) {
    let issuer = m[1]!;
    const place = findPlaces(issuer)[0];
    const national = issuer.lastIndexOf('国务院');
    if (place) issuer = issuer.slice(place.at);
    else if (national >= 0) issuer = issuer.slice(national);
    else continue;
    const number = Number(m[2] ?? m[3]);
    found.push({ text: `${issuer}令第${number}号`, prefix: issuer, year: null, number, at: m.index + m[1]!.length - issuer.length });
  }
  return found;
}

/** The canonical form of a 文号 as a person may write it (spaces, [] or () brackets), or null if it is none. */
export function canonicalDocNumber(s: string): string | null {
  const t = s.trim();
  const bracketed = findDocNumbers(t);
  if (bracketed.length === 1) return bracketed[0]!.text;
  const decree = findDecreeNumbers(t);
  if (decree.length === 1) return decree[0]!.text;
  return null;
}
