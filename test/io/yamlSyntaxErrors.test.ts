import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCodebookFile, problemLines } from '../../src/io/readCodebook.js';
import { REPO_ROOT } from '../sharedDir.js';

// The shipped codebook with one slip in it: the parser then reports dozens of errors that all
// follow from the first (28 lines for one missing brace, 58 for one tab before this was fixed).
const shipped = readFileSync(join(REPO_ROOT, 'codebooks', 'rothwell-zegveld.zh.yaml'), 'utf8').split('\n');
const lineNo = shipped.findIndex((l) => l.includes('label: { zh: 公共企业')) + 1;
const work = mkdtempSync(join(tmpdir(), 'policy-code-yaml-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function withLine(name: string, edit: (line: string) => string): string {
  const lines = [...shipped];
  lines[lineNo - 1] = edit(lines[lineNo - 1]!);
  const file = join(work, name);
  writeFileSync(file, lines.join('\n'));
  return file;
}

describe('a YAML syntax error in a codebook', () => {
  it('a tab: the first error only, at file:line:column, the line with a caret under the column, then how many more', async () => {
    const file = withLine('tab.yaml', (l) => l.replace(/^ +/, '\t'));
    const { codebook, problems } = await checkCodebookFile(file);
    expect(codebook).toBeNull();
    expect(problems).toHaveLength(1);
    const lines = problemLines(problems[0]!);
    expect(lines[0]).toBe(`${file}:${lineNo}:1: YAML syntax: Tabs are not allowed as indentation`);
    expect(lines[1]).toBe(`  ${lineNo} |  label: { zh: 公共企业, en: Public enterprise }`);
    expect(lines[2]).toBe(`  ${' '.repeat(String(lineNo).length)} | ^`);
    expect(lines[3]).toMatch(/^\(and \d+ more YAML errors, usually caused by the first\)$/);
    expect(lines).toHaveLength(4);
  });

  it('a missing brace: one located problem with its caret under the reported column', async () => {
    const file = withLine('brace.yaml', (l) => l.replace(/ \}$/, ''));
    const { problems } = await checkCodebookFile(file);
    expect(problems).toHaveLength(1);
    const p = problems[0]!;
    const [first, source, caret] = problemLines(p);
    expect(first).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:${p.line}:${p.column}: YAML syntax: `));
    // The caret sits under column p.column of the source line (these lines are ASCII before the column).
    expect(caret!.indexOf('^') - caret!.indexOf('|')).toBe(p.column! + 1);
    expect(source).toContain(`${p.line} | `);
  });

  it('lines the caret up under wide characters: a CJK character takes two columns', async () => {
    const file = join(work, 'wide.yaml');
    writeFileSync(file, 'a: "政策" x\n');
    const { problems } = await checkCodebookFile(file);
    const [, source, caret] = problemLines(problems[0]!);
    const col = problems[0]!.column!;
    expect(col).toBe(9);
    expect(caret).toBe('    |           ^');
    const before = [...source!.slice(source!.indexOf('| ') + 2)].slice(0, col - 1);
    const width = before.reduce((a, ch) => a + (/[\u4e00-\u9fff]/.test(ch) ? 2 : 1), 0);
    expect(caret!.indexOf('^') - caret!.indexOf('| ') - 2).toBe(width);
  });
});

describe('a codebook saved in GBK (Notepad\'s "ANSI" on a Chinese Windows)', () => {
  it('is one problem at the line of its first Chinese character, not hundreds about garbled terms', async () => {
    // The shipped codebook's text up to the first line with Chinese in it stays ASCII (the same bytes in
    // GBK); that line is written with 公共企业 in GBK (B9 AB B9 B2 C6 F3 D2 B5), which is no UTF-8.
    const ascii = shipped.slice(0, lineNo - 1).map((l) => l.replace(/[^\x00-\x7f]/g, '')).join('\n') + '\n';
    const gbk = Buffer.from([0xb9, 0xab, 0xb9, 0xb2, 0xc6, 0xf3, 0xd2, 0xb5]);
    const file = join(work, 'gbk.yaml');
    writeFileSync(file, Buffer.concat([Buffer.from(ascii + '        label: { zh: '), gbk, Buffer.from(' }\n')]));
    const { codebook, problems } = await checkCodebookFile(file);
    expect(codebook).toBeNull();
    expect(problems.map((p) => [p.line, p.message])).toEqual([[lineNo, 'not UTF-8 text (saved as GBK or ANSI?): save the codebook as UTF-8 and check it again']]);
  });
});
