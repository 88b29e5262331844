import { describe, expect, it } from 'vitest';
import { removeRunningLines } from '../../src/core/text/runningLines.js';
import { normalizeText } from '../../src/core/text/normalizeText.js';

describe('removeRunningLines', () => {
  it('removes a header repeated at the top of most pages, page numbers varying', () => {
    const pages = [
      ['北京市人民政府公报', '2024年第3期', '第一条 为了规范管理，制定本办法。'],
      ['北京市人民政府公报', '2024年第3期', '第二条 本办法适用于本市。'],
      ['北京市人民政府公报', '2024年第3期', '第三条 市政府负责组织实施。'],
    ];
    expect(removeRunningLines(pages)).toEqual([['第一条 为了规范管理，制定本办法。'], ['第二条 本办法适用于本市。'], ['第三条 市政府负责组织实施。']]);
  });

  it('keeps a line that repeats in the middle of pages, and keeps one-page documents as they are', () => {
    const pages = [
      ['一、总体要求', '加强监管。', '各区要落实。', '二、工作任务'],
      ['三、保障措施', '各区要落实。', '加大投入。', '四、附则'],
    ];
    expect(removeRunningLines(pages)).toEqual(pages);
    expect(removeRunningLines([['某市人民政府文件', '正文。']])).toEqual([['某市人民政府文件', '正文。']]);
  });

  it('removes a running footer inside normalizeText, and OCR page numbers such as 一3一', () => {
    const { text } = normalizeText([
      { number: 1, text: '第一条 为了规范管理，制定本办法。\n某市住房公积金管理中心\n一1一' },
      { number: 2, text: '第二条 本办法自发布之日起施行。\n某市住房公积金管理中心\n2一' },
    ]);
    expect(text).toBe('第一条为了规范管理，制定本办法。\n第二条本办法自发布之日起施行。');
  });

  it('removes the spaces Tesseract puts between Chinese characters and zero-width spaces', () => {
    const { text } = normalizeText([{ number: 1, text: '第 一 条 为 了 规 范 管 理 ， 制 定 本 办 法 。\n无线\u200b电管理' }]);
    expect(text).toBe('第一条为了规范管理，制定本办法。\n无线电管理');
  });
});
