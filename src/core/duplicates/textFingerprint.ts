/**
 * A compact fingerprint of a text for near-duplicate detection: MinHash over character 5-grams of
 * its Chinese characters, letters and digits (layout, spaces and punctuation ignored, so a PDF and
 * a web page of the same policy agree). 64 slots of 32 bits: 256 bytes a document, so 100,000
 * documents fit in 25 MB. The share of equal slots estimates the Jaccard similarity of the 5-gram
 * sets. Deterministic: fixed seeds, no randomness.
 */
export const FINGERPRINT_SLOTS = 64;
const SHINGLE = 5;

/** murmur3's 32-bit finalizer: a cheap, well-mixed bijection. */
export function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const SEEDS = Array.from({ length: FINGERPRINT_SLOTS }, (_, i) => mix(Math.imul(i + 1, 0x9e3779b9)));

function fnv1a(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The text's fingerprint; empty when the text has fewer than five content characters. */
export function textFingerprint(text: string): number[] {
  const content = text.replace(/[^\p{Script=Han}\p{L}\p{N}]/gu, '');
  if (content.length < SHINGLE) return [];
  const slots = new Array<number>(FINGERPRINT_SLOTS).fill(0xffffffff);
  for (let i = 0; i + SHINGLE <= content.length; i++) {
    const h = fnv1a(content, i, i + SHINGLE);
    for (let k = 0; k < FINGERPRINT_SLOTS; k++) {
      const v = mix(h ^ SEEDS[k]!);
      if (v < slots[k]!) slots[k] = v;
    }
  }
  return slots;
}

/** Estimated Jaccard similarity of two fingerprints (0 when either is empty). */
export function fingerprintSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length === 0 || a.length !== b.length) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}
