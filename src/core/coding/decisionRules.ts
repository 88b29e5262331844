import type { DecisionRules } from '../codebook/Codebook.js';
import type { Match } from '../types.js';
import { encouragementMatches, type EncouragementRule } from './encouragementRule.js';
import type { InsideWordsRule } from './insideWordMatches.js';
import { moneyMatches, type MoneyRule } from './moneyRule.js';
import { obligationMatches, withHiddenModals, type ObligationRule, type ObligationWords } from './obligationRule.js';
import { regulationMatches, type RegulationRule } from './regulationRule.js';
import { TermIndex, type Found } from './termIndex.js';
import { afterEmptyMatch, enumeratorLength, matchSpans, sentences, type Span } from './unitParts.js';

/**
 * The coding manual's decision rules (codebookSchema.ts, `rules`) compiled for the coder. They read
 * the structure of a unit rather than its vocabulary: who is obliged by a modal verb (rule 2), whether
 * money is given to someone (rule 3), who is encouraged or regulated (rule 1), which part of an item is
 * its heading (rule 4), and the formulae of units that use no instrument. Terms are matched on the
 * segmenter's tokens like keywords, so 应 never matches inside 应用.
 */
export interface CompiledRules {
  none: Array<{ id: string; label: string; global: RegExp }>;
  /** Every none rule in one expression: most units match none, and one scan is cheaper than nine. */
  anyNone: RegExp | null;
  /** Spans that are no evidence, all ignore rules in one global expression. */
  ignore: RegExp | null;
  heading: { weight: number; minWeight: number; maxLength: number; label: string } | null;
  /** Every word of rules 2 and 3 in one index, found in one scan of the tokens. */
  words: TermIndex<RuleWord>;
  obligation: ObligationRule | null;
  money: MoneyRule | null;
  encouragement: EncouragementRule | null;
  regulation: RegulationRule | null;
  insideWords: InsideWordsRule | null;
}

type RuleWord = Exclude<keyof ObligationWords, 'hidden'> | 'giver' | 'money' | 'encouraging' | 'regulating';

const label = (manual: string | undefined, id: string) => (manual ? `${manual}: ${id}` : id);

