import { constants, inflateSync } from 'node:zlib';

/** The stream was decoded past the limit: the decoders stop there instead of allocating more. */
export class TooLarge extends Error {}

/**
 * The PDF filters that expand data, decoded with a cap on their output (Flate, LZW, RunLength), and
 * the ASCII encodings that may come before them in a filter chain. Image filters (DCT, JPX, CCITT,
 * JBIG2) are not decoded for text, so they are not listed: decoding stops at them.
 */
export const DECODERS: Record<string, (data: Buffer, limit: number) => Buffer> = {
  FlateDecode: flate,
  Fl: flate,
  LZWDecode: lzw,
  LZW: lzw,
  RunLengthDecode: runLength,
  RL: runLength,
  ASCIIHexDecode: asciiHex,
  AHx: asciiHex,
  ASCII85Decode: ascii85,
  A85: ascii85,
};

function flate(data: Buffer, limit: number): Buffer {
  try {
    // Z_SYNC_FLUSH: a cut-off stream gives what it has instead of an error.
    return inflateSync(data, { maxOutputLength: limit + 1, finishFlush: constants.Z_SYNC_FLUSH });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new TooLarge();
    // A damaged stream is pdf.js's to recover from or report; only the size is judged here.
    return Buffer.alloc(0);
  }
}

/** Bytes written into chunks, so that nothing larger than the limit is ever allocated. */
class Output {
  private readonly chunks: Buffer[] = [];
  private current = Buffer.alloc(64 * 1024);
  private at = 0;
  private total = 0;

  constructor(private readonly limit: number) {}

  push(byte: number): void {
    if (++this.total > this.limit) throw new TooLarge();
    if (this.at === this.current.length) {
      this.chunks.push(this.current);
      this.current = Buffer.alloc(this.current.length);
      this.at = 0;
    }
    this.current[this.at++] = byte;
  }

  bytes(): Buffer {
    return Buffer.concat([...this.chunks, this.current.subarray(0, this.at)]);
  }
}

/** LZW as PDF uses it: codes of 9 to 12 bits, 256 clears the table, 257 ends, EarlyChange 1. */
function lzw(data: Buffer, limit: number): Buffer {
  const out = new Output(limit);
  const table: number[][] = [];
  const reset = () => {
    table.length = 0;
    for (let i = 0; i < 256; i++) table.push([i]);
    table.push([], []);
  };
  reset();
  let bits = 9;
  let buffer = 0;
  let held = 0;
  let previous: number[] | null = null;
  for (const byte of data) {
    buffer = (buffer << 8) | byte;
    held += 8;
    while (held >= bits) {
      const code = (buffer >>> (held - bits)) & ((1 << bits) - 1);
      held -= bits;
      buffer &= (1 << held) - 1;
      if (code === 257) return out.bytes();
      if (code === 256) {
        reset();
        bits = 9;
        previous = null;
        continue;
      }
      const entry: number[] | undefined = code < table.length ? table[code] : previous ? [...previous, previous[0]!] : undefined;
      if (!entry) return out.bytes();
      for (const b of entry) out.push(b);
      if (previous && table.length < 4096) table.push([...previous, entry[0]!]);
      previous = entry;
      if (table.length + 1 >= 1 << bits && bits < 12) bits++;
    }
  }
  return out.bytes();
}

function runLength(data: Buffer, limit: number): Buffer {
  const out = new Output(limit);
  for (let i = 0; i < data.length; ) {
    const n = data[i++]!;
    if (n === 128) break;
    if (n < 128) {
      for (let k = 0; k <= n && i < data.length; k++) out.push(data[i++]!);
    } else {
      const b = data[i++] ?? 0;
      for (let k = 0; k < 257 - n; k++) out.push(b);
    }
  }
  return out.bytes();
}

function asciiHex(data: Buffer): Buffer {
  const hex = data.toString('latin1').split('>')[0]!.replace(/[^0-9a-fA-F]/g, '');
  return Buffer.from(hex.length % 2 ? hex + '0' : hex, 'hex');
}

function ascii85(data: Buffer): Buffer {
  const text = data.toString('latin1').split('~>')[0]!.replace(/\s/g, '').replace(/^<~/, '');
  const out: number[] = [];
  let group: number[] = [];
  const flush = (count: number) => {
    while (group.length < 5) group.push(84);
    const value = group.reduce((a, d) => a * 85 + d, 0);
    const bytes = [(value >>> 24) & 255, (value >>> 16) & 255, (value >>> 8) & 255, value & 255];
    out.push(...bytes.slice(0, count));
    group = [];
  };
  for (const ch of text) {
    if (ch === 'z' && group.length === 0) {
      out.push(0, 0, 0, 0);
      continue;
    }
    const d = ch.charCodeAt(0) - 33;
    if (d < 0 || d > 84) continue;
    group.push(d);
    if (group.length === 5) flush(4);
  }
  if (group.length > 1) flush(group.length - 1);
  return Buffer.from(out);
}
