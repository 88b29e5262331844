import { describe, expect, it } from 'vitest';
import { CLAUSE_COLUMNS, clauseColumns, clauseRow } from '../../src/core/tables/clauseColumns.js';
import type { Clause, Coding } from '../../src/core/types.js';

const clause: Clause = { id: 'D002-1-3-2', docId: 'D002', chapter: 1, article: 3, items: [2], part: 0, heading: '', text: '给予补贴。', start: 0, end: 5 };
const coding = (primary: string, inScope = true): Coding => ({
  unitId: clause.id, primary, categories: primary === 'none' ? [] : [primary], dimensions: [], scores: {}, matches: [], inScope, confidence: 0.5, runnerUp: '', decidedBy: 'terms',
});

describe('clauses.csv rows from one schema', () => {
  const row = clauseRow({ clause, coding: coding('reg'), automatic: coding('fin'), manual: true, further: [coding('emr', false)] });
  const columns = clauseColumns(['dom']);
  const cell = (name: string) => row[columns.indexOf(name)];

  it('gives one value for every column, the further codebook after the main ones', () => {
    expect(row).toHaveLength(columns.length);
    expect(columns.slice(0, CLAUSE_COLUMNS.length)).toEqual([...CLAUSE_COLUMNS]);
    expect(columns.slice(CLAUSE_COLUMNS.length)).toEqual(['dom:primary', 'dom:categories', 'dom:matched_terms', 'dom:in_scope']);
  });

  it('writes each value under its name', () => {
    expect([cell('clause_id'), cell('doc_id'), cell('chapter'), cell('article'), cell('item'), cell('text')]).toEqual(['D002-1-3-2', 'D002', 1, 3, '2', '给予补贴。']);
    expect([cell('primary'), cell('code_source'), cell('auto_primary'), cell('in_scope')]).toEqual(['reg', 'manual', 'fin', 'true']);
    expect([cell('dom:primary'), cell('dom:categories'), cell('dom:in_scope')]).toEqual(['emr', 'emr', 'false']);
  });
});
