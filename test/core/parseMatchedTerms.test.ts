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

  it('reads the notes the coder of issue 11 adds: a decision rule, a topic term, a heading', () => {
    // As written for D001-1-1 of the sample corpus by the coder with decision rules.
    const clause = '（一）指导思想。以推动区块链技术与医疗健康深度融合为主线，统筹发展和安全，规划建设全省统一的医疗健康区块链基础设施，力争到2022年形成一批可复制推广的应用示范。';
    const cell = '指导思想@3(strategic [heading]);推动@9(strategic);力争@58(strategic /(到|至)20\\d\\d年[^。；;]{0,40}(达到|超过)|力争/);规划@37(strategic [rule 2: organise] [topic])';
    expect(parseMatchedTerms(cell, clause)).toEqual([
      { term: '指导思想', category: 'strategic', start: 3, end: 7, notes: ['heading'] },
      { term: '推动', category: 'strategic', start: 9, end: 11 },
      { term: '力争', category: 'strategic', start: 58, end: 60, pattern: '(到|至)20\\d\\d年[^。；;]{0,40}(达到|超过)|力争' },
      { term: '规划', category: 'strategic', start: 37, end: 39, notes: ['rule 2: organise', 'topic'] },
    ]);
  });

  it('a term that holds the cell’s separator (a pattern’s match taking a list entry’s ;), and a malformed item before a good one', () => {
    const entry = '(一)在本市拥有自有住房的;';
    const coding: Coding = {
      unitId: 'D001-4-1-1', primary: 'legal_regulatory', categories: ['legal_regulatory'], dimensions: ['environment'], scores: {}, inScope: true,
      matches: [
        { category: 'legal_regulatory', term: entry, pattern: '^\\(一\\)[^。]{0,80}的;?$', start: 0, end: entry.length, weight: 0.5 },
        { category: 'public_services', term: '住房', start: 10, end: 12, weight: 1 },
      ],
    };
    expect(parseMatchedTerms(matchedTermsCell(coding), entry).map((e) => [e.term, e.start])).toEqual([[entry, 0], ['住房', 10]]);
    expect(parseMatchedTerms('补贴@3(;减免税费@9(taxation)', text)).toEqual([{ term: '减免税费', category: 'taxation', start: 9, end: 13 }]);
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
    // The coder's decided_by: 'terms' leaves the page to name the terms; a rule's label is shown.
    expect(reportClauseOf({ ...row, decided_by: 'terms' }).rule).toBe('');
    expect(reportClauseOf({ ...row, decided_by: 'rule 3: money given' }).rule).toBe('rule 3: money given');
  });
});
