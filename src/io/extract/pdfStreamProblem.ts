import { DECODERS, TooLarge } from './pdfFilters.js';

const STREAM = Buffer.from('stream');
const ENDSTREAM = Buffer.from('endstream');
const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/**
 * Why a PDF must not be given to pdf.js, or null: a compressed stream that pdf.js would decode for
 * its text (page contents, fonts, object streams; images are never decoded for text) expands to
 * more than `limit` bytes through its filters (Flate, LZW, RunLength, after ASCIIHex or ASCII85).
 * pdf.js decodes a stream whole and cannot be stopped from inside; a 1 MB file whose content stream
 * inflates to 240 MB took it 71 s and 534 MB. Each stream is decoded here with a cap, so the check
 * costs at most `limit` bytes for a moment.
 */
export function pdfStreamProblem(data: Uint8Array, limit: number): string | null {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  for (let at = buf.indexOf(STREAM); at >= 0; at = buf.indexOf(STREAM, at + STREAM.length)) {
    // "endstream" contains "stream"; only a keyword that follows a dictionary starts a stream.
    if (at >= 3 && buf.subarray(at - 3, at).toString('latin1') === 'end') continue;
    const dict = dictionaryBefore(buf, at);
    const filters = dict === null || /\/Subtype\s*\/Image\b/.test(dict) ? [] : filtersOf(dict);
    if (!filters.some((f) => /^(FlateDecode|Fl|LZWDecode|LZW|RunLengthDecode|RL)$/.test(f))) continue;
    let start = at + STREAM.length;
    if (buf[start] === 0x0d) start++;
    if (buf[start] === 0x0a) start++;
    // A direct /Length marks the end; an indirect one (/Length 12 0 R) is not followed here.
    const length = /\/Length\s+(\d+)(\s+\d+\s+R)?/.exec(dict!);
    let end = length && !length[2] ? start + Number(length[1]) : buf.indexOf(ENDSTREAM, start);
    if (end < start || end > buf.length) end = buf.indexOf(ENDSTREAM, start);
    if (end < 0) end = buf.length;
    if (decodedTooLarge(buf.subarray(start, end), filters, limit)) {
      return `a compressed stream inflates to more than ${mb(limit)} (limit: --max-unpacked-mb)`;
    }
    at = end;
  }
  return null;
}

/** The stream's dictionary: from the nearest "obj" keyword before it, when the text ends in ">>". */
function dictionaryBefore(buf: Buffer, at: number): string | null {
  const from = Math.max(0, at - 4096);
  const head = buf.subarray(from, at).toString('latin1');
  if (!/>>\s*$/.test(head)) return null;
  const obj = head.lastIndexOf(' obj');
  return obj >= 0 ? head.slice(obj) : head;
}

/** The stream's filters in the order they apply: /Filter /X or /Filter [/X /Y]. */
function filtersOf(dict: string): string[] {
  const m = /\/Filter\s*(\[[^\]]*\]|\/[A-Za-z0-9]+)/.exec(dict);
  return m ? [...m[1]!.matchAll(/\/([A-Za-z0-9]+)/g)].map((x) => x[1]!) : [];
}

/**
 * How many times its input a filter's output can be at most: deflate 1032 (a 258-byte match in
 * under 2 bits), LZW's 12-bit codes at most 4,096 bytes from 9 bits, RunLength 128 from 2 bytes,
 * ASCII85's z 4 bytes from 1. A filter not listed is not decoded here.
 */
const MAX_EXPANSION: Record<string, number> = { FlateDecode: 1032, Fl: 1032, LZWDecode: 3641, LZW: 3641, RunLengthDecode: 64, RL: 64, ASCIIHexDecode: 1, AHx: 1, ASCII85Decode: 4, A85: 4 };

/** The most a stream can decode to through its filters (up to the first filter not decoded here). */
function mostDecoded(length: number, filters: readonly string[]): number {
  let bound = length;
  for (const f of filters) {
    const factor = MAX_EXPANSION[f];
    if (factor === undefined) break;
    bound = bound * factor + 1024;
  }
  return bound;
}

function decodedTooLarge(stream: Buffer, filters: readonly string[], limit: number): boolean {
  // A stream too short to reach the limit whatever it holds is not decoded: nearly every stream of a
  // real PDF (the check inflated every one of them: 0.3 s of an extract of 334 notices).
  if (mostDecoded(stream.length, filters) <= limit) return false;
  let data = stream;
  try {
    for (const f of filters) {
      const decode = DECODERS[f];
      // A filter pdf.js does not use for text (an image codec, encryption): the rest is not ours to judge.
      if (!decode) return false;
      data = decode(data, limit);
    }
    return false;
  } catch (err) {
    if (err instanceof TooLarge) return true;
    throw err;
  }
}
