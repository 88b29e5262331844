import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/io/extract/decodeText.js';
// The fixture script's encoder: it inverts Node's own decoders, so it needs no package.
import { BIG5_POLICY, encodeLegacy } from '../../scripts/make-hostile-fixtures.mjs';

const SIMPLIFIED = '第一条 市财政每年安排专项资金，对企业技术改造项目给予补贴。\n第二条 本办法自发布之日起施行。';

describe('decodeText: the encodings Chinese policy files come in', () => {
  it('UTF-8 without and with a BOM (the BOM is not part of the text)', () => {
    expect(decodeText(Buffer.from(SIMPLIFIED))).toEqual({ text: SIMPLIFIED, encoding: 'utf-8' });
    expect(decodeText(Buffer.from('\ufeff' + SIMPLIFIED))).toEqual({ text: SIMPLIFIED, encoding: 'utf-8' });
  });

  it('UTF-16 LE and BE with a BOM, as Windows tools export text', () => {
    const le = Buffer.from('\ufeff' + SIMPLIFIED, 'utf16le');
    expect(decodeText(le)).toEqual({ text: SIMPLIFIED, encoding: 'utf-16le' });
    expect(decodeText(Buffer.from(le).swap16())).toEqual({ text: SIMPLIFIED, encoding: 'utf-16be' });
  });

  it('GB18030 (and so GBK and GB2312) for simplified text', () => {
    expect(decodeText(encodeLegacy(SIMPLIFIED, 'gb18030'))).toEqual({ text: SIMPLIFIED, encoding: 'gb18030' });
  });

  it('Big5 for traditional text, although its bytes also decode as GB18030', () => {
    const bytes = encodeLegacy(BIG5_POLICY, 'big5');
    expect(new TextDecoder('gb18030').decode(bytes)).not.toBe(BIG5_POLICY);
    expect(decodeText(bytes)).toEqual({ text: BIG5_POLICY, encoding: 'big5' });
  });

  it('a short GBK line stays GB18030 even where its bytes are also valid Big5', () => {
    const line = '关于进一步加强政府网站管理的通知';
    const bytes = encodeLegacy(line, 'gb18030');
    expect(decodeText(bytes)).toEqual({ text: line, encoding: 'gb18030' });
  });
});
