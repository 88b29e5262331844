import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Table } from '../../src/core/tables/Table.js';
import { toXlsx } from '../../src/io/toXlsx.js';

/**
 * tables.xlsx is written without exceljs (src/io/toXlsx.ts); exceljs, an independent reader, must
 * read back what the paper formats show: headings, text, numbers as numbers with their formats,
 * empty cells, notes, and sheet names Excel accepts.
 */
const table: Table = {
  name: 'instruments',
  columns: ['instrument', 'label', 'clauses', 'share', 'p', 'mean'],
  headers: ['政策工具', '名称', '条款数', '占比', 'p', '均值'],
  kinds: { share: 'share', p: 'pvalue', mean: 'decimal2' },
  dataOnly: ['instrument'],
  rows: [
    ['financial', '财政金融 & <税收> "优惠"', 3, 0.25, 2.628e-7, 1.234],
    ['none', '', 0, NaN, 0.5, 2],
    ['x', ' 前后空格 \u0007', 12, 1, NaN, 0.125],
  ],
  notes: ['注：占比为主编码条款数除以已编码条款数。'],
};
const long = (name: string): Table => ({ name, columns: ['a'], rows: [['v']] });

async function read(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

describe('toXlsx', () => {
  it('writes headings, text, numbers and notes that exceljs reads back as the paper formats show them', async () => {
    const book = await read(toXlsx([table]));
    const sheet = book.getWorksheet('instruments')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '名称', '条款数', '占比 (%)', 'p', '均值']);
    expect(sheet.getRow(1).font?.bold ?? sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.getRow(2).values).toEqual([undefined, '财政金融 & <税收> "优惠"', 3, 0.25, 2.628e-7, 1.23]);
    // An empty string stays a cell (''), a number that is not one stays empty.
    expect(sheet.getRow(3).values).toEqual([undefined, '', 0, undefined, 0.5, 2]);
    expect(sheet.getCell('A4').value).toBe(' 前后空格 ');
    expect(sheet.getCell('C2').numFmt).toBe('0.0%');
    // p below 0.001 shows as "< 0.001", as in the Markdown; the value stays a number.
    expect(sheet.getCell('D2').numFmt).toBe('[<0.001]"< 0.001";0.000');
    expect(sheet.getCell('E2').numFmt).toBe('0.00');
    expect(sheet.getCell('B2').numFmt ?? 'General').toBe('General');
    expect(sheet.getRow(5).values).toEqual([]);
    expect(sheet.getCell('A6').value).toBe('注：占比为主编码条款数除以已编码条款数。');
    expect(sheet.rowCount).toBe(6);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(1).width).toBeGreaterThan(sheet.getColumn(2).width!);
    expect(book.created.toISOString()).toBe('2000-01-01T00:00:00.000Z');
    expect(book.creator).toBe('policy-code');
  });

  it('names sheets as Excel allows (31 characters, unique), and gives the same bytes every time', async () => {
    const tables = [table, long('crosstab_province_instrument_share'), long('crosstab_province_instrument_shares'), long('a/b')];
    const bytes = toXlsx(tables);
    expect(Buffer.from(bytes).equals(Buffer.from(toXlsx(tables)))).toBe(true);
    expect((await read(bytes)).worksheets.map((w) => w.name)).toEqual(['instruments', 'crosstab_province_instrument_sh', 'crosstab_province_instrument_~2', 'a_b']);
  });

  it('is a package of well-formed parts: every XML part parses, every sheet is listed', async () => {
    const zip = await JSZip.loadAsync(toXlsx([table, long('b')]));
    const names = Object.keys(zip.files);
    expect(names).toEqual(expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'docProps/core.xml']));
    const types = await zip.file('[Content_Types].xml')!.async('string');
    for (const n of names.filter((x) => x.endsWith('.xml') && x !== '[Content_Types].xml')) {
      const xml = await zip.file(n)!.async('string');
      expect(xml.startsWith('<?xml'), n).toBe(true);
      expect(xml, n).not.toMatch(/[\x00-\x08\x0b\x0c\x0e-\x1f]/);
      if (!n.startsWith('_rels') && !n.includes('/_rels/')) expect(types, n).toContain(`/${n}`);
    }
  });
});
