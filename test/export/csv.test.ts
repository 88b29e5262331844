import { describe, expect, it } from 'vitest';
import { csvHeader, csvRows, toCsv } from '../../src/export/csv.js';

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
