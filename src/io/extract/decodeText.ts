export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

/**
 * The hundred most frequent characters of Chinese prose, in simplified and traditional forms. A
 * text decoded with the wrong legacy encoding is made of rare characters, so the share of these
 * tells GB18030 from Big5 (GB18030 accepts almost any byte pair, so decoding never fails alone).
 */
const COMMON = new Set(
  '的一是在不了有和人这這中大为為上个個国國我以要他时時来來用们們生到作地于於出就分对對成会會可主发發年动動同工也能下过過子说說产產种種面而方后後多定行学學法所民得经經十之进進着等部度家电電力里如水化高自理起小物现現实實加量都两兩体體制机機当當使点點从從业業本去把性好应應开開它合还還因由其些然前外天政务務日社义義事平形相全表间間样樣与與关關各重新线線内內数數正心反明看原又利比或但质質气氣第向道命此变變条條只没沒结結解问問意建月公无無系军軍很情者最立代想已通并並提直题題程展五果料象员員革位入常文总總次品式活设設及管特件长長求老头頭基资資边邊流路级級少图圖山统統接知较較将將组組见見计計别別手角期根论論运運农農指几幾区區强強放决決西被干做必战戰先回则則任取据據处處队隊南给給色光门門即保治北造百规規热熱领領七海口东東导導器压壓志世金增争爭济濟阶階油思术術极極交受联聯什认認六共权權收证證改清己美再采转轉更单單风風切打白教速花带帶安场場身车車例真具万萬每目至达達走积積示议議声聲报報斗完类類八离離华華名确確才科张張信马馬节節话話米整空元况況今集温溫传傳土许許步群广廣石记記需段研界拉林律叫且究观觀越织織装裝影算低持音众眾书書布复複容儿兒须須际際商非验驗连連断斷深难難近矿礦千周委素技备備半办辦青省列习習响響约約支般史感劳勞便团團往酸历歷市克何除消构構府称稱太准精值号號率族维維划劃选選标標写寫存候毛亲親快效斯院查江型眼王按格养養易置派层層片始却专專状狀育厂廠京识識适適属屬圆圓包火住调調满滿县縣局照参參红紅细細引听聽该該铁鐵价價严嚴',
);

function commonShare(text: string): number {
  let cjk = 0;
  let common = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x3400 || c > 0x9fff) continue;
    cjk++;
    if (COMMON.has(ch)) common++;
  }
  return cjk === 0 ? 0 : common / cjk;
}

function decodes(encoding: TextEncoding, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Decodes a plain-text file: a byte order mark decides (UTF-8, UTF-16 LE or BE: Windows tools
 * export text as UTF-16 with a BOM); else valid UTF-8 is UTF-8; else the legacy encoding Chinese
 * sites publish in, GB18030 (a superset of GBK and GB2312) or Big5 (Traditional Chinese), whichever
 * gives the more common characters.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  // TextDecoder removes the BOM it recognises (ignoreBOM is false by default).
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  const utf8 = decodes('utf-8', bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  const gb = new TextDecoder('gb18030').decode(bytes);
  const big5 = decodes('big5', bytes);
  if (big5 !== null && commonShare(big5) > commonShare(gb)) return { text: big5, encoding: 'big5' };
  return { text: gb, encoding: 'gb18030' };
}

/** The decoder for a charset an HTML page declares, or null to detect it from the bytes. */
export function declaredEncoding(charset: string | null): TextEncoding | null {
  if (!charset) return null;
  if (/^(gbk|gb2312|gb18030|x-gbk|cp936)$/.test(charset)) return 'gb18030';
  if (/^(big5|big5-hkscs|x-x-big5|cn-big5)$/.test(charset)) return 'big5';
  return null;
}
