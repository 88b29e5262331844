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

function decodedTooLarge(stream: Buffer, filters: readonly string[], limit: number): boolean {
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
