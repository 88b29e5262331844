import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExtractedDocument } from '../../src/core/types.js';
import { defaultCacheDir, ExtractionCache } from '../../src/io/ExtractionCache.js';

const doc: ExtractedDocument = { kind: 'pdf', method: 'ocr', pages: [{ number: 1, text: '第一条 原始页面文字' }], warnings: ['all 1 pages read with OCR'] };
const SHA = 'ab'.repeat(32);
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'policy-code-cache-test-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('ExtractionCache', () => {
  it('gives back what was put under the same content hash, and nothing for another hash', async () => {
    const cache = new ExtractionCache(tempDir());
    expect(await cache.get(SHA)).toBeNull();
    await cache.put(SHA, doc);
    expect(await cache.get(SHA)).toEqual(doc);
    expect(await cache.get('cd'.repeat(32))).toBeNull();
  });

  it('ignores a corrupt entry (a half-written or edited file) instead of failing', async () => {
    const cache = new ExtractionCache(tempDir());
    await cache.put(SHA, doc);
    writeFileSync(cache.entryPath(SHA), '{"extractor": 3, "sha256": "ab');
    expect(await cache.get(SHA)).toBeNull();
    writeFileSync(cache.entryPath(SHA), JSON.stringify({ extractor: 3, sha256: SHA, document: { kind: 'pdf', pages: 'not pages' } }));
    expect(await cache.get(SHA)).toBeNull();
    await cache.put(SHA, doc);
    expect(await cache.get(SHA)).toEqual(doc);
  });

  it('with --no-cache reads nothing but still writes', async () => {
    const dir = tempDir();
    await new ExtractionCache(dir, false).put(SHA, doc);
    expect(await new ExtractionCache(dir, false).get(SHA)).toBeNull();
    expect(await new ExtractionCache(dir).get(SHA)).toEqual(doc);
  });

  it('lives in $POLICY_CODE_CACHE_DIR, else $XDG_CACHE_HOME/policy-code, else ~/.cache/policy-code', () => {
    expect(defaultCacheDir({ POLICY_CODE_CACHE_DIR: '/c', XDG_CACHE_HOME: '/x' })).toBe('/c');
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/x' })).toBe(join('/x', 'policy-code'));
    expect(defaultCacheDir({})).toMatch(/\.cache[/\\]policy-code$/);
  });
});
