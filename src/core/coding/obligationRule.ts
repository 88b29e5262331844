import type { Match } from '../types.js';
import type { Found } from './termIndex.js';
import { stableSort } from './stableSort.js';
import { bySentence, enumeratorLength, matchSpans, within, type Span } from './unitParts.js';

/** Rule 2 as the coder applies it (compiled from the codebook's `rules.obligation`). */
export interface ObligationRule {
  /** Actors are found in the characters, not the tokens: 局 must match inside 商务局. */
  market: RegExp;
  government: RegExp;
  /** A phrase opening with one of these (对, 向, 为) names the object of the measure, not its subject. */
  objects: RegExp;
  /** Every modal and prohibition, longest first, to find those the segmenter hid inside a longer token. */
  inCharacters: RegExp;
  prohibitionWords: ReadonlySet<string>;
  /** Words in which a modal's characters are no modal (应用, 需求, 重要), and their lengths. */
  notModal: { words: ReadonlySet<string>; lengths: readonly number[] };
  /** The basis of the act after a modal (根据…结果, 按照…规定), from the modal's end: its words are not the act. */
  basis: RegExp | null;
  marketCategory: string;
  governmentCategory: string;
  weight: number;
  /** The weight of a government body obliged to organise (strategy): the voice of most measures, so a carrier's. */
  governmentWeight: number;
  /** The manual's reference, e.g. "rule 2". */
  label: string;
  /** What a government body's duty to organise is marked with (`${label}: obligation.government`). */
  governmentLabel: string;
}

/** The rule's words found in a unit, by what they are. */
export interface ObligationWords {
  modal: Array<Found<unknown>>;
  prohibition: Array<Found<unknown>>;
  enforcement: Array<Found<unknown>>;
  organising: Array<Found<unknown>>;
  condition: Array<Found<unknown>>;
  /** Modals found in the characters only (withHiddenModals). */
  hidden?: ReadonlySet<Found<unknown>>;
}

const PHRASE_BREAK = /[，,、：:（）()]/u;
/** How far before its modal a subject is looked for: a sentence without stops must not cost its length per modal. */
const SUBJECT_REACH = 160;
/**
 * Text whose modal obliges nobody: brackets and quotations (a responsibility tag, “谁推荐、谁负责”), and the
 * slogans that say so without quotation marks: 应知尽知, 应保尽保 (all that is due is done: a goal) and
 * 谁建设、谁负责 (who builds answers for it: a principle). A quotation is bounded: a stray “ with no ” after
 * it would otherwise cost the rest of the unit at every “.
 */
const ASIDE = /[（(][^（）()]*[）)]|“[^”]{0,200}”|应(\p{Script=Han})尽\1|谁[^，,。；;“”]{1,8}[、，,]?谁负责/gu;
/** A line break after a character that ends no sentence: the line was wrapped, and the sentence goes on. */
const WRAPPED = /[^\s。；;！？!?：:）)”]\n\s*$/u;

/**
 * The subject of a modal: the first actor between the sentence start and the modal whose phrase
 * (from the last comma) does not open with an object marker (对企业…, 向申请人…).
 */
function subjectOf(text: string, from: number, to: number, o: ObligationRule): 'market' | 'government' | undefined {
  const slice = text.slice(Math.max(from, to - SUBJECT_REACH), to);
  const lead = enumeratorLength(slice);
  const region = ' '.repeat(lead) + slice.slice(lead);
  const found: Array<{ at: number; who: 'market' | 'government'; length: number }> = [];
  for (const [re, who] of [[o.market, 'market'], [o.government, 'government']] as const) {
    for (const m of region.matchAll(re)) found.push({ at: m.index, who, length: m[0].length });
  }
  found.sort((a, b) => a.at - b.at || b.length - a.length);
  for (const f of found) {
    let phraseStart = f.at;
    while (phraseStart > 0 && !PHRASE_BREAK.test(region[phraseStart - 1]!)) phraseStart--;
    if (!o.objects.test(region.slice(phraseStart, f.at).trimStart())) return f.who;
  }
  return undefined;
}

/**
 * The modals and prohibitions the segmenter hid inside a longer token (收款单/位不能/拒绝, 部门应/加强),
 * added to those found on the tokens: jieba's cuts are not the coder's, and its dictionary must stay as
 * it is. A word of `notModal` (应用, 相应, 需求, 重要) covering one is no modal.
 */
