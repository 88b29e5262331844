/**
 * Rounds for tables: fixed decimals, no "-0", no exponent; NaN becomes an empty cell. Halves round
 * away from zero on the number's 15 significant digits, as Excel shows a cell: toFixed rounds the
 * binary value, so 0.5125 (82/160) gave 51.2 % where the workbook showed 51.3 %.
 */
export function round(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return '';
  const [digits, exponent] = Math.abs(value).toExponential(14).split('e');
  const shift = Number(exponent) - 14 + decimals; // |value| = digits without the point * 10^(exponent - 14)
  const scaled = BigInt(digits!.replace('.', ''));
  const whole = shift >= 0 ? scaled * 10n ** BigInt(shift) : (scaled + 5n * 10n ** BigInt(-shift - 1)) / 10n ** BigInt(-shift);
  const text = whole.toString().padStart(decimals + 1, '0');
  const unsigned = decimals ? `${text.slice(0, -decimals)}.${text.slice(-decimals)}` : text;
  return value < 0 && whole > 0n ? `-${unsigned}` : unsigned;
}
