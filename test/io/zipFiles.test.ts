import { inflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { zipFiles } from '../../src/io/zipFiles.js';

const DATE = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));
const text = (s: string) => new TextEncoder().encode(s);

describe('zipFiles', () => {
  const entries = [
    { name: '[Content_Types].xml', data: text('<?xml version="1.0"?><Types/>') },
    { name: 'xl/worksheets/sheet1.xml', data: text('<row>政策工具 '.repeat(2000) + '</row>') },
    { name: '目录/空.txt', data: new Uint8Array() },
  ];

  it('writes an archive JSZip reads back entry by entry, in order, with the date given', async () => {
    const zip = await JSZip.loadAsync(zipFiles(entries, DATE));
    const names = Object.values(zip.files).filter((f) => !f.dir).map((f) => f.name);
    expect(names).toEqual(entries.map((e) => e.name));
    for (const e of entries) {
      const f = zip.file(e.name)!;
      expect(Buffer.from(await f.async('uint8array')).equals(Buffer.from(e.data)), e.name).toBe(true);
      expect(f.date.getUTCFullYear()).toBe(2000);
    }
  });

  it('compresses, and gives the same bytes for the same entries', () => {
    const a = zipFiles(entries, DATE);
    expect(Buffer.from(a).equals(Buffer.from(zipFiles(entries, DATE)))).toBe(true);
    expect(a.length).toBeLessThan(entries[1]!.data.length / 10);
    // The first entry's data, deflated, starts right after its 30-byte header and name.
    const compressed = Buffer.from(a).readUInt32LE(18);
    const start = 30 + entries[0]!.name.length;
    expect(inflateRawSync(Buffer.from(a).subarray(start, start + compressed)).toString()).toBe('<?xml version="1.0"?><Types/>');
  });
});
