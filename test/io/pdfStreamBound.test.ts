import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pdfStreamProblem } from '../../src/io/extract/pdfStreamProblem.js';

const MB = 1024 * 1024;

/** A PDF whose one content stream is `bytes` zero bytes deflated as tightly as zlib can. */
function zerosPdf(bytes: number): { pdf: Uint8Array; compressed: number } {
  const stream = deflateSync(Buffer.alloc(bytes), { level: 9 });
  const head = Buffer.from(`%PDF-1.4\n4 0 obj\n<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`);
  return { pdf: new Uint8Array(Buffer.concat([head, stream, Buffer.from('\nendstream\nendobj\n%%EOF\n')])), compressed: stream.length };
}

/**
 * pdfStreamProblem decodes only the streams that could pass the limit: deflate gives at most 1032
 * bytes a byte. Zeros are the most compressible data there is: the bound must hold for them, and a
 * stream of zeros just over the limit must still be decoded and refused.
 */
describe('the stream check skips only streams that cannot reach the limit', () => {
  it('zlib packs zeros below the 1032:1 the check assumes', () => {
    const { compressed } = zerosPdf(12 * MB);
    expect(12 * MB / compressed).toBeLessThan(1032);
    expect(12 * MB / compressed).toBeGreaterThan(900);
  });

  it('refuses zeros just over the limit, passes zeros just under it', () => {
    expect(pdfStreamProblem(zerosPdf(10 * MB + 64 * 1024).pdf, 10 * MB)).toMatch(/more than 10 MB/);
    expect(pdfStreamProblem(zerosPdf(10 * MB - 64 * 1024).pdf, 10 * MB)).toBeNull();
  });
});
