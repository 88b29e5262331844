import { describe, expect, it } from 'vitest';
import { checkPattern, MAX_PATTERN_LENGTH } from '../../src/core/codebook/checkPattern.js';

describe('checkPattern', () => {
  it.each(['免征.{0,6}税', '奖励\\d+万元', '(税|费)+', '(补贴|奖励)?资金', '(\\d+万元)?', '[一二三四]{1,3}', '(?:税收)优惠', '(ab){2}c*'])('allows %s', (p) => {
    expect(checkPattern(p)).toBeNull();
  });

  it.each([
    ['(a+)+', 'nested quantifiers'],
    ['(\\d*万)*', 'nested quantifiers'],
    ['((税)+收){2,}', 'nested quantifiers'],
    ['(税|税收)*', 'ambiguous alternation'],
    ['(.|万)+', 'ambiguous alternation'],
    ['(a|)+', 'ambiguous alternation'],
    ['(a?b|b)+', 'ambiguous alternation'],
    ['(税', 'does not compile'],
    ['(税)\\1', 'backreferences'],
    ['税'.repeat(MAX_PATTERN_LENGTH + 1), 'at most 200'],
  ])('refuses %s', (p, why) => {
    expect(checkPattern(p)).toContain(why);
  });
});
