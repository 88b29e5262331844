import { describe, expect, it } from 'vitest';
import { codeAliases, coderCodes } from '../../../src/core/review/coderCodes.js';

const aliases = codeAliases([
  { id: 'legal_regulatory', label: { zh: '法规管制', en: 'Laws and regulation' } },
  { id: 'strategic', label: { zh: '策略性措施', en: 'Strategic measures' } },
  { id: 'taxation', label: { zh: '税收优惠' } },
]);

describe('coderCodes', () => {
  it('reads ids in any case or width and labels as the sheet codes shows them', () => {
    for (const typed of ['legal_regulatory', ' Legal_Regulatory ', 'ＬＥＧＡＬ＿ＲＥＧＵＬＡＴＯＲＹ', '法规管制', 'laws  and regulation', '法规管制 (Laws and regulation)', '法规管制（Laws and regulation）']) {
      expect(coderCodes(typed, '', aliases)).toEqual({ primary: 'legal_regulatory', secondary: [], unknown: [] });
    }
    expect(coderCodes('NONE', '', aliases).primary).toBe('none');
    expect(coderCodes('无政策工具', '', aliases).primary).toBe('none');
  });

  it('splits secondary cells, keeps one label with spaces whole, drops repeats and the primary', () => {
    expect(coderCodes('taxation', 'Strategic；法规管制, taxation strategic', aliases).secondary).toEqual(['strategic', 'legal_regulatory']);
    expect(coderCodes('taxation', 'Strategic measures', aliases).secondary).toEqual(['strategic']);
  });

  it('lists what is no code as typed', () => {
    expect(coderCodes('供给型', 'finance; strategic', aliases)).toEqual({ primary: '供给型', secondary: ['finance', 'strategic'], unknown: ['供给型', 'finance'] });
  });
});
