import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCodebookFile } from '../../src/io/readCodebook.js';
import { YamlDataCache } from '../../src/io/YamlDataCache.js';
import { REPO_ROOT } from '../sharedDir.js';

const dir = mkdtempSync(join(tmpdir(), 'policy-code-yaml-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const codebook = join(dir, 'codebook.yaml');
copyFileSync(join(REPO_ROOT, 'codebooks', 'rothwell-zegveld.zh.yaml'), codebook);
const entries = (cache: string) => readdirSync(join(cache, 'yaml'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.v8')).map((f) => join(cache, 'yaml', f));
/** Puts another label on the first category of the stored data: what a run then reads shows whether the entry was used. */
function relabel(entry: string): void {
  const stored = deserialize(readFileSync(entry)) as { text: string; data: { categories: Array<{ label: Record<string, string> }> } };
  stored.data.categories[0]!.label = { ...stored.data.categories[0]!.label, zh: '来自缓存' };
  writeFileSync(entry, serialize(stored));
}

describe('YamlDataCache: a codebook is parsed once', () => {
  it('stores the parsed data and validates the stored data on the next run, to the same codebook', async () => {
    const cache = join(dir, 'cache-same');
    const fresh = await checkCodebookFile(codebook, new YamlDataCache(cache));
    expect(fresh.codebook).not.toBeNull();
    expect(entries(cache)).toHaveLength(1);
    const again = await checkCodebookFile(codebook, new YamlDataCache(cache));
    expect(again.codebook).toEqual(fresh.codebook);
    expect(again.codebook).toEqual((await checkCodebookFile(codebook)).codebook);
  });

  it('reads the stored data (unless told not to), and parses again a damaged entry or another text', async () => {
    const cache = join(dir, 'cache-used');
    await checkCodebookFile(codebook, new YamlDataCache(cache));
    const [entry] = entries(cache);
    relabel(entry!);
    expect((await checkCodebookFile(codebook, new YamlDataCache(cache))).codebook!.dimensions[0]!.label.zh).toBe('来自缓存');
    // --no-cache reads nothing.
    expect((await checkCodebookFile(codebook, new YamlDataCache(cache, false))).codebook!.dimensions[0]!.label.zh).not.toBe('来自缓存');
    writeFileSync(entry!, serialize({ text: 'another text', data: {} }));
    expect((await checkCodebookFile(codebook, new YamlDataCache(cache))).codebook!.dimensions[0]!.label.zh).not.toBe('来自缓存');
    writeFileSync(entry!, 'damaged');
    expect((await checkCodebookFile(codebook, new YamlDataCache(cache))).codebook).not.toBeNull();
  });

  it('still locates the problems of an invalid codebook whose data is stored', async () => {
    const cache = join(dir, 'cache-invalid');
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'codebook: t\nversion: "1"\ncategories:\n  - id: fin\n    label: { zh: 金融 }\n    keywords: [补贴]\n    colour: red\n');
    const first = await checkCodebookFile(bad, new YamlDataCache(cache));
    expect(first.codebook).toBeNull();
    expect(entries(cache)).toHaveLength(1);
    const second = await checkCodebookFile(bad, new YamlDataCache(cache));
    expect(second.problems).toEqual(first.problems);
    expect(second.problems[0]!.line).toBeGreaterThan(1);
  });
});