export function withHiddenModals(text: string, words: ObligationWords, o: ObligationRule): ObligationWords {
  // exec, not matchAll (which copies the expression): this runs for every unit with a modal's character.
  const re = o.inCharacters;
  re.lastIndex = 0;
  let m = re.exec(text);
  if (m === null) return words;
  const onTokens = [...words.modal, ...words.prohibition];
  const modal = [...words.modal];
  const prohibition = [...words.prohibition];
  const hidden = new Set<Found<unknown>>();
  for (; m !== null; m = re.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    // One modal is read once: 不应当 cut 不|应当 must not add 不应 beside 应当.
    if (onTokens.some((f) => f.start < end && start < f.end)) continue;
    if (insideNotModal(text, start, end, o.notModal)) continue;
    const found: Found<unknown> = { term: m[0], start, end, entries: [] };
    hidden.add(found);
    (o.prohibitionWords.has(m[0]) ? prohibition : modal).push(found);
  }
  if (hidden.size === 0) return words;
  const byStart = (a: Found<unknown>, b: Found<unknown>) => a.start - b.start;
  return { ...words, modal: stableSort(modal, byStart), prohibition: stableSort(prohibition, byStart), hidden };
}

/**
 * Whether a word of `notModal` covers [start, end): each window of a word's length around the span
 * is looked up, which is cheaper than a search of the whole unit for a hundred words.
 */
function insideNotModal(text: string, start: number, end: number, notModal: ObligationRule['notModal']): boolean {
  for (const length of notModal.lengths) {
    for (let from = Math.max(0, end - length); from <= start; from++) {
      if (notModal.words.has(text.slice(from, from + length))) return true;
    }
  }
  return false;
}

/** What a modal with its subject decides: [category, rule id], or null when rule 2 says nothing. */
function decide(o: ObligationRule, who: 'market' | 'government' | undefined, prohibition: boolean, act: Span, words: ObligationWords, text: string): [string, string] | null {
  if (who === 'market') return [o.marketCategory, 'obligation.market'];
  if (who === undefined) return prohibition ? [o.marketCategory, 'obligation.prohibition'] : null;
  // The verb nearest after the modal says what the body is obliged to do; the basis it acts on
  // (应当根据…监督评估…结果调整完善政策) is not what it does.
  const basis = o.basis?.exec(text.slice(act.start, Math.min(act.end, act.start + SUBJECT_REACH)));
  const after = basis ? { start: act.start + basis[0].length, end: act.end } : act;
  const enforces = within(words.enforcement, after)[0]?.start ?? Infinity;
  const organises = within(words.organising, after)[0]?.start ?? Infinity;
  if (enforces < organises) return [o.marketCategory, 'obligation.enforcement'];
  return organises < Infinity ? [o.governmentCategory, 'obligation.government'] : null;
}

/**
 * Rule 2: the first modal verb of a sentence with its subject. A market actor obliged, or a body
 * obliged to enforce, is regulation; a government body obliged to organise is strategy (a body obliged
 * to do anything else, such as to buy, is left to the vocabulary); a prohibition nobody is named for
 * is regulation. A modal after a word of getting a measure (享受, 申请) states the measure's condition, and a
 * modal in brackets or quotation marks belongs to an aside (a responsibility tag, a slogan such as
 * “谁推荐、谁负责”): neither is rule 2.
 */
export function obligationMatches(text: string, parts: readonly Span[], words: ObligationWords, o: ObligationRule): Match[] {
  const prohibitions = new Set(words.prohibition);
  const modals = stableSort([...words.modal, ...words.prohibition], (a, b) => a.start - b.start);
  if (modals.length === 0) return [];
  let asides: Span[] | null = null;
  const modalsOf = bySentence(modals, parts);
  const conditionsOf = bySentence(words.condition, parts);
  const out: Match[] = [];
  parts.forEach((s, i) => {
    for (const m of modalsOf[i]!) {
      // A condition word before the modal states who gets a measure (申请人为单身的，申请…时应年满25周岁): the
      // measure's condition, so rule 2 says nothing in the sentence. One after it is what the actor is obliged
      // to do (评审专家…应申请回避; 机构应…提出申请): an obligation like any other.
      if (conditionsOf[i]!.some((c) => c.start < m.start)) return;
      const prohibition = prohibitions.has(m);
      // The asides are found once for all the unit's modals, when the first is considered.
      asides ??= matchSpans(ASIDE, text);
      if (asides.some((a) => m.start >= a.start && m.end <= a.end)) continue;
      let who = subjectOf(text, s.start, m.start, o);
      // A subject cut from its modal by a wrapped line (发展改革委\n应当对…) is on the line before.
      if (who === undefined && i > 0 && WRAPPED.test(text.slice(parts[i - 1]!.end - 1, s.start))) who = subjectOf(text, parts[i - 1]!.start, m.start, o);
      // A modal the segmenter hid counts only with its subject: without one, 不能完成 (cannot finish) or
      // 禁止洋垃圾入境 (a ban on imports, trade) reads no better as rule 2 than the tokens did.
      if (who === undefined && words.hidden?.has(m)) continue;
      const decided = decide(o, who, prohibition, { start: m.end, end: s.end }, words, text);
      if (!decided) continue;
      const government = decided[1] === 'obligation.government';
      out.push({ category: decided[0], term: m.term, start: m.start, end: m.end, weight: government ? o.governmentWeight : o.weight, rule: government ? o.governmentLabel : `${o.label}: ${decided[1]}` });
      break;
    }
  });
  return out;
}
