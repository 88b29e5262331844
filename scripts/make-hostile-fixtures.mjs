#!/usr/bin/env node
/**
 * Hostile and odd inputs: archive and stream bombs, files in the encodings Windows tools and older
 * sites produce, files that lie about what they are, and old Word / WPS files.
 *
 *   node scripts/make-hostile-fixtures.mjs
 *       regenerates the committed test/fixtures/hostile-inputs/ (a .doc and a .wps made from a .docx
 *       by LibreOffice itself; needs libreoffice-writer-nogui and the docx devDependency).
 *   node scripts/make-hostile-fixtures.mjs <dir> [<real corpus folder>]
 *       writes the whole hostile folder into <dir> (under 2 MB on disk apart from the one HTML file
 *       over the 20 MB text limit). With a real corpus folder (../shared/corpus2), four of its
 *       policies are re-encoded (UTF-8 with BOM, UTF-16 LE and BE with BOM, GB18030); a Big5 policy
 *       written for this project is always added. Used by test/e2e/hostileInputs.test.ts.
 *
 * The bombs are small on disk and would take hundreds of megabytes if inflated.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { constants, crc32, deflateRawSync } from 'node:zlib';

const COMMITTED = join(process.cwd(), 'test', 'fixtures', 'hostile-inputs');
const MB = 1024 * 1024;

/** A policy in Traditional Chinese, written for this project (not a real one), for the Big5 file. */
export const BIG5_POLICY = [
  '某市政府關於支持中小企業數位轉型的若干措施',
  '第一條 為推動本市中小企業數位轉型，制定本措施。',
  '第二條 市財政每年安排專項資金，對企業購置數位設備給予補助，最高不超過五十萬元。',
  '第三條 對符合條件的企業，減免房屋稅及地價稅。',
  '第四條 建立人才培訓制度，每年培訓數位技術人才一千人。',
  '第五條 禁止以數位轉型名義違規收取費用。',
  '第六條 本措施自發布之日起施行。',
].join('\n');

/** Encodes text in a legacy encoding by inverting Node's decoder over every two-byte sequence. */
export function encodeLegacy(text, encoding) {
  const table = new Map();
  const decoder = new TextDecoder(encoding);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const out = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else if (table.has(ch)) out.push(...table.get(ch));
    else throw new Error(`${encoding} cannot encode ${ch}`);
  }
  return Buffer.from(out);
}

function utf16(text, endian) {
  const le = Buffer.from('\ufeff' + text, 'utf16le');
  return endian === 'le' ? le : le.swap16();
}

/** A ZIP archive written by hand, so that the sizes it declares can lie. */
export function zip(entries) {
  const locals = [];
  const central = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const declared = e.declared ?? e.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.deflated.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(8, 10);
    cd.writeUInt32LE(e.crc, 16);
    cd.writeUInt32LE(e.deflated.length, 20);
    cd.writeUInt32LE(declared, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    locals.push(local, name, e.deflated);
    central.push(cd, name);
    offset += 30 + name.length + e.deflated.length;
  }
  const cdBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 10);
  end.writeUInt32LE(cdBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cdBytes, end]);
}

export function entry(name, content) {
  const data = Buffer.from(content);
  return { name, size: data.length, crc: crc32(data), deflated: deflateRawSync(data) };
}

/** An entry whose content is `unit` repeated up to `size` bytes, deflated piece by piece (never whole in memory). */
function repeatedEntry(name, unit, size) {
  const piece = Buffer.from(unit.repeat(Math.ceil(MB / Buffer.byteLength(unit)))).subarray(0, MB);
  const count = Math.floor(size / piece.length);
  let crc = 0;
  const parts = [];
  for (let i = 0; i < count; i++) {
    crc = crc32(piece, crc);
    // One raw deflate stream made of flushed blocks: each piece ends with a sync flush, the last one finishes.
    parts.push(deflateRawSync(piece, { level: 9, finishFlush: i === count - 1 ? constants.Z_FINISH : constants.Z_SYNC_FLUSH }));
  }
  return { name, size: count * piece.length, crc, deflated: Buffer.concat(parts) };
}

const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const PARAGRAPH = '<w:p><w:r><w:t>对企业给予补贴。</w:t></w:r></w:p>';

