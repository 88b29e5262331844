import { constants, inflateSync } from 'node:zlib';

const STREAM = Buffer.from('stream');
const ENDSTREAM = Buffer.from('endstream');
const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/**
 * Why a PDF must not be given to pdf.js, or null: a Flate stream that pdf.js would decode for its
 * text (page contents, fonts, object streams; images are never decoded for text) inflates to more
 * than `limit` bytes. pdf.js decodes a stream whole and cannot be stopped from inside; a 1 MB file
 * whose content stream inflates to 240 MB took it 71 s and 534 MB. Each stream is inflated here
 * with a cap, so the check costs at most `limit` bytes for a moment.
 */
export function pdfStreamProblem(data: Uint8Array, limit: number): string | null {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  for (let at = buf.indexOf(STREAM); at >= 0; at = buf.indexOf(STREAM, at + STREAM.length)) {
    // "endstream" contains "stream"; only a keyword that follows a dictionary starts a stream.
    if (at >= 3 && buf.subarray(at - 3, at).toString('latin1') === 'end') continue;
    const dict = dictionaryBefore(buf, at);
    if (dict === null || !/\/FlateDecode\b/.test(dict) || /\/Subtype\s*\/Image\b/.test(dict)) continue;
    let start = at + STREAM.length;
    if (buf[start] === 0x0d) start++;
    if (buf[start] === 0x0a) start++;
    // A direct /Length marks the end; an indirect one (/Length 12 0 R) is not followed here.
    const length = /\/Length\s+(\d+)(\s+\d+\s+R)?/.exec(dict);
    let end = length && !length[2] ? start + Number(length[1]) : buf.indexOf(ENDSTREAM, start);
    if (end < start || end > buf.length) end = buf.indexOf(ENDSTREAM, start);
    if (end < 0) end = buf.length;
    if (decodedTooLarge(buf.subarray(start, end), limit)) {
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

function decodedTooLarge(stream: Buffer, limit: number): boolean {
  try {
    inflateSync(stream, { maxOutputLength: limit + 1, finishFlush: constants.Z_SYNC_FLUSH });
    return false;
  } catch (err) {
    // A damaged stream is pdf.js's to recover from or report; only the size is judged here.
    return (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
  }
}
