#!/usr/bin/env node
/**
 * Inputs a new user gets wrong, for test/cli/badInput.test.ts (docs/bad-input.md lists them):
 *
 *   node scripts/make-bad-input-fixtures.mjs <dir>
 *
 * writes into <dir> a corpus of two short notices (written for this project, not real policies),
 * units and gold tables as Excel on a Chinese Windows saves them (GBK), with trailing empty rows
 * and as binary noise, a YAML codebook that is an alias bomb, and a plain file where a folder is
 * expected. Everything is small (under 20 kB); the noise is from a fixed seed, so the folder is
 * the same on every run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Two notices with one measure each: a subsidy (financial) and a prohibition (legal_regulatory). */
export const NOTICES = {
  'notice-subsidy.txt': ['某市人民政府关于支持小微企业发展的通知', '一、市财政每年安排专项资金，对小微企业给予补贴。', '二、本通知自印发之日起施行。'],
  'notice-ban.txt': ['某市市场监督管理局关于规范药品销售的通告', '一、禁止销售假药劣药。', '二、本通告自发布之日起施行。'],
};

/** Units a user codes with code-units; the text of u1 is a subsidy, u2 a prohibition. */
export const UNITS = [
  ['unit_id', 'text', 'primary'],
  ['u1', '对小微企业给予财政补贴。', 'financial'],
  ['u2', '禁止销售假药劣药。', 'legal_regulatory'],
];

/** GBK bytes of a text of characters in GB2312 (enough for these fixtures: no iconv needed). */
export function gbk(text) {
  const table = new Map();
  const decoder = new TextDecoder('gbk');
  for (let hi = 0xb0; hi <= 0xf7; hi++) {
    for (let lo = 0xa1; lo <= 0xfe; lo++) table.set(decoder.decode(Uint8Array.of(hi, lo)), [hi, lo]);
  }
  for (let hi = 0xa1; hi <= 0xa9; hi++) {
    for (let lo = 0xa1; lo <= 0xfe; lo++) if (!table.has(decoder.decode(Uint8Array.of(hi, lo)))) table.set(decoder.decode(Uint8Array.of(hi, lo)), [hi, lo]);
  }
  const bytes = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else if (table.has(ch)) bytes.push(...table.get(ch));
    else throw new Error(`no GBK code for ${ch}`);
  }
  return Uint8Array.from(bytes);
}

const csv = (rows) => rows.map((r) => r.join(',')).join('\r\n') + '\r\n';

/** Bytes that are no CSV, from a fixed seed (a linear congruential generator). */
function noise(length) {
  const out = new Uint8Array(length);
  let x = 12345;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** A YAML document whose aliases expand to 9^8 (43 million) strings: the "billion laughs". */
function aliasBomb() {
  const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
  const names = 'abcdefgh';
  for (let i = 1; i < names.length; i++) lines.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(',')}]`);
  return lines.join('\n') + '\n';
}

export function writeBadInputFolder(dir) {
  mkdirSync(join(dir, 'corpus'), { recursive: true });
  for (const [name, lines] of Object.entries(NOTICES)) writeFileSync(join(dir, 'corpus', name), lines.join('\n') + '\n');
  writeFileSync(join(dir, 'units.csv'), csv(UNITS));
  writeFileSync(join(dir, 'units-gbk.csv'), gbk(csv(UNITS)));
  // Excel's "Unicode text": UTF-16 LE with a BOM, tab-separated.
  writeFileSync(join(dir, 'units-excel-unicode.txt'), Buffer.from('\ufeff' + UNITS.map((r) => r.join('\t')).join('\r\n') + '\r\n', 'utf16le'));
  writeFileSync(join(dir, 'coder-gbk.csv'), gbk(csv(UNITS.map((r) => [r[0], r[2]]))));
  // Excel keeps the rows a user cleared as rows of empty cells.
  writeFileSync(join(dir, 'units-empty-rows.csv'), csv([...UNITS, ['', '', ''], ['', '', '']]));
  // UTF-8 with a BOM and one damaged byte (a file cut or patched by hand): still UTF-8.
  writeFileSync(join(dir, 'units-bom-damaged.csv'), Buffer.concat([Buffer.from('\ufeff' + csv(UNITS) + 'u3,'), Buffer.from([0xff]), Buffer.from(',\r\n')]));
  const metadata = [['file', 'title', 'province'], ['notice-subsidy.txt', NOTICES['notice-subsidy.txt'][0], '广东']];
  writeFileSync(join(dir, 'metadata-gbk.csv'), gbk(csv(metadata)));
  writeFileSync(join(dir, 'metadata-twice.csv'), csv([...metadata, ['notice-subsidy.txt', '另一个标题', '福建']]));
  writeFileSync(join(dir, 'noise.csv'), noise(4096));
  writeFileSync(join(dir, 'alias-bomb.yaml'), aliasBomb());
  writeFileSync(join(dir, 'empty.csv'), '');
  // The first bytes of a PDF: a document given where the table of units is read.
  writeFileSync(join(dir, 'a-document.pdf'), '%PDF-1.4\n%%EOF\n');
  writeFileSync(join(dir, 'a-file'), 'a file where a folder is expected\n');
  // A folder of the wrong files: a list of the policies, not the policies.
  mkdirSync(join(dir, 'no-documents'), { recursive: true });
  writeFileSync(join(dir, 'no-documents', 'policies.md'), Object.values(NOTICES).map((n) => `- ${n[0]}`).join('\n') + '\n');
  // A corpus as a researcher keeps it: the notices and a README about them, which is not a document.
  mkdirSync(join(dir, 'corpus-with-readme'), { recursive: true });
  for (const [name, lines] of Object.entries(NOTICES)) writeFileSync(join(dir, 'corpus-with-readme', name), lines.join('\n') + '\n');
  writeFileSync(join(dir, 'corpus-with-readme', 'README.md'), '# Two notices written for policy-code\'s tests\n');
  // The same corpus after one notice was revised: manual codes of the revised one find no document.
  mkdirSync(join(dir, 'corpus-revised'), { recursive: true });
  writeFileSync(join(dir, 'corpus-revised', 'notice-subsidy.txt'), NOTICES['notice-subsidy.txt'].join('\n') + '\n');
  const revised = NOTICES['notice-ban.txt'].map((l) => l.replace('禁止销售假药劣药。', '禁止销售假药劣药和过期药品。'));
  writeFileSync(join(dir, 'corpus-revised', 'notice-ban.txt'), revised.join('\n') + '\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node scripts/make-bad-input-fixtures.mjs <dir>');
    process.exit(2);
  }
  writeBadInputFolder(dir);
}
