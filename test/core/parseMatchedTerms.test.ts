import { describe, expect, it } from 'vitest';
import { matchedTermsCell } from '../../src/core/coding/describeCoding.js';
import { parseMatchedTerms } from '../../src/core/coding/parseMatchedTerms.js';
import { reportClauseOf } from '../../src/core/report/ReportClause.js';
import type { Coding } from '../../src/core/types.js';

const text = '对企业给予补贴，并减免税费；不得骗取补贴。';

describe('parseMatchedTerms reads back what matchedTermsCell writes', () => {
  it('keywords and patterns, with their offsets into the clause', () => {
    const coding: Coding = {
      unitId: 'D001-1-1', primary: 'financial', categories: ['financial', 'taxation'], dimensions: ['environment'], scores: {}, inScope: true,
      matches: [
        { category: 'financial', term: '补贴', start: 5, end: 7, weight: 2 },
        { category: 'taxation', term: '减免税费', start: 9, end: 13, weight: 1 },
        // A pattern holding the separators of the cell itself: ';' and ')'.
        { category: 'legal_regulatory', term: '不得骗取', pattern: '不得(骗取|冒领);?)', start: 14, end: 18, weight: 1 },
      ],
    };
    const cell = matchedTermsCell(coding);
    expect(parseMatchedTerms(cell, text)).toEqual([
      { term: '补贴', category: 'financial', start: 5, end: 7 },
      { term: '减免税费', category: 'taxation', start: 9, end: 13 },
      { term: '不得骗取', category: 'legal_regulatory', start: 14, end: 18, pattern: '不得(骗取|冒领);?)' },
    ]);
  });

  it('drops evidence that does not point at the text, and cells that are not evidence', () => {
    expect(parseMatchedTerms('补贴@3(financial);减免税费@9(taxation)', text)).toEqual([{ term: '减免税费', category: 'taxation', start: 9, end: 13 }]);
    expect(parseMatchedTerms('hand-written note; 补贴', text)).toEqual([]);
    expect(parseMatchedTerms('', text)).toEqual([]);
  });
});

describe('reportClauseOf reads clauses.csv by column name', () => {
  const row = { clause_id: 'D001-1-1', doc_id: 'D001', text, primary: 'financial', instruments: 'financial;taxation', matched_terms: '补贴@5(financial)', code_source: 'auto', auto_primary: 'financial' };

  it('an automatic code, without the columns a newer coder adds', () => {
    expect(reportClauseOf(row)).toEqual({
      id: 'D001-1-1', docId: 'D001', text, primary: 'financial', codes: ['financial', 'taxation'],
      evidence: [{ term: '补贴', category: 'financial', start: 5, end: 7 }], autoPrimary: null, manual: false, confidence: null, runnerUp: null, rule: '',
    });
  });

  it('confidence, runner-up and the deciding rule when clauses.csv has them, and the code a manual one replaced', () => {
    const r = reportClauseOf({ ...row, code_source: 'manual', primary: 'taxation', auto_primary: 'financial', confidence: '0.62', runner_up: 'taxation', rule: '补贴 (weight 2)' });
    expect([r.manual, r.primary, r.autoPrimary, r.confidence, r.runnerUp, r.rule]).toEqual([true, 'taxation', 'financial', 0.62, 'taxation', '补贴 (weight 2)']);
    expect(reportClauseOf({ ...row, confidence: '', runner_up: 'none' })).toMatchObject({ confidence: null, runnerUp: null });
  });
});
