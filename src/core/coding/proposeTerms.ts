import { codebookTerms, leavesOf, type Category, type Codebook, type Term } from '../codebook/Codebook.js';
import { NONE } from '../types.js';
import { codeClause } from './codeClause.js';
import { compileCodebook } from './compileCodebook.js';
import type { FitUnit } from './fitWeights.js';
import { documentsOf, recodeTouched } from './recodeTouched.js';

export interface ProposeOptions {
  /** Least number of documents among the units holding the word. */
  minDocs: number;
  /** Least number of units holding the word. */
  minUnits: number;
  /** Least share of the word's units that carry the instrument (the human primary). */
  minPrecision: number;
  /** Least lower bound (Wilson, 95 %) of that share: a high share of few units is no evidence. */
  minLower: number;
  /** The weight an added term gets (as the coder counts it). */
  weight: number;
  /**
   * Least net gain (units fixed minus units broken, coded with the term added alone) for a term to be
   * added, with the fixed units in at least 2 documents; 0 adds every term the figures above allow.
   */
  minGain: number;
}

export const DEFAULT_PROPOSE: ProposeOptions = { minDocs: 3, minUnits: 5, minPrecision: 0.8, minLower: 0.5, weight: 0.5, minGain: 2 };

/** A word proposed as a new measure term of an instrument, with the evidence a person reviews. */
export interface ProposedTerm {
  term: string;
  category: string;
  /** Units holding the word, and how many of them the humans coded with the instrument. */
  units: number;
  hits: number;
  documents: number;
  /** Documents where the instrument is the humans' code of most of the word's units. */
  majorityDocuments: number;
  precision: number;
  lower: number;
  /** The segmenter's part of speech of the word. */
  tag: string;
  /** Units the term, added alone, codes right that the codebook coded wrong, and the reverse. */
  fixed: number;
  broken: number;
}

/**
 * Parts of speech that never name a measure: numerals and measure words, time, places and persons,
 * organisations (a department is not its measure), pronouns, function words, adverbs, adjectives,
 * directions, distinguishing words (一次性) and foreign words. A word the segmenter found by its HMM
 * (not in its dictionary) is tagged x and stays a candidate.
 */
const NOT_MEASURES = /^(m|mq|q|t|tg|ns|nr|nrt|nrfg|nt|s|r|rr|rz|p|c|u.*|d|a|ad|ag|an|f|b|eng|y|e|o|z|zg)$/;

/** Only words of two or more Han characters: no numbers, Latin letters or punctuation. */
const HAN_WORD = /^\p{Script=Han}{2,}$/u;

/** Wilson's lower bound of a share (95 %). */
export function wilsonLower(hits: number, n: number): number {
  if (n === 0) return 0;
  const z = 1.96;
  const p = hits / n;
  const centre = p + (z * z) / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return (centre - spread) / (1 + (z * z) / n);
}

/** What a word's units say: units, per human primary code, per document. */
interface WordStats {
  units: number;
  /** Indices of the units holding the word. */
  at: number[];
  byCode: Map<string, number>;
  byDoc: Map<string, Map<string, number>>;
}

function wordStats(units: readonly FitUnit[]): Map<string, WordStats> {
  const stats = new Map<string, WordStats>();
  units.forEach((u, i) => {
    for (const w of new Set(u.tokens)) {
      if (!HAN_WORD.test(w)) continue;
      const s = stats.get(w) ?? stats.set(w, { units: 0, at: [], byCode: new Map(), byDoc: new Map() }).get(w)!;
      s.units++;
      s.at.push(i);
      s.byCode.set(u.gold, (s.byCode.get(u.gold) ?? 0) + 1);
      const d = s.byDoc.get(u.doc) ?? s.byDoc.set(u.doc, new Map()).get(u.doc)!;
      d.set(u.gold, (d.get(u.gold) ?? 0) + 1);
    }
  });
  return stats;
}

/** Documents where `code` is the code of more than half of the word's units there. */
function majorityDocs(s: WordStats, code: string): number {
  let n = 0;
  for (const codes of s.byDoc.values()) {
    const all = [...codes.values()].reduce((a, b) => a + b, 0);
    if ((codes.get(code) ?? 0) * 2 > all) n++;
  }
  return n;
}

/**
 * Whether the codebook's own vocabulary speaks against the word as a measure of `category`: it holds
 * a topic term of any instrument (a field: 医疗保障, 住房公积金) or a keyword of another instrument
 * (职业培训补贴 is training and money at once).
 */