/** A .docx whose document.xml is `size` bytes of paragraphs; `declared` overrides the size its headers state. */
export function docxBomb(size, declared) {
  const body = repeatedEntry('word/document.xml', PARAGRAPH, size);
  // A paragraph list, not a whole document: the root element is never closed. Readers fail on it,
  // and only a check before inflating keeps them from building the string first.
  return zip([entry('[Content_Types].xml', CONTENT_TYPES), entry('_rels/.rels', RELS), { ...body, declared: declared ?? body.size }]);
}

/**
 * A one-page PDF whose content stream is `size` bytes of text operators, compressed with `filter`:
 * 'flate', 'hex-flate' (Flate, then written as hexadecimal: a chain of two filters) or 'lzw'.
 */
export function pdfBomb(size, filter = 'flate') {
  const unit = 'BT /F1 12 Tf 72 712 Td (policy) Tj ET\n';
  const piece = Buffer.from(unit.repeat(Math.ceil(MB / unit.length))).subarray(0, MB);
  const count = Math.ceil(size / MB);
  let stream;
  if (filter === 'lzw') stream = lzwEncode(Buffer.concat(Array.from({ length: count }, () => piece)));
  else {
    const parts = [];
    for (let i = 0; i < count; i++) parts.push(deflateRawSync(piece, { level: 9, finishFlush: i === count - 1 ? constants.Z_FINISH : constants.Z_SYNC_FLUSH }));
    // A zlib stream is a two-byte header, the raw deflate data and an Adler-32 checksum (left at 0: pdf.js and zlib are not asked to check it here).
    stream = Buffer.concat([Buffer.from([0x78, 0xda]), ...parts, Buffer.alloc(4)]);
    if (filter === 'hex-flate') stream = Buffer.from(stream.toString('hex') + '>');
  }
  const filters = { flate: '/FlateDecode', 'hex-flate': '[/ASCIIHexDecode /FlateDecode]', lzw: '/LZWDecode' }[filter];
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    null,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const chunks = [Buffer.from('%PDF-1.4\n')];
  const offsets = [];
  let at = chunks[0].length;
  objects.forEach((body, i) => {
    offsets.push(at);
    const head = Buffer.from(body === null ? `${i + 1} 0 obj\n<< /Length ${stream.length} /Filter ${filters} >>\nstream\n` : `${i + 1} 0 obj\n${body}\nendobj\n`);
    const tail = Buffer.from(body === null ? '\nendstream\nendobj\n' : '');
    chunks.push(head, ...(body === null ? [stream, tail] : []));
    at += head.length + (body === null ? stream.length + tail.length : 0);
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`;
  chunks.push(Buffer.from(xref));
  return Buffer.concat(chunks);
}

/** LZW as PDF uses it (9 to 12 bit codes, clear at a full table, EarlyChange 1). */
export function lzwEncode(input) {
  const out = [];
  let acc = 0;
  let held = 0;
  const width = (next) => Math.min(12, Math.ceil(Math.log2(next + 1)));
  const emit = (code, bits) => {
    acc = (acc << bits) | code;
    held += bits;
    while (held >= 8) {
      out.push((acc >>> (held - 8)) & 255);
      held -= 8;
      acc &= (1 << held) - 1;
    }
  };
  let dict = new Map();
  let next = 258;
  emit(256, 9);
  let w = -1;
  for (const byte of input) {
    if (w < 0) {
      w = byte;
      continue;
    }
    const code = dict.get(w * 256 + byte);
    if (code !== undefined) {
      w = code;
      continue;
    }
    emit(w, width(next));
    if (next < 4093) dict.set(w * 256 + byte, next++);
    else {
      emit(256, width(next));
      dict = new Map();
      next = 258;
    }
    w = byte;
  }
  if (w >= 0) emit(w, width(next));
  emit(257, width(next + 1));
  if (held > 0) out.push((acc << (8 - held)) & 255);
  return Buffer.from(out);
}

/** Bytes that look like nothing: a fixed linear congruential sequence, the same on every run. */
function noise(n) {
  const out = Buffer.alloc(n);
  let x = 12345;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** Real policies re-encoded: the file in ../shared, and how it is written here. */
const REENCODED = [
  ['cn_commerce_plan.txt', 'utf-8-with-bom.txt', (t) => Buffer.from('\ufeff' + t)],
  ['rx_beijing_property_elderly_care.txt', 'utf-16le-with-bom.txt', (t) => utf16(t, 'le')],
  ['rx_chongqing_consumption_restrictions.txt', 'utf-16be-with-bom.txt', (t) => utf16(t, 'be')],
  ['rx_gansu_lanzhou_business_env.txt', 'gb18030.txt', (t) => encodeLegacy(t, 'gb18030')],
];

/** Writes the hostile folder; returns the real files re-encoded, by name written. */
export function writeHostileFolder(dir, realCorpus) {
  mkdirSync(dir, { recursive: true });
  const put = (name, data) => writeFileSync(join(dir, name), data);
  put('docx-bomb-150mb-of-xml.docx', docxBomb(150 * MB));
  put('docx-bomb-declaring-4kb.docx', docxBomb(150 * MB, 4096));
  put('docx-with-20000-parts.docx', zip(Array.from({ length: 20_000 }, (_, i) => entry(`word/p${i}.xml`, ''))));
  put('docx-cut-in-half.docx', zip([entry('[Content_Types].xml', CONTENT_TYPES), entry('_rels/.rels', RELS), entry('word/document.xml', PARAGRAPH)]).subarray(0, 300));
  put('text-named-docx.docx', '这不是一个Word文件。\n');
  put('pdf-content-stream-bomb-150mb.pdf', pdfBomb(150 * MB));
  put('pdf-hex-then-flate-bomb-150mb.pdf', pdfBomb(150 * MB, 'hex-flate'));
  put('html-over-20mb.html', `<html><body>${'<p>对企业给予补贴。</p>'.repeat(Math.ceil((21 * MB) / 30))}</body></html>`);
  put('html-nested-100000-deep.html', `<html><body>${'<div>'.repeat(100_000)}第一条 对企业给予补贴。${'</div>'.repeat(100_000)}</body></html>`);
  put('binary-noise.txt', noise(64 * 1024));
  put('big5-traditional-policy.txt', encodeLegacy(BIG5_POLICY, 'big5'));
  // Text that makes careless patterns backtrack: one long paragraph with no full stop, of counts and shares
  // (the none formula for figures) and a stray opening quotation mark before modals (rule 2's asides).
  put('regex-backtracking.txt', `第一条 ${'2888笔，占27.04%，'.repeat(4000)}“${'企业应当加强管理，'.repeat(4000)}\n`);
  put('empty.doc', '');
  put('noise-named-doc.doc', noise(16 * 1024));
  for (const f of ['policy-saved-as-word-97.doc', 'policy-saved-by-wps.wps']) copyFileSync(join(COMMITTED, f), join(dir, f));
  const reencoded = {};
  if (realCorpus) {
    for (const [source, name, encode] of REENCODED) {
      const text = readFileSync(join(realCorpus, source), 'utf8').replace(/^\ufeff/, '');
      put(name, encode(text));
      reencoded[name] = { source, text };
    }
  }
  return reencoded;
}

/** A short notice written for this project; `phrase` tells the two committed files apart. */
const notice = (phrase) => [
  '某市人民政府办公室关于支持企业技术改造的通知',
  `一、${phrase}`,
  '二、市财政安排专项资金，对企业技术改造项目给予补贴。',
  '三、对符合条件的企业减免城镇土地使用税。',
  '四、本通知自印发之日起施行。',
];

/**
 * The committed fixtures: .docx files made with the docx package, saved as Word 97 by LibreOffice.
 * WPS Office can save its .wps documents in that format; the .wps fixture is such a file (a .wps in
 * Kingsoft's own older format was not available to test with).
 */
async function writeCommitted() {
  const { Document, Packer, Paragraph } = await import('docx');
  const tmp = mkdtempSync(join(tmpdir(), 'policy-code-hostile-'));
  try {
    for (const [name, phrase] of [
      ['policy-saved-as-word-97.doc', '建立技术改造项目库，定期发布目录。'],
      ['policy-saved-by-wps.wps', '设立技术改造服务窗口，为企业提供咨询。'],
    ]) {
      const docx = await Packer.toBuffer(new Document({ creator: 'policy-code', sections: [{ children: notice(phrase).map((l) => new Paragraph(l)) }] }));
      writeFileSync(join(tmp, 'policy.docx'), docx);
      execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=${pathToFileURL(join(tmp, 'profile')).href}`, '--convert-to', 'doc', '--outdir', tmp, join(tmp, 'policy.docx')], { stdio: 'ignore' });
      mkdirSync(COMMITTED, { recursive: true });
      copyFileSync(join(tmp, 'policy.doc'), join(COMMITTED, name));
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [dir, real] = process.argv.slice(2);
  if (dir) writeHostileFolder(dir, real && existsSync(real) ? real : undefined);
  else await writeCommitted();
}
