import { existsSync } from 'node:fs';
import type { ResvgRenderOptions } from '@resvg/resvg-js';

/** Where Debian's fonts-noto-cjk (and a few other systems) put Noto Sans CJK. */
const CJK_FONT_CANDIDATES = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/local/share/fonts/NotoSansCJK-Regular.ttc',
];

/**
 * The CJK font file found on this machine (one: each collection is ~20 MB to parse per figure, and
 * bold titles are synthesized from the regular face); empty when none, and then figures are SVG only.
 */
export function findCjkFonts(): string[] {
  return CJK_FONT_CANDIDATES.filter((f) => existsSync(f)).slice(0, 1);
}

/**
 * Renders an SVG to PNG with only the given fonts loaded, never the system's, so the picture
 * depends on the font files and not on whatever else is installed. Twice the SVG's size, for print.
 */
export async function renderPng(svg: string, fontFiles: readonly string[]): Promise<Uint8Array> {
  const options: ResvgRenderOptions = {
    font: { loadSystemFonts: false, fontFiles: [...fontFiles], defaultFontFamily: 'Noto Sans CJK SC', sansSerifFamily: 'Noto Sans CJK SC' },
    fitTo: { mode: 'zoom', value: 2 },
    background: '#ffffff',
  };
  // Loaded on first use: only --png needs it, and every run would pay its start-up otherwise.
  const { renderAsync } = await import('@resvg/resvg-js');
  // Off the main thread: parsing the CJK font collections takes about a second per figure.
  return (await renderAsync(svg, options)).asPng();
}