function conflicts(word: string, category: string, codebook: Codebook): boolean {
  return codebook.leaves.some((l) => l.topics.some((t) => word.includes(t.term)) || (l.id !== category && l.keywords.some((k) => k.weight >= 1 && word.includes(k.term))));
}

/**
 * Proposes new measure terms from human-coded units: segmenter words, not yet terms of the codebook,
 * whose units come from at least `minDocs` documents (and the instrument is the majority code of the
 * word's units in that many of them), whose units carry one instrument with a share of at least
 * `minPrecision` and a Wilson lower bound of at least `minLower`, and which are no numeral, place,
 * person, organisation or function word (`tagOf`, the segmenter's part of speech) and hold no topic
 * term and no other instrument's keyword; with `minGain`, only a term that, added alone at its
 * weight, codes at least `minGain` more of the units right than it breaks (fixed units in 2 documents
 * or more), as a weight change of `codebook fit` must. Sorted by instrument (codebook order), then
 * by lower bound, then by the word, so the same input gives the same list.
 */
export function proposeTerms(codebook: Codebook, units: readonly FitUnit[], options: ProposeOptions, tagOf: (word: string) => string): ProposedTerm[] {
  const known = new Set(codebookTerms(codebook));
  const order = new Map(codebook.leaves.map((l, i) => [l.id, i]));
  const base = compileCodebook(codebook);
  const primaries = units.map((u) => codeClause(u.unitId, u.tokens, base).primary);
  // What the term does added alone: the units holding it coded again (the others cannot change).
  const gainOf = (term: string, category: string, at: readonly number[]) => {
    const { fixed, broken } = recodeTouched(compileCodebook(withAddedTerms(codebook, [{ term, category }], options.weight)), units, at, primaries);
    return { fixed: fixed.length, broken: broken.length, fixedDocuments: documentsOf(units, fixed) };
  };
  const out: Array<ProposedTerm & { fixedDocuments: number }> = [];
  for (const [term, s] of wordStats(units)) {
    if (known.has(term) || s.units < options.minUnits || s.byDoc.size < options.minDocs) continue;
    const [code, hits] = [...s.byCode].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
    if (code === NONE || !order.has(code)) continue;
    const precision = hits / s.units;
    const lower = wilsonLower(hits, s.units);
    const majority = majorityDocs(s, code);
    if (precision < options.minPrecision || lower < options.minLower || majority < options.minDocs) continue;
    const tag = tagOf(term);
    if (NOT_MEASURES.test(tag) || conflicts(term, code, codebook)) continue;
    out.push({ term, category: code, units: s.units, hits, documents: s.byDoc.size, majorityDocuments: majority, precision, lower, tag, ...gainOf(term, code, s.at) });
  }
  const gains = (t: (typeof out)[number]) => options.minGain === 0 || (t.fixedDocuments >= 2 && t.fixed - t.broken >= options.minGain);
  return out
    .filter(gains)
    .map(({ fixedDocuments: _, ...t }) => t)
    .sort((a, b) => order.get(a.category)! - order.get(b.category)! || b.lower - a.lower || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
}

/** The `with` conditions every term and pattern of a category shares: those it inherits from its ancestors. */
function inheritedWith(leaf: Category): string[][] {
  const lists = [...leaf.keywords, ...leaf.topics, ...leaf.patterns].map((k) => k.with);
  if (lists.length === 0) return [];
  let n = Math.min(...lists.map((l) => l.length));
  while (n > 0 && lists.some((l) => JSON.stringify(l.slice(0, n)) !== JSON.stringify(lists[0]!.slice(0, n)))) n--;
  return lists[0]!.slice(0, n);
}

/** The codebook with the proposed terms added as keywords of their instruments, at `weight`. */
export function withAddedTerms(codebook: Codebook, terms: ReadonlyArray<Pick<ProposedTerm, 'term' | 'category'>>, weight: number): Codebook {
  if (terms.length === 0) return codebook;
  const add = (c: Category): Category => {
    if (c.children.length > 0) return { ...c, children: c.children.map(add) };
    const mine = terms.filter((t) => t.category === c.id);
    const withs = inheritedWith(c);
    const added: Term[] = mine.map((t) => ({ term: t.term, weight, with: withs }));
    return mine.length ? { ...c, keywords: [...c.keywords, ...added] } : c;
  };
  const dimensions = codebook.dimensions.map(add);
  return { ...codebook, dimensions, leaves: dimensions.flatMap(leavesOf) };
}
