import type { AdminLevel } from '../types.js';
import type { DocNumber } from './docNumber.js';
import { findPlaces, type Place } from './places.js';
import { DOC_NUMBER_PREFIXES, NATIONAL, PROVINCES } from './provinces.js';
import type { DocumentLayout } from './readLayout.js';

/** Who issued a document, as far as its own header, labels and signatures tell. */
export interface Jurisdiction {
  province: string;
  level: AdminLevel;
  confidence: number;
  /**
   * True when only places named in the body voted: a national plan that names 新疆生产建设兵团 in
   * passing is not Xinjiang's. Such a guess is a candidate for a person to check, never the province.
   */
  fromBody: boolean;
}

interface Evidence {
  province: string;
  level: AdminLevel;
  /** The place name that gave the vote, if any. */
  place?: string;
  weight: number;
  /** How much a vote of this kind is worth when it wins alone. */
  trust: number;
}

/** Central issuers: the State Council, the Party centre, ministries and national bureaus. */
const NATIONAL_ISSUER =
  /^(国务院|中共中央|全国人民代表大会|全国人大|中华人民共和国|国家[\u4e00-\u9fa5]{1,14}(委员会|部|局|署|委|总局|院)|(教育|科学技术|科技|工业和信息化|工信|公安|民政|司法|财政|人力资源和社会保障|人社|自然资源|生态环境|住房和城乡建设|住房城乡建设|交通运输|水利|农业农村|商务|文化和旅游|退役军人事务|应急管理)部|中国人民银行|海关总署|市场监管总局|国家卫生健康委|中国银保监会|中国证监会)/;
const NATIONAL_DOC_NUMBER = /^国(办)?[发函]|^(发改|财|教|工信|人社|建|交|商|农|国科|科|银|银保监)[\u4e00-\u9fa5]{0,4}$/;

/** The part of an issuer line before the title begins: places after 关于 are the subject, not the issuer. */
function issuerPart(s: string): string {
  const cut = s.search(/关于|印发|《/);
  return cut > 0 ? s.slice(0, cut) : s;
}

/** The most local place of the issuer, within the province of the first place named. */
function placeOfIssuer(s: string): Place | null {
  const places = findPlaces(issuerPart(s));
  const first = places[0];
  if (!first) return null;
  const order: AdminLevel[] = ['national', 'provincial', 'prefecture', 'county'];
  return places
    .filter((p) => p.province === first.province)
    .reduce((best, p) => (order.indexOf(p.level) > order.indexOf(best.level) ? p : best), first);
}

function englishProvince(s: string): string | null {
  for (const p of PROVINCES) if (new RegExp(`\\b${p.en}\\b`, 'i').test(s)) return p.name;
  return null;
}

function vote(out: Evidence[], line: string, weight: number, trust: number): boolean {
  // "（2018年7月17日国家卫生健康委员会发布）": the issuer follows a promulgation date.
  const issuer = line.replace(/^[（(]?\s*(?:(?:19|20)\d{2}年\d{1,2}月\d{1,2}日)?/, '');
  const place = placeOfIssuer(issuer);
  if (place) {
    out.push({ province: place.province, level: place.level, place: place.name, weight, trust });
    return true;
  }
  if (NATIONAL_ISSUER.test(issuer.replace(/^[【《]/, ''))) {
    out.push({ province: NATIONAL, level: 'national', weight, trust });
    return true;
  }
  const en = englishProvince(issuer);
  if (en) out.push({ province: en, level: 'provincial', weight, trust: trust * 0.9 });
  return en !== null;
}

/**
 * Votes of the parts of a document that speak for its issuer: labelled lines of exports (地区, 发布机关),
 * the 【issuer】 of a title, the red header and title lines, the signatures, and the prefix of the
 * document's own 文号. The body, where other documents are quoted with their issuers and 文号,
 * only decides when nothing else says anything, and then with low confidence.
 */
export function inferJurisdiction(layout: DocumentLayout, ownNumber: DocNumber | null, body: string): Jurisdiction | null {
  const votes: Evidence[] = [];
  const region = layout.labels.get('地区');
  if (region) vote(votes, region, 5, 0.9);
  const agency = layout.labels.get('发文机关') ?? layout.labels.get('发布机关');
  if (agency) vote(votes, agency, 4, 0.9);
  if (layout.bracketIssuer) vote(votes, layout.bracketIssuer, 4, 0.85);
  let first = true;
  for (const line of layout.header) {
    if (vote(votes, line, first ? 3 : 1.5, 0.85)) first = false;
  }
  for (const s of layout.signatures) if (s.issuer) vote(votes, s.issuer, s.printed ? 2 : 3, 0.8);
  if (ownNumber) numberVotes(votes, ownNumber);

  const fromBody = votes.length === 0;
  if (fromBody) {
    // Nothing in the header or signature: the places the body names most, as a candidate only.
    for (const p of findPlaces(body)) votes.push({ province: p.province, level: p.level, weight: 0.2, trust: 0.3 });
  }
  if (votes.length === 0) return null;
  const totals = new Map<string, number>();
  for (const v of votes) totals.set(v.province, (totals.get(v.province) ?? 0) + v.weight);
  let winner = votes[0]!.province;
  for (const [p, w] of totals) if (w > totals.get(winner)!) winner = p;
  const all = [...totals.values()].reduce((a, b) => a + b, 0);
  const best = votes.filter((v) => v.province === winner).reduce((a, v) => (v.weight > a.weight ? v : a));
  return { province: winner, level: best.level, confidence: round2(best.trust * (totals.get(winner)! / all)), fromBody };
}

/**
 * The 文号 prefix votes for the places it may stand for. An ambiguous prefix (宁: Ningxia or Nanjing)
 * splits its vote; a prefix whose first character opens a place already named (达 of 达州) supports it.
 */
function numberVotes(votes: Evidence[], n: DocNumber): void {
  if (NATIONAL_DOC_NUMBER.test(n.prefix) && n.year !== null) {
    votes.push({ province: NATIONAL, level: 'national', weight: 2, trust: 0.6 });
    return;
  }
  const ch = n.prefix[0]!;
  const named = votes.filter((v) => v.province !== NATIONAL);
  const candidates = DOC_NUMBER_PREFIXES[ch] ?? [];
  for (const province of candidates) {
    const level = named.find((v) => v.province === province)?.level ?? 'provincial';
    votes.push({ province, level, weight: candidates.length === 1 ? 2 : 1, trust: 0.6 });
  }
  const agreeing = named.find((v) => v.place?.startsWith(ch));
  if (agreeing && !candidates.includes(agreeing.province)) votes.push({ ...agreeing, weight: 1, trust: 0.6 });
}

const round2 = (x: number) => Math.round(x * 100) / 100;
