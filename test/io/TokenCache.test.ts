import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

describe('TokenCache entries', () => {
  it('keep every clause of a document, and a damaged entry is cut again', async () => {
    const cut = (text: string) => text.match(/.{1,3}/gsu) ?? [];
    const texts = ['加大财政补贴力度', '完善税收优惠政策，支持企业研发', '第一条'];
    const first = new TokenCache(dir, 'dict-c');
    const doc = await first.forDocument('c'.repeat(64), cut);
    const tokens = texts.map((t) => doc.segment(t));
    await doc.save();
    const again = new TokenCache(dir, 'dict-c');
    const cached = await again.forDocument('c'.repeat(64), () => {
      throw new Error('cut again');
    });
    expect(texts.map((t) => cached.segment(t))).toEqual(tokens);
    expect(again.stats).toEqual({ hits: 3, misses: 0 });

    const entry = join(dir, 'tokens', readdirSync(join(dir, 'tokens'))[0]!, 'dict-c', 'cc', `${'c'.repeat(64)}.v8`);
    writeFileSync(entry, readFileSync(entry).subarray(0, 20));
    const damaged = new TokenCache(dir, 'dict-c');
    (await damaged.forDocument('c'.repeat(64), cut)).segment(texts[0]!);
    expect(damaged.stats).toEqual({ hits: 0, misses: 1 });
  });
});
