import { expect, it } from 'vitest';
import { round } from '../../src/core/tables/round.js';

it('rounds halves away from zero on the decimal digits, as Excel shows a cell, not on the binary value', () => {
  // 82/160 = 0.5125 exactly; as a double 0.5125 * 100 is 51.24999..., which toFixed(1) made 51.2.
  expect(round((82 / 160) * 100, 1)).toBe('51.3');
  expect(round(1.005, 2)).toBe('1.01');
  expect(round(0.00125, 4)).toBe('0.0013');
  expect(round(2.5, 0)).toBe('3');
  expect(round(-2.5, 0)).toBe('-3');
  expect(round((6 / 11) * 100, 1)).toBe('54.5');
  expect(round(47.45222, 1)).toBe('47.5');
});

it('writes fixed decimals without "-0" or an exponent, and nothing for a number that is not one', () => {
  expect(round(0, 2)).toBe('0.00');
  expect(round(-0.0001, 2)).toBe('0.00');
  expect(round(2.628e-7, 6)).toBe('0.000000');
  expect(round(123456.789, 3)).toBe('123456.789');
  expect(round(1e21, 1)).toBe('1000000000000000000000.0');
  expect(round(3, 0)).toBe('3');
  expect(round(NaN, 2)).toBe('');
  expect(round(Infinity, 2)).toBe('');
});
