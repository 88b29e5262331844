import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { garbageScore, unusablePageReason } from '../../src/core/text/garbageScore.js';

describe('garbageScore', () => {
  it('gives clean Chinese text, with numbers, percentages and a URL, a score of 0', () => {
    const s = garbageScore('首付款比例由60%调整为40%（2.5个百分点），详见 https://www.gov.cn/a?id=1&b=2 。');
    expect(s.score).toBe(0);
    expect(s.cjk).toBe(15);
  });

  it('counts glyph-id garbage: a run that mixes letters and rare symbols counts in full', () => {
    // 8 visible characters, all garbage: !"#$%&'(
    expect(garbageScore(`!"#$%&'(`).score).toBe(1);
    // "?@AB" is garbage (4), "北京" is Chinese: 4 of 6.
    const s = garbageScore('北京 ?@AB');
    expect(s.garbage).toBe(4);
    expect(s.score).toBeCloseTo(4 / 6);
  });

  it('counts control and private-use characters that a font without ToUnicode gives', () => {
    const s = garbageScore('\u0003\u0004\u0005\ue001第一条');
    expect(s.garbage).toBe(4);
    expect(s.cjk).toBe(3);
  });

  it('tells a page that needs OCR from one that does not', () => {
    expect(unusablePageReason('第一条 为了规范住房公积金管理，制定本办法。')).toBeNull();
    expect(unusablePageReason('!"#$%&\'()*+,-./ ?@ABCDEFGH#%IJK 北京市')).toBe('garbage');
    expect(unusablePageReason('— 3 —')).toBe('no_text');
  });

  it('scores the text layer of a real gazette page as garbage (a line pdf.js gives for gz_beijing_2025_realestate)', () => {
    const line = `北 京 市 人 民 政 府 公 报\n!"#$%&'()*+,-\n! " # . / & 0 1 + , -\n2 3 4 5 6 7 ! " # 8 7\n?@ABCDEFGH#%IJK?LMNOP`;
    expect(garbageScore(line).score).toBeGreaterThan(0.5);
    expect(unusablePageReason(line)).toBe('garbage');
  });

  it('leaves the real plain-text documents of the corpus clean', () => {
    const text = readFileSync(new URL('../fixtures/extract/a-utf-8-text-file-reads/notice.txt', import.meta.url), 'utf8');
    expect(garbageScore(text).score).toBe(0);
  });
});
