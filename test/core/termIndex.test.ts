import { describe, expect, it } from 'vitest';
import { TermIndex } from '../../src/core/coding/termIndex.js';
import { seededRandom } from '../../src/core/sampling/seededRandom.js';

const index = (...terms: string[]) => {
  const i = new TermIndex<string>();
  for (const t of terms) i.add(t, t);
  return i;
};

describe('TermIndex', () => {
  it('never matches inside a token: 印度 is not in 印度尼西亚', () => {
    expect(index('印度').findAll(['与', '印度尼西亚', '合作'])).toEqual([]);
    expect(index('印度').findAll(['与', '印度', '合作']).map((f) => f.start)).toEqual([1]);
  });

  it('prefers the longest term at a position: 税收优惠 over 税收', () => {
    const found = index('税收', '税收优惠').findAll(['落实', '税收', '优惠', '和', '税收', '政策']);
    expect(found.map((f) => `${f.term}@${f.start}`)).toEqual(['税收优惠@2', '税收@7']);
  });

  it('takes the leftmost match first, so an overlapping later term loses', () => {
    // 数字政府 (tokens 0-1) and 政府采购 (tokens 1-2) overlap on 政府: the leftmost wins.
    expect(index('数字政府', '政府采购').findAll(['数字', '政府', '采购']).map((f) => f.term)).toEqual(['数字政府']);
  });

  it('findEvery reports nested and overlapping terms too', () => {
    expect(index('税收', '税收优惠').findEvery(['税收', '优惠']).map((f) => f.term)).toEqual(['税收', '税收优惠']);
  });
});

/** The index as it was before the character trie: each run of tokens built as a string and looked up. */
function referenceFind(terms: readonly string[], tokens: readonly string[], every: boolean): string[] {
  const set = new Set(terms);
  const prefixes = new Set(terms.flatMap((t) => [...Array(t.length).keys()].map((n) => t.slice(0, n + 1))));
  const out: string[] = [];
  let offset = 0;
  for (let i = 0; i < tokens.length; ) {
    let s = '';
    let best: { j: number; term: string } | null = null;
    for (let j = i; j < tokens.length && j < i + 8; j++) {
      s += tokens[j]!;
      if (!prefixes.has(s)) break;
      if (set.has(s)) {
        best = { j, term: s };
        if (every) out.push(`${s}@${offset}`);
      }
    }
    if (!every && best) {
      out.push(`${best.term}@${offset}`);
      offset += best.term.length;
      i = best.j + 1;
    } else {
      offset += tokens[i]!.length;
      i++;
    }
  }
  return out;
}

describe('TermIndex against the string lookup it replaced', () => {
  it('finds the same terms at the same offsets in 2,000 random token runs', () => {
    const random = seededRandom(17);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    // A small alphabet, so that terms nest, overlap and cross token boundaries often; one astral character.
    const chars = ['税', '收', '优', '惠', '政', '府', '数', '字', '𠀀'];
    const word = (max: number) => Array.from({ length: 1 + Math.floor(random() * max) }, () => pick(chars)).join('');
    for (let round = 0; round < 2000; round++) {
      const terms = [...new Set(Array.from({ length: 1 + Math.floor(random() * 8) }, () => word(4)))];
      const tokens = Array.from({ length: Math.floor(random() * 12) }, () => word(3));
      const i = index(...terms);
      expect(i.findAll(tokens).map((f) => `${f.term}@${f.start}`)).toEqual(referenceFind(terms, tokens, false));
      expect(i.findEvery(tokens).map((f) => `${f.term}@${f.start}`)).toEqual(referenceFind(terms, tokens, true));
      for (const f of i.findAll(tokens)) expect(tokens.join('').slice(f.start, f.end)).toBe(f.term);
    }
  });
});
