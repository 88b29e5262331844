const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/**
 * Parses a Chinese or Arabic numeral as used in article numbers: 十四 -> 14, 一百零五 -> 105, 23 -> 23.
 * Returns null for anything else, so callers can tell a numeral from ordinary text.
 */
export function parseChineseNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (s.length === 0) return null;
  let total = 0;
  let current = 0;
  for (const ch of s) {
    if (ch in DIGITS) {
      current = DIGITS[ch]!;
    } else if (ch in UNITS) {
      total += (current === 0 ? 1 : current) * UNITS[ch]!;
      current = 0;
    } else {
      return null;
    }
  }
  return total + current;
}
