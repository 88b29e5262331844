import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { csvHeader, csvLine, csvRows, toCsv } from '../../src/export/csv.js';

describe('CSV written in pieces', () => {
  it('header + rows of each document is byte for byte the whole table', () => {
    const columns = ['clause_id', 'text'];
    const a = [['D001-1-1', '加大财政补贴力度，"专项"资金']];
    const b = [['D002-0-1', '多行\n文本'], ['D002-0-2', '']];
    const piece = (rows: string[][]) => csvRows({ name: 't', columns, rows });
    expect(csvHeader(columns) + piece(a) + piece([]) + piece(b)).toBe(toCsv({ name: 't', columns, rows: [...a, ...b] }));
    expect(csvHeader(columns).startsWith('\ufeffclause_id,text\n')).toBe(true);
  });
});

describe('csvLine writes what csv-stringify writes', () => {
  it('quotes a cell with a comma, a quote, CR or LF, doubles quotes, leaves the rest alone', () => {
    expect(csvLine(['a,b', 'say "hi"', 'x\ry', '第一\n第二', '', ' 空格 ', '；;，'])).toBe('"a,b","say ""hi""","x\ry","第一\n第二",, 空格 ,；;，\n');
  });

  it('gives csv-stringify bytes on seeded random rows of awkward characters', () => {
    const alphabet = ['a', ',', '"', '\n', '\r', ' ', '政', '策', '；', '\t', '=', '-', "'", '\ufeff', '\u2028'];
    let state = 17;
    const next = (n: number) => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state % n;
    };
    const rows = Array.from({ length: 500 }, () => Array.from({ length: 1 + next(6) }, () => Array.from({ length: next(8) }, () => alphabet[next(alphabet.length)]).join('')));
    expect(rows.map(csvLine).join('')).toBe(stringify(rows, { record_delimiter: '\n' }));
  });
});