function escape(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One regular expression for a list of terms, longest first so that 税务机关 wins over 机关. */
function alternation(terms: readonly string[], flags = 'gu'): RegExp {
  // An empty list matches nothing: '' would match everywhere (and an exec loop over it would not advance).
  return new RegExp([...terms].sort((a, b) => b.length - a.length).map(escape).join('|') || '(?!)', flags);
}

export function compileRules(rules: DecisionRules): CompiledRules {
  const o = rules.obligation;
  const m = rules.money;
  const e = rules.encouragement;
  const r = rules.regulation;
  const w = rules.insideWords;
  return {
    none: rules.none.map((r) => ({ id: r.id, label: label(r.manual, `none.${r.id}`), global: new RegExp(r.pattern, 'gu') })),
    ignore: rules.ignore.length ? new RegExp(rules.ignore.map((r) => `(?:${r.pattern})`).join('|'), 'gu') : null,
    anyNone: rules.none.length ? new RegExp(rules.none.map((r) => `(?:${r.pattern})`).join('|'), 'u') : null,
    heading: rules.heading ? { weight: rules.heading.weight, minWeight: rules.heading.minWeight, maxLength: rules.heading.maxLength, label: label(rules.heading.manual, 'heading') } : null,
    words: ruleWords(rules),
    obligation: o
      ? {
          market: alternation(o.market),
          government: alternation(o.government),
          objects: new RegExp(`^(?:${o.objects.map(escape).join('|') || '(?!)'})`, 'u'),
          inCharacters: alternation([...o.modals, ...o.prohibitions]),
          prohibitionWords: new Set(o.prohibitions),
          notModal: { words: new Set(o.notModal), lengths: [...new Set(o.notModal.map((w) => w.length))].sort((a, b) => a - b) },
          basis: o.bases.length
            ? new RegExp(`^(?:${o.bases.map(escape).join('|')})[^，,。；;]*?(?:${[...o.basisHeads.map(escape), '[，,]'].join('|')})`, 'u')
            : null,
          marketCategory: o.marketCategory,
          governmentCategory: o.governmentCategory,
          weight: o.weight,
          governmentWeight: o.governmentWeight,
          label: o.manual ?? 'obligation',
          governmentLabel: `${o.manual ?? 'obligation'}: obligation.government`,
        }
      : null,
    money: m
      ? { category: m.category, weight: m.weight, window: m.window, label: label(m.manual, 'money.given'), fundTerms: new Set(m.fundTerms), fundRules: m.fundRules, fundLabel: label(m.manual, 'money.fund_rules') }
      : null,
    encouragement: e
      ? { actors: alternation(e.actors, 'u'), others: e.others.length ? alternation(e.others, 'u') : null, reach: e.reach, window: e.reach + Math.max(...[...e.actors, ...e.others].map((a) => a.length)), category: e.category, weight: e.weight, label: label(e.manual, 'encouragement.market') }
      : null,
    regulation: r
      ? { actors: alternation(r.actors), names: r.names.length ? alternation(r.names, 'uy') : null, reach: r.reach, category: r.category, weight: r.weight, label: label(r.manual, 'regulation.body') }
      : null,
    insideWords: w ? { minWeight: w.minWeight, names: w.names.length ? alternation(w.names, 'uy') : null, label: label(w.manual, 'inside_words') } : null,
  };
}

function ruleWords(rules: DecisionRules): TermIndex<RuleWord> {
  const index = new TermIndex<RuleWord>();
  const o = rules.obligation;
  const m = rules.money;
  const lists: Array<readonly [readonly string[], RuleWord]> = [
    ...(o ? ([[o.modals, 'modal'], [o.prohibitions, 'prohibition'], [o.enforcement, 'enforcement'], [o.organising, 'organising'], [o.conditions, 'condition']] as const) : []),
    ...(m ? ([[m.givers, 'giver'], [m.money, 'money']] as const) : []),
    ...(rules.encouragement ? ([[rules.encouragement.verbs, 'encouraging']] as const) : []),
    ...(rules.regulation ? ([[rules.regulation.acts, 'regulating']] as const) : []),
  ];
  for (const [terms, word] of lists) for (const t of terms) index.add(t, word);
  return index;
}

/** [start, end) of the spans of the unit that are no evidence (rules.ignore). */
export function ignoredSpans(text: string, rules: CompiledRules): Span[] {
  return rules.ignore ? matchSpans(rules.ignore, text) : [];
}

/** Characters of other text that make a unit more than its none formulae. */
const MIN_OTHER_CONTENT = 8;

/**
 * The first `none` rule the unit matches, the sentences that any none formula matches in, and whether
 * those sentences are the whole unit: a none formula decides a unit only where nothing else is said, so
 * a unit that runs an effective date onto a measure (a splitting fault) is still coded by its measure,
 * while a preamble of several formulae (significance, then what a cited document required, then the
 * issuing formula) is `none` as each of its sentences is.
 */
export function noneRuleOf(text: string, rules: CompiledRules): { label: string; sentences: Span[]; whole: boolean } | null {
  if (!rules.anyNone?.test(text)) return null;
  const { first, matched } = noneSentences(text, sentences(text), rules);
  if (first === null) return null;
  let rest = '';
  let at = 0;
  for (const s of matched) {
    rest += text.slice(at, s.start);
    at = s.end;
  }
  rest += text.slice(at);
  const whole = rest.slice(enumeratorLength(rest)).replace(/[\s\p{P}\d]/gu, '').length < MIN_OTHER_CONTENT;
  return { label: first, sentences: matched, whole };
}

/**
 * The first none rule (in codebook order) that matches the unit, and the sentences in which a match
 * of some none rule starts (a match that starts between sentences belongs to the next one). The rules
 * read the whole unit: their ^ and $ are the unit's ends.
 */
function noneSentences(text: string, parts: readonly Span[], rules: CompiledRules): { first: string | null; matched: Span[] } {
  const hit = new Array<boolean>(parts.length).fill(false);
  let first: string | null = null;
  for (const r of rules.none) {
    const g = r.global;
    g.lastIndex = 0;
    let k = 0;
    for (let m = g.exec(text); m !== null; m = g.exec(text)) {
      first ??= r.label;
      while (k < parts.length && parts[k]!.end <= m.index) k++;
      if (k === parts.length) break;
      hit[k] = true;
      // The rest of this sentence is decided: go on from the next one.
      g.lastIndex = Math.max(parts[k]!.end, m[0].length === 0 ? afterEmptyMatch(text, m.index) : m.index + m[0].length);
    }
  }
  return { first, matched: parts.filter((_, k) => hit[k]) };
}



const LIST_ENTRY_END = /[；;]\s*$/u;

/**
 * The lead of an enumerated item ("（三）加大财政支持力度。"): from the enumerator to the first full
 * stop, colon or line break, when that comes within `maxLength` characters. Articles (第X条) have no
 * heading in Chinese legal drafting, so they are not read as one. A short item ending in ； is one entry
 * of a list that continues a sentence (…情形之一的：（一）…的；（二）…；): it has no heading, only a body.
 */
export function headingSpan(text: string, maxLength: number): Span | null {
  const start = enumeratorLength(text);
  if (start === 0) return null;
  const rest = text.slice(start, start + maxLength + 1);
  const stop = rest.search(/[。：:\n]/u);
  if (stop > 0) return LIST_ENTRY_END.test(rest.slice(0, stop)) ? null : { start, end: start + stop };
  if (LIST_ENTRY_END.test(text)) return null;
  return text.length - start <= maxLength && text.length > start ? { start, end: text.length } : null;
}

/**
 * The evidence the structural rules add to a unit's keyword and pattern matches. Rule words are
 * found overlapping (findEvery), so one word may serve two lists (负责 as a modal and as organising).
 */
export function ruleMatches(tokens: readonly string[], text: string, rules: CompiledRules): Match[] {
  if (!rules.obligation && !rules.money && !rules.encouragement && !rules.regulation) return [];
  const found = rules.words.findEvery(tokens);
  const of = wordsOf(found);
  let words: ObligationWords = { modal: of.modal, prohibition: of.prohibition, enforcement: of.enforcement, organising: of.organising, condition: of.condition };
  if (rules.obligation) words = withHiddenModals(text, words, rules.obligation);
  // A unit without rule words may still hold a modal the segmenter hid.
  if (found.length === 0 && !words.hidden) return [];
  const parts = sentences(text);
  // Not push(...list): a unit of a million characters may find more matches than a call takes arguments.
  let out = rules.obligation ? obligationMatches(text, parts, words, rules.obligation) : [];
  if (rules.money) out = out.concat(moneyMatches(text, parts, of.giver, of.money, rules.money));
  if (rules.encouragement) out = out.concat(encouragementMatches(text, parts, of.encouraging, rules.encouragement));
  if (rules.regulation) out = out.concat(regulationMatches(text, parts, of.regulating, rules.regulation));
  return out;
}

/**
 * The found rule words by what they are, each list in text order, in one walk (a word listed twice
 * for one list is in it once).
 */
function wordsOf(found: ReadonlyArray<Found<RuleWord>>): Record<RuleWord, Array<Found<RuleWord>>> {
  const of: Record<RuleWord, Array<Found<RuleWord>>> = { modal: [], prohibition: [], enforcement: [], organising: [], condition: [], giver: [], money: [], encouraging: [], regulating: [] };
  for (let i = 0; i < found.length; i++) {
    const f = found[i]!;
    for (let k = 0; k < f.entries.length; k++) {
      const list = of[f.entries[k]!];
      if (list[list.length - 1] !== f) list.push(f);
    }
  }
  return of;
}
