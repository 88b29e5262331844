import { constants, inflateRawSync } from 'node:zlib';

/** More entries than any Word or Excel file has; a central directory of millions is an attack on the unzipper. */
const MAX_ENTRIES = 10_000;
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

interface Entry {
  name: string;
  method: number;
  compressed: number;
  declared: number;
  offset: number;
}

/** A damaged archive fails; one over a limit is refused. */
export interface ZipProblem {
  status: 'failed' | 'refused';
  message: string;
}

const mb = (n: number) => (n < 1024 * 1024 ? `${Math.ceil(n / 1024)} KB` : `${Math.round(n / 1024 / 1024)} MB`);

/** The parts that readers inflate and parse as a whole: the XML, never the media (images stay packed). */
function isParsedPart(name: string): boolean {
  return /\.(xml|rels)$/i.test(name);
}

/**
 * Why a ZIP-based file (.docx, .xlsx) must not be unpacked, or null when it may: more than `limit`
 * bytes of XML, declared in its central directory or found by inflating it. The inflation is real
 * but capped at the limit, so a file that lies about its sizes costs at most `limit` bytes of
 * memory for a moment, never the gigabytes it would unpack to in the reader.
 */
export function zipSizeProblem(bytes: Uint8Array, limit: number): ZipProblem | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = centralDirectory(buf);
  if (typeof entries === 'string') return { status: 'failed', message: entries };
  const refused = (message: string): ZipProblem => ({ status: 'refused', message: `refused: ${message}` });
  if (!Array.isArray(entries)) return refused(`the archive has ${entries.parts} parts (limit ${MAX_ENTRIES}): not an office document`);
  const parsed = entries.filter((e) => isParsedPart(e.name));
  const declared = parsed.reduce((a, e) => a + e.declared, 0);
  if (declared > limit) return refused(`its XML unpacks to ${mb(declared)} (limit ${mb(limit)})`);
  let actual = 0;
  for (const e of parsed) {
    const size = inflatedSize(buf, e, limit - actual);
    if (size === null) return refused(`its XML unpacks to more than ${mb(limit)} (the limit), although the archive declares ${mb(declared)}`);
    actual += size;
  }
  return null;
}

/** The bytes of one entry once inflated, or null past `budget`; a damaged entry is left to the reader. */
function inflatedSize(buf: Buffer, e: Entry, budget: number): number | null {
  if (buf.length < e.offset + 30 || buf.readUInt32LE(e.offset) !== LOCAL) return 0;
  const start = e.offset + 30 + buf.readUInt16LE(e.offset + 26) + buf.readUInt16LE(e.offset + 28);
  const data = buf.subarray(start, start + e.compressed);
  if (e.method === 0) return data.length > budget ? null : data.length;
  if (e.method !== 8) return 0;
  try {
    // Z_SYNC_FLUSH: a cut-off stream gives what it has instead of an error.
    return inflateRawSync(data, { maxOutputLength: Math.max(1, budget + 1), finishFlush: constants.Z_SYNC_FLUSH }).length;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? null : 0;
  }
}

/** The entries of the central directory, why there is none to trust, or how many too many it has. */
function centralDirectory(buf: Buffer): Entry[] | string | { parts: number } {
  let end = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return 'not a ZIP archive (no central directory): damaged or not an office document';
  let count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  // ZIP64: the real values are in the ZIP64 end record, which the locator just before points to.
  if ((count === 0xffff || at === 0xffffffff) && end >= 20 && buf.readUInt32LE(end - 20) === 0x07064b50) {
    const z = Number(buf.readBigUInt64LE(end - 12));
    if (z + 56 > buf.length) return 'damaged ZIP64 directory';
    count = Number(buf.readBigUInt64LE(z + 32));
    at = Number(buf.readBigUInt64LE(z + 48));
  }
  if (count > MAX_ENTRIES) return { parts: count };
  const entries: Entry[] = [];
  for (let k = 0; k < count; k++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) return 'damaged ZIP directory';
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const entry: Entry = {
      name: buf.toString('utf8', at + 46, at + 46 + nameLen),
      method: buf.readUInt16LE(at + 10),
      compressed: buf.readUInt32LE(at + 20),
      declared: buf.readUInt32LE(at + 24),
      offset: buf.readUInt32LE(at + 42),
    };
    zip64Sizes(buf.subarray(at + 46 + nameLen, at + 46 + nameLen + extraLen), entry);
    entries.push(entry);
    at += 46 + nameLen + extraLen + buf.readUInt16LE(at + 32);
  }
  return entries;
}

/** Fills in the sizes and offset an entry keeps in its ZIP64 extra field (those set to 0xFFFFFFFF). */
function zip64Sizes(extra: Buffer, e: Entry): void {
  for (let i = 0; i + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(i);
    const size = extra.readUInt16LE(i + 2);
    if (id === 0x0001) {
      let p = i + 4;
      const next = () => (p + 8 <= i + 4 + size && p + 8 <= extra.length ? Number(extra.readBigUInt64LE((p += 8) - 8)) : null);
      if (e.declared === 0xffffffff) e.declared = next() ?? e.declared;
      if (e.compressed === 0xffffffff) e.compressed = next() ?? e.compressed;
      if (e.offset === 0xffffffff) e.offset = next() ?? e.offset;
      return;
    }
    i += 4 + size;
  }
}
