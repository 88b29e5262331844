/** Rounds for tables: fixed decimals, no "-0", no exponent; NaN becomes an empty cell. */
export function round(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return '';
  const s = value.toFixed(decimals);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}
