/**
 * Bar charts as SVG strings, no DOM and no library, so they are pure and byte-stable. Text uses
 * the Noto CJK family (the PNG renderer loads it explicitly) with generic fallbacks for browsers.
 */

const FONT_FAMILY = "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'Microsoft YaHei', sans-serif";

export interface Bar {
  label: string;
  value: number;
}

export interface BarGroup {
  /** A heading above the group's bars; empty for an ungrouped chart. */
  label: string;
  color: string;
  bars: Bar[];
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** Approximate width of a label: CJK characters are square, Latin ones about half as wide. */
function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\uffff]/.test(ch) ? size : size * 0.6;
  return w;
}

const num = (v: number) => (Math.round(v * 10) / 10).toString();

function frame(width: number, height: number, title: string, body: string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(FONT_FAMILY)}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${width / 2}" y="28" font-size="18" font-weight="bold" text-anchor="middle" fill="#222222">${escapeXml(title)}</text>`,
    ...body,
    '</svg>',
    '',
  ].join('\n');
}

/**
 * Horizontal bars, one row each, in the order given (sort before calling), grouped under headings
 * when groups have labels. `format` writes the value at the end of each bar.
 */
export function horizontalBarChart(title: string, groups: readonly BarGroup[], format: (v: number) => string): string {
  const size = 13;
  const rowH = 22;
  const bars = groups.flatMap((g) => g.bars);
  const labelW = Math.ceil(Math.max(40, ...bars.map((b) => textWidth(b.label, size)), ...groups.map((g) => textWidth(g.label, size + 1)))) + 16;
  const plotW = 460;
  const valueW = 70;
  const width = labelW + plotW + valueW + 20;
  const max = Math.max(0, ...bars.map((b) => b.value)) || 1;
  const body: string[] = [];
  let y = 50;
  for (const g of groups) {
    if (g.label) {
      body.push(`<text x="10" y="${y + 15}" font-size="${size + 1}" font-weight="bold" fill="${g.color}">${escapeXml(g.label)}</text>`);
      y += rowH;
    }
    for (const b of g.bars) {
      const w = num((b.value / max) * plotW);
      body.push(
        `<text x="${labelW - 8}" y="${y + 15}" font-size="${size}" text-anchor="end" fill="#222222">${escapeXml(b.label)}</text>`,
        `<rect x="${labelW}" y="${y + 3}" width="${w}" height="${rowH - 6}" fill="${g.color}"/>`,
        `<text x="${num(labelW + (b.value / max) * plotW + 6)}" y="${y + 15}" font-size="${size - 1}" fill="#444444">${escapeXml(format(b.value))}</text>`,
      );
      y += rowH;
    }
    y += g.label ? 6 : 0;
  }
  body.push(`<line x1="${labelW}" y1="46" x2="${labelW}" y2="${y + 2}" stroke="#888888" stroke-width="1"/>`);
  return frame(width, y + 16, title, body);
}

/** Vertical columns along an axis (years), values above them, a line joining the tops. */
export function columnChart(title: string, bars: readonly Bar[], color: string): string {
  const plotH = 260;
  const colW = Math.max(28, Math.min(60, Math.floor(600 / Math.max(1, bars.length))));
  const left = 50;
  const top = 60;
  const width = left + bars.length * colW + 30;
  const max = Math.max(0, ...bars.map((b) => b.value)) || 1;
  const body: string[] = [`<line x1="${left}" y1="${top + plotH}" x2="${width - 20}" y2="${top + plotH}" stroke="#888888" stroke-width="1"/>`];
  const tops: string[] = [];
  bars.forEach((b, i) => {
    const h = (b.value / max) * plotH;
    const x = left + i * colW;
    const cx = x + colW / 2;
    tops.push(`${num(cx)},${num(top + plotH - h)}`);
    body.push(
      `<rect x="${num(x + colW * 0.15)}" y="${num(top + plotH - h)}" width="${num(colW * 0.7)}" height="${num(h)}" fill="${color}" fill-opacity="0.75"/>`,
      `<text x="${num(cx)}" y="${num(top + plotH - h - 6)}" font-size="12" text-anchor="middle" fill="#222222">${escapeXml(String(b.value))}</text>`,
      `<text x="${num(cx)}" y="${top + plotH + 18}" font-size="12" text-anchor="middle" fill="#222222">${escapeXml(b.label)}</text>`,
    );
  });
  if (tops.length > 1) body.push(`<polyline points="${tops.join(' ')}" fill="none" stroke="#333333" stroke-width="1.5"/>`);
  return frame(Math.max(width, 320), top + plotH + 36, title, body);
}
