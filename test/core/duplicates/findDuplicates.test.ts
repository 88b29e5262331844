import { describe, expect, it } from 'vitest';
import { findDuplicates, type DuplicateCandidate } from '../../../src/core/duplicates/findDuplicates.js';
import { fingerprintSimilarity, textFingerprint } from '../../../src/core/duplicates/textFingerprint.js';

const BODY =
  '一、首套住房最高贷款额度由一百万元调整为九十万元。二、第二套住房最高贷款额度由八十万元调整为五十万元。' +
  '三、借款人家庭名下有未结清住房公积金贷款的，不得申请新的住房公积金贷款。四、本通知自印发之日起施行，原规定与本通知不一致的，以本通知为准。';
const doc = (docId: string, text: string, over: Partial<DuplicateCandidate> = {}): DuplicateCandidate => ({
  docId,
  sha256: `sha-${docId}`,
  province: null,
  docNumber: null,
  title: '关于调整住房公积金贷款额度的通知',
  fingerprint: textFingerprint(text),
  ...over,
});

describe('textFingerprint', () => {
  it('ignores layout, spaces and punctuation: a PDF and a web page of one text agree', () => {
    const pdf = BODY.replace(/。/g, '。\n').replace(/额度/g, '额 度');
    expect(fingerprintSimilarity(textFingerprint(BODY), textFingerprint(pdf))).toBe(1);
  });

  it('tells different texts apart', () => {
    expect(fingerprintSimilarity(textFingerprint(BODY), textFingerprint('各区住房城乡建设部门要加强组织领导，细化工作措施，确保各项任务落到实处。'))).toBeLessThan(0.1);
  });
});

describe('findDuplicates', () => {
  it('finds the same bytes, the same 文号 and near-identical text, the earliest id being the original', () => {
    const docs = [
      doc('D001', BODY, { docNumber: '东公积金委〔2020〕2号' }),
      doc('D002', BODY + '扫一扫在手机打开当前页'),
      doc('D003', '完全不同的另一份文件，讲的是物业服务质量评价和信用评价。', { docNumber: '东公积金委〔2020〕2号', fingerprint: [] }),
      doc('D004', BODY, { sha256: 'sha-D001' }),
    ];
    expect(findDuplicates(docs)).toEqual([
      { docId: 'D002', kind: 'duplicate', originalId: 'D001', reason: 'near-identical text, similarity 0.88', cause: 'near-identical text' },
      { docId: 'D003', kind: 'duplicate', originalId: 'D001', reason: 'same 文号 东公积金委〔2020〕2号', cause: 'same 文号' },
      { docId: 'D004', kind: 'duplicate', originalId: 'D001', reason: 'same file bytes', cause: 'same file bytes' },
    ]);
  });

  it('gives the same answer whatever the input order', () => {
    const docs = [doc('D003', BODY), doc('D001', BODY + '附'), doc('D002', '另一份完全不同的文件，讲的是物业服务。')];
    const a = findDuplicates(docs);
    expect(findDuplicates([...docs].reverse())).toEqual(a);
    expect(a.map((f) => [f.docId, f.originalId])).toEqual([['D003', 'D001']]);
  });

  const kinds = (docs: DuplicateCandidate[]) => findDuplicates(docs).map((f) => [f.docId, f.kind, f.originalId, f.reason]);

  it('does not take a revised version (修订) for a duplicate, even with identical text', () => {
    const docs = [doc('D001', BODY), doc('D002', BODY, { title: '关于调整住房公积金贷款额度的通知（修订）' })];
    expect(kinds(docs)).toEqual([['D002', 'similar', 'D001', 'near-identical text, similarity 1.00, but one is a revised version (修订)']]);
  });

  it('does not take the same text issued by two provinces for duplicates', () => {
    expect(kinds([doc('D001', BODY, { province: '浙江' }), doc('D002', BODY, { province: '福建' })])).toEqual([
      ['D002', 'similar', 'D001', 'near-identical text, similarity 1.00, but a different province'],
    ]);
  });

  it('does not take two documents with different 文号 for duplicates', () => {
    const docs = [doc('D001', BODY, { docNumber: '东府〔2020〕1号' }), doc('D002', BODY, { docNumber: '东府〔2021〕1号' })];
    expect(kinds(docs).map((k) => k[1])).toEqual(['similar']);
  });

  it('keeps one template apart when metadata.csv gives the copies their own title, year or province', () => {
    const given = (title: string | null, year: string | null = null, province: string | null = '浙江') => ({ title, year, docNumber: null, province });
    const docs = [
      doc('D001', BODY, { given: given('甲县措施', '2020') }),
      doc('D002', BODY, { given: given('乙县措施', '2020') }),
      doc('D003', BODY, { given: given('甲县措施', '2021') }),
      doc('D004', BODY, { given: given('甲县措施', '2020', '福建') }),
      doc('D005', BODY, { given: given('甲县措施', '2020') }),
      doc('D006', BODY + '扫一扫在手机打开当前页'),
    ];
    expect(kinds(docs)).toEqual([
      ['D002', 'similar', 'D001', 'near-identical text, similarity 1.00, but a different title in metadata.csv'],
      ['D003', 'similar', 'D001', 'near-identical text, similarity 1.00, but a different year in metadata.csv'],
      ['D004', 'similar', 'D001', 'near-identical text, similarity 1.00, but a different province in metadata.csv'],
      // Nothing tells D005 from D001: the same text under the same title and year is one policy.
      ['D005', 'duplicate', 'D001', 'near-identical text, similarity 1.00'],
      // Metadata.csv says nothing of D006: nothing tells it from D001.
      ['D006', 'duplicate', 'D001', 'near-identical text, similarity 0.88'],
    ]);
  });

  it('keeps near-identical texts with different dates apart, and one 文号 of two issuers', () => {
    expect(kinds([doc('D001', BODY, { date: '2020-01-02' }), doc('D002', BODY, { date: '2021-03-04' })]).map((k) => k[3])).toEqual([
      'near-identical text, similarity 1.00, but a different date',
    ]);
    const number = { docNumber: '府〔2020〕1号' };
    const two = [doc('D001', BODY, { ...number, issuer: '甲县人民政府' }), doc('D002', BODY + '附', { ...number, issuer: '乙县人民政府' })];
    expect(findDuplicates(two).map((f) => f.cause)).not.toContain('same 文号');
  });

  it('does not take a notice and its annex filed under one 文号 for copies', () => {
    const docs = [
      doc('D001', BODY, { docNumber: '东府〔2020〕1号' }),
      doc('D002', '附件：申请表。申请人姓名、身份证号码、联系电话、申请金额、开户银行。', { docNumber: '东府〔2020〕1号' }),
    ];
    expect(findDuplicates(docs)).toEqual([]);
  });
});
