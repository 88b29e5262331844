import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { favourMemory } from './favourMemory.js';

/**
 * nodejieba keeps one dictionary per process (~300 MB resident, 1-4 s to load) and its user words
 * are process-wide, so it is loaded here once, and only when a text really has to be cut: a
 * re-coding whose tokens all come from the token cache never pays for it. Words added before the
 * load are inserted when it happens, so the dictionary is the same either way.
 */
const require = createRequire(import.meta.url);

interface Jieba {
  load(options?: Record<string, string>): void;
  cut(text: string, hmm?: boolean): string[];
  insertWord(word: string, tag?: string): boolean;
  tag(text: string): Array<{ word: string; tag: string }>;
}

let jieba: Jieba | null = null;
const words = new Set<string>();
let cuts = 0;
let loadMs = 0;
let memoryFirst = false;

/** Whether loading the dictionary also asks V8 to favour memory over speed (favourMemory): for large runs. */
export function favourMemoryWithDictionary(yes: boolean): void {
  memoryFirst = yes;
}

function instance(): Jieba {
  if (!jieba) {
    if (memoryFirst) favourMemory();
    const started = performance.now();
    const j = require('nodejieba') as Jieba;
    j.load();
    for (const w of words) insertInto(j, w);
    jieba = j;
    loadMs = performance.now() - started;
  }
  return jieba;
}

/** Milliseconds the dictionary took to load in this process (0 when it was never needed). */
export function segmenterLoadMs(): number {
  return loadMs;
}

function insertInto(j: Jieba, w: string): void {
  // jieba's dictionary cannot hold words with spaces; such terms still match across tokens.
  if (!/\s/.test(w)) j.insertWord(w);
}

/** Adds terms to the user dictionary so the segmenter never cuts them apart. */
export function addWords(terms: Iterable<string>): void {
  for (const w of terms) {
    if (words.has(w)) continue;
    words.add(w);
    if (jieba) insertInto(jieba, w);
  }
}

const JIEBA_VERSION: string = (require('nodejieba/package.json') as { version: string }).version;

/**
 * Identifies the dictionary the segmenter cuts with: nodejieba's version and every user word.
 * Tokens cached under one id are exactly what the segmenter would give again; a new term gives a
 * new id (re-segmentation), while a codebook edit that only changes weights or categories keeps it.
 */
export function dictionaryId(): string {
  const h = createHash('sha256').update(`nodejieba ${JIEBA_VERSION}\n`);
  for (const w of [...words].sort()) h.update(`${w}\n`);
  return h.digest('hex');
}

/** How many texts the segmenter has cut in this process (0 when every token came from the cache). */
export function segmenterCalls(): number {
  return cuts;
}

/** The part of speech the segmenter gives a word by itself (its dictionary tag; 'x' for a user word without one). */
export function wordTag(word: string): string {
  const tags = instance().tag(word);
  return tags.length === 1 ? tags[0]!.tag : 'x';
}

/** Whether the dictionary has been loaded in this process. */
export function segmenterLoaded(): boolean {
  return jieba !== null;
}

/**
 * Cuts text into words (with HMM, so numbers stay whole). The tokens concatenate to the input, which
 * the coder relies on for character offsets.
 */
export function segment(text: string): string[] {
  cuts++;
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
