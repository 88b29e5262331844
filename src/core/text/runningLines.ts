/**
 * Running headers and footers: a line that appears at the top or the bottom of most pages (a
 * gazette's name, a document's short title, "某某市人民政府文件") is page furniture, not text, and
 * would otherwise land in the middle of a sentence or become a clause of its own.
 */

/** Lines looked at on each page's top and bottom. */
const ZONE = 3;
/** Longer lines are body text even when they repeat. */
const MAX_LENGTH = 40;

/** Digits vary from page to page ("第 3 页", "2024年第5期"); white space is the extractor's. */
function key(line: string): string {
  return line.replace(/\s+/g, '').replace(/[0-9０-９]+/g, '#');
}

/** Keys of a page's top and bottom lines with their place: "t0:..." is the first line, "b0:..." the last. */
function zoneKeys(lines: string[]): Map<number, string[]> {
  const keys = new Map<number, string[]>();
  const add = (i: number, k: string) => keys.set(i, [...(keys.get(i) ?? []), k]);
  for (let i = 0; i < Math.min(ZONE, lines.length); i++) {
    const top = i;
    const bottom = lines.length - 1 - i;
    if (lines[top]!.length <= MAX_LENGTH) add(top, `t${i}:${key(lines[top]!)}`);
    if (lines[bottom]!.length <= MAX_LENGTH) add(bottom, `b${i}:${key(lines[bottom]!)}`);
  }
  return keys;
}

/**
 * Removes, from the top and bottom lines of each page, lines that recur at the same place (n-th
 * from the top or from the bottom) on at least 60 % of the pages, and on 2 pages at least.
 * Documents of one page have no running lines.
 */
export function removeRunningLines(pages: string[][]): string[][] {
  if (pages.length < 2) return pages;
  const perPage = pages.map(zoneKeys);
  const seen = new Map<string, number>();
  for (const keys of perPage) {
    for (const k of new Set([...keys.values()].flat())) seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  const needed = Math.max(2, Math.ceil(pages.length * 0.6));
  const running = new Set([...seen].filter(([, n]) => n >= needed).map(([k]) => k));
  if (running.size === 0) return pages;
  return pages.map((lines, p) => lines.filter((_, i) => !(perPage[p]!.get(i) ?? []).some((k) => running.has(k))));
}
