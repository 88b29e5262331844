import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/core/text/normalizeText.js';

describe('normalizeText', () => {
  it('removes running page numbers and joins lines broken inside a sentence', () => {
    const full = '为进一步促进房地产市场平稳健康发展，满足居民合理住房需求，结合本';
    const pages = [
      { number: 1, text: `一、总体要求\n${full}\n市实际，制定本措施。\n— 1 —` },
      { number: 2, text: '-2-\n二、支持措施。' },
    ];
    const { text, pageStarts } = normalizeText(pages);
    expect(text).toBe(`一、总体要求\n${full}市实际，制定本措施。\n二、支持措施。`);
    expect(text.slice(pageStarts[1]!)).toBe('二、支持措施。');
  });

  it('drops spaces between Chinese and digits and maps compatibility characters', () => {
    const { text } = normalizeText([{ number: 1, text: '自 2020 年 10 月起，⼀律执行ＡＢＣ１２。' }]);
    expect(text).toBe('自2020年10月起，一律执行ABC12。');
  });

  it('drops the NUL pdf.js gives for a glyph its font cannot map, as poppler does (the engines then agree)', () => {
    const { text } = normalizeText([{ number: 1, text: '举办“广州好\u0000工”系列招聘会。' }]);
    expect(text).toBe('举办“广州好工”系列招聘会。');
  });
});
