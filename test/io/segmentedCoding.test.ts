import { beforeAll, describe, expect, it } from 'vitest';
import { codebookTerms } from '../../src/core/codebook/Codebook.js';
import { validateCodebook } from '../../src/core/codebook/validateCodebook.js';
import { compileCodebook, type CompiledCodebook } from '../../src/core/coding/compileCodebook.js';
import { codeClause } from '../../src/core/coding/codeClause.js';
import { matchedTermsCell } from '../../src/core/coding/describeCoding.js';
import { addWords, segment } from '../../src/io/segmenter.js';

// The coder on real nodejieba tokens, with the codebook's terms in the user dictionary.
let compiled: CompiledCodebook;
beforeAll(() => {
  const r = validateCodebook({
    codebook: 'tiny',
    version: '1',
    categories: [
      { id: 'env', label: { zh: '环境型' }, children: [
        { id: 'taxation', label: { zh: '税收优惠' }, keywords: ['税收优惠'] },
        { id: 'revenue', label: { zh: '税收' }, keywords: ['税收'], exclude: [{ term: '统计', window: 0 }] },
      ] },
      { id: 'dem', label: { zh: '需求型' }, children: [
        { id: 'india', label: { zh: '印度' }, keywords: ['印度'] },
        { id: 'indonesia', label: { zh: '印尼' }, keywords: ['印度尼西亚'] },
      ] },
    ],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  addWords(codebookTerms(r.codebook));
  compiled = compileCodebook(r.codebook);
});
const code = (text: string) => codeClause('u', segment(text), compiled);

describe('coding segmented Chinese', () => {
  it('does not find 印度 inside 印度尼西亚', () => {
    expect(matchedTermsCell(code('加强与印度尼西亚的经贸合作'))).toBe('印度尼西亚@3(indonesia)');
    expect(matchedTermsCell(code('加强与印度尼西亚和印度的经贸合作'))).toBe('印度尼西亚@3(indonesia);印度@9(india)');
  });

  it('takes 税收优惠 whole, so 税收 does not also match inside it', () => {
    const c = code('落实税收优惠政策，加强税收征管');
    expect(matchedTermsCell(c)).toBe('税收优惠@2(taxation);税收@11(revenue)');
    expect(c.primary).toBe('taxation');
  });

  it('lets a window exclusion veto 税收 in 税收统计', () => {
    expect(code('做好税收统计工作').primary).toBe('none');
  });
});
