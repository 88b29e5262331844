import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TokenCache } from '../../src/io/TokenCache.js';

const dir = mkdtempSync(join(tmpdir(), 'policy-code-tokens-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('TokenCache', () => {
  // A stand-in segmenter that cuts every two characters, counting its calls.
  let calls = 0;
  const cut = (text: string) => {
    calls++;
    return text.match(/.{1,2}/gsu) ?? [];
  };

  it('answers a clause cut before from the cache, under the same dictionary only', async () => {
    const first = new TokenCache(dir, 'dict-a');
    const doc = await first.forDocument('a'.repeat(64), cut);
    expect(doc.segment('财政补贴资金')).toEqual(['财政', '补贴', '资金']);
    await doc.save();
    expect(calls).toBe(1);

    const again = new TokenCache(dir, 'dict-a');
    const cached = await again.forDocument('a'.repeat(64), cut);
    expect(cached.segment('财政补贴资金')).toEqual(['财政', '补贴', '资金']);
    expect(cached.segment('税收优惠')).toEqual(['税收', '优惠']);
    expect(calls).toBe(2);
    expect(again.stats).toEqual({ hits: 1, misses: 1 });

    // A new codebook term means another dictionary: everything is cut again.
    const other = new TokenCache(dir, 'dict-b');
    await (await other.forDocument('a'.repeat(64), cut)).segment('财政补贴资金');
    expect(other.stats).toEqual({ hits: 0, misses: 1 });
  });

  it('reads nothing with --no-cache', async () => {
    const off = new TokenCache(dir, 'dict-a', false);
    (await off.forDocument('a'.repeat(64), cut)).segment('财政补贴资金');
    expect(off.stats).toEqual({ hits: 0, misses: 1 });
  });
});
