import type { Cell, Table } from '../core/tables/Table.js';

/** Display width in a terminal: CJK and full-width characters take two columns. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000 ? 2 : 1;
  }
  return w;
}

/** A plain-text table for the terminal: columns padded to their widest cell, numbers right-aligned. */
export function toTextTable(table: Table): string {
  const text = (v: Cell | undefined) => String(v ?? '').replace(/\s+/g, ' ');
  const rows = [table.columns, ...table.rows.map((r) => table.columns.map((_, i) => text(r[i])))];
  const widths = table.columns.map((_, i) => Math.max(...rows.map((r) => displayWidth(String(r[i])))));
  const numeric = table.columns.map((_, i) => table.rows.every((r) => typeof r[i] === 'number' || /^-?[\d.]+$|^$/.test(text(r[i]))));
  const pad = (v: string, i: number) => {
    const fill = ' '.repeat(widths[i]! - displayWidth(v));
    return numeric[i] ? fill + v : v + fill;
  };
  const lines = rows.map((r) => r.map((v, i) => pad(String(v), i)).join('  ').trimEnd());
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  return lines.join('\n') + '\n';
}

/** Pads text on the right to a display width (for aligned terminal lines outside a table). */
export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** Pads text on the left to a display width. */
export function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}
