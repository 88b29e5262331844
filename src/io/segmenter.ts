import { createRequire } from 'node:module';

/**
 * nodejieba keeps one dictionary per process (~240 MB) and its user words are process-wide, so it
 * is loaded here once, lazily, and every codebook's terms are added to the same dictionary.
 */
const require = createRequire(import.meta.url);

interface Jieba {
  load(options?: Record<string, string>): void;
  cut(text: string, hmm?: boolean): string[];
  insertWord(word: string, tag?: string): boolean;
}

let jieba: Jieba | null = null;
const inserted = new Set<string>();

function instance(): Jieba {
  if (!jieba) {
    jieba = require('nodejieba') as Jieba;
    jieba.load();
  }
  return jieba;
}

/** Adds terms to the user dictionary so the segmenter never cuts them apart. */
export function addWords(words: Iterable<string>): void {
  const j = instance();
  for (const w of words) {
    if (inserted.has(w)) continue;
    // jieba's dictionary cannot hold words with spaces; such terms still match across tokens.
    if (!/\s/.test(w)) j.insertWord(w);
    inserted.add(w);
  }
}

/**
 * Cuts text into words (with HMM, so numbers stay whole). The tokens concatenate to the input, which
 * the coder relies on for character offsets.
 */
export function segment(text: string): string[] {
  const tokens = instance().cut(text, true);
  if (tokens.join('') === text) return tokens;
  // jieba drops some characters (e.g. lone surrogates); realign so offsets stay true.
  return realign(text, tokens);
}

function realign(text: string, tokens: string[]): string[] {
  const out: string[] = [];
  let at = 0;
  for (const t of tokens) {
    const i = text.indexOf(t, at);
    if (i < 0) continue;
    if (i > at) out.push(text.slice(at, i));
    out.push(t);
    at = i + t.length;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}
