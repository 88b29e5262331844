import { describe, expect, it } from 'vitest';
import type { ReportClause } from '../../src/core/report/ReportClause.js';
import type { CodebookOutline } from '../../src/core/tables/CodebookOutline.js';
import { reportHtml, reportPage, type ReportOverview } from '../../src/export/reportHtml.js';

const codebook: CodebookOutline = {
  name: 'tiny', version: '1.0.0', sha256: 'x',
  dimensions: [{ id: 'environment', label: { zh: '环境型', en: 'Environment side' } }],
  leaves: [
    { id: 'financial', label: { zh: '金融支持', en: 'Financial' }, dimension: 'environment' },
    { id: 'taxation', label: { zh: '税收优惠' }, dimension: 'environment' },
  ],
};
const overview: ReportOverview = {
  lang: 'zh', corpus: 'corpus/', codebook, filters: '', tables: [], figures: [],
  documents: [
    { docId: 'D001', title: '关于<b>补贴</b>的通知', file: 'a.txt', province: '广东', year: 2021, status: 'ok', message: '' },
    { docId: 'D002', title: '', file: 'b.pdf', province: null, year: null, status: 'failed', message: 'encrypted' },
  ],
};
const clause = (id: string, text: string, over: Partial<ReportClause> = {}): ReportClause => ({
  id, docId: 'D001', text, primary: 'financial', codes: ['financial'], evidence: [], autoPrimary: null, manual: false, confidence: null, runnerUp: null, rule: '', ...over,
});

/** The clause rows of a page, as its script reads them. */
function rowsOf(html: string): unknown[][] {
  return [...html.matchAll(/<script type="application\/json" class="report-clauses">(.*?)<\/script>/gs)].flatMap((m) => JSON.parse(m[1]!));
}

describe('reportHtml', () => {
  it('keeps a clause text that holds </script> inside its data block', () => {
    const html = reportHtml(overview, [clause('D001-1-1', '补贴</script><script>alert(1)</script><!--')]);
    expect(html).not.toContain('<script>alert(1)');
    expect(rowsOf(html)).toEqual([['D001-1-1', 0, '补贴</script><script>alert(1)</script><!--', 0, [], []]]);
    expect(html).not.toContain('<b>补贴');
    expect(html).toContain('<td>b.pdf</td><td>failed</td><td>encrypted</td>');
  });

  it('writes codes as indices into the codebook, evidence as offsets, and leaves out trailing defaults', () => {
    const rows = rowsOf(reportHtml(overview, [
      clause('D001-1-1', '给予补贴和减税', { codes: ['financial', 'taxation'], evidence: [{ term: '补贴', category: 'financial', start: 2, end: 4 }, { term: '减税', category: 'taxation', start: 5, end: 7 }] }),
      clause('D001-1-4', '减税', { primary: 'taxation', codes: ['taxation'], evidence: [{ term: '减税', category: 'taxation', start: 0, end: 2, notes: ['rule 3', 'topic'] }] }),
      clause('D001-1-2', '减税', { primary: 'taxation', codes: ['taxation'], manual: true, autoPrimary: 'financial', confidence: 0.5, runnerUp: 'none' }),
      clause('D001-1-3', '其他', { primary: 'none', codes: [], rule: 'none_basis' }),
      clause('D009-1-1', 'not in the report', { docId: 'D009' }),
    ]));
    expect(rows).toEqual([
      ['D001-1-1', 0, '给予补贴和减税', 0, [1], [2, 4, 0, 5, 7, 1]],
      ['D001-1-4', 0, '减税', 1, [], [0, 2, 1], 0, null, null, null, '', ['rule 3; topic']],
      ['D001-1-2', 0, '减税', 1, [], [], 1, 0, 0.5, 2],
      ['D001-1-3', 0, '其他', 2, [], [], 0, null, null, null, 'none_basis'],
    ]);
  });

  it('gives the same bytes for the same input, in chunks or at once, and labels in the language asked for', () => {
    const cs = [clause('D001-1-1', '补贴'), clause('D001-1-2', '减税')];
    const page = reportPage(overview);
    expect(page.head + page.chunk(cs.slice(0, 1)) + page.chunk(cs.slice(1)) + page.tail).toBe(page.head + page.chunk(cs.slice(0, 1)) + page.chunk(cs.slice(1)) + page.tail);
    expect(rowsOf(page.head + page.chunk(cs.slice(0, 1)) + page.chunk(cs.slice(1)))).toEqual(rowsOf(reportHtml(overview, cs)));
    const meta = (html: string) => JSON.parse(/id="report-meta">(.*?)<\/script>/s.exec(html)![1]!);
    expect(meta(reportHtml(overview, cs)).labels).toEqual(['金融支持', '税收优惠', '无（none）']);
    const en = reportHtml({ ...overview, lang: 'en' }, cs);
    expect(meta(en).labels).toEqual(['Financial', '税收优惠', 'none']);
    expect(en).toContain('<html lang="en">');
    // Nothing to fetch: no address of the network anywhere in the page.
    expect(en).not.toMatch(/https?:\/\//);
  });
});
