import { describe, expect, it } from 'vitest';
import { validateCodebook } from '../../src/core/codebook/validateCodebook.js';
import { compileCodebook } from '../../src/core/coding/compileCodebook.js';
import { prepareDocument } from '../../src/core/prepareDocument.js';
import { clauseColumns } from '../../src/core/tables/clauseColumns.js';
import { processDocument } from '../../src/pipeline/processDocument.js';

const compile = (raw: unknown) => {
  const r = validateCodebook(raw);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return compileCodebook(r.codebook);
};
const instruments = compile({
  codebook: 'inst', version: '1',
  categories: [{ id: 'env', label: { zh: '环境' }, children: [
    { id: 'fin', label: { zh: '金融' }, keywords: ['补贴'] },
    { id: 'reg', label: { zh: '法规' }, keywords: ['监管'] },
  ] }],
});
const domains = compile({
  codebook: 'dom', version: '1', scope: { keywords: ['区块链'] },
  categories: [{ id: 'd', label: { zh: '领域' }, children: [{ id: 'emr', label: { zh: '病历' }, keywords: ['电子病历'] }] }],
});
// A segmenter that cuts out the codebook terms keeps the test independent of jieba.
const io = { segment: (t: string) => t.split(/(区块链|电子病历|补贴|监管)/).filter((x) => x.length > 0) };
const text = '第一条 运用区块链推动电子病历共享，给予补贴。\n第二条 推动电子病历共享，加强监管。\n第三条 运用区块链加强监管。\n';
const outcome = { ok: true as const, prepared: prepareDocument({ kind: 'txt', method: 'plain', pages: [{ number: 1, text }], warnings: [] }) };

describe('processDocument with two codebooks', () => {
  const r = processDocument({ docId: 'D001', file: 'a.txt', sha256: 'x', input: outcome }, { compiled: [instruments, domains], io });

  it('writes the further codebook columns after the main ones', () => {
    const cols = clauseColumns(['dom']);
    expect(cols.slice(-4)).toEqual(['dom:primary', 'dom:categories', 'dom:matched_terms', 'dom:in_scope']);
    const rows = r.clauseRows.map((row) => Object.fromEntries(cols.map((c, i) => [c, row[i]])));
    expect(rows.map((x) => [x.primary, x['dom:primary'], x['dom:in_scope']])).toEqual([
      ['fin', 'emr', 'true'],
      ['reg', 'none', 'false'],
      ['reg', 'none', 'true'],
    ]);
  });

  it('counts pairs of primary codes for the codebook x codebook table', () => {
    expect(r.summary.inScopeClauses).toBe(3);
    expect(r.summary.further).toEqual({
      dom: { primaryCounts: { emr: 1, none: 2 }, anyCounts: { emr: 1 }, pairCounts: { fin: { emr: 1 }, reg: { none: 2 } } },
    });
  });
});
