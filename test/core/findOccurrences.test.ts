import { describe, expect, it } from 'vitest';
import { findOccurrences } from '../../src/core/coding/findOccurrences.js';

describe('findOccurrences', () => {
  it('marks each occurrence as on word boundaries or not, with the tokens there', () => {
    const tokens = ['与', '印度尼西亚', '和', '印度', '合作'];
    const found = findOccurrences(tokens.join(''), tokens, '印度', 2);
    expect(found).toEqual([
      { start: 1, left: '与', term: '印度', right: '尼西', onBoundary: false, segmentedAs: '印度尼西亚' },
      { start: 7, left: '亚和', term: '印度', right: '合作', onBoundary: true, segmentedAs: '印度' },
    ]);
  });

  it('shows a term the segmenter cut across', () => {
    const tokens = ['统筹规划', '和', '监督', '管理工作'];
    const [o] = findOccurrences(tokens.join(''), tokens, '监督管理', 3);
    expect(o).toMatchObject({ onBoundary: false, segmentedAs: '监督|管理工作', left: '规划和', right: '工作' });
  });

  it('finds a term that spans two whole tokens', () => {
    const tokens = ['落实', '税收', '优惠'];
    expect(findOccurrences(tokens.join(''), tokens, '税收优惠', 5)[0]).toMatchObject({ onBoundary: true, segmentedAs: '税收|优惠' });
  });
});
