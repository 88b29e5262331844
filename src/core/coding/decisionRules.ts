import type { DecisionRules } from '../codebook/Codebook.js';
import type { Match } from '../types.js';
import { TermIndex, type Found } from './termIndex.js';

/**
 * The coding manual's decision rules (codebookSchema.ts, `rules`) compiled for the coder. They read
 * the structure of a unit rather than its vocabulary: who is obliged by a modal verb (rule 2), whether
 * money is given to someone (rule 3), which part of an item is its heading (rule 4), and the formulae
 * of units that use no instrument. Terms are matched on the segmenter's tokens like keywords, so 应
 * never matches inside 应用.
 */
export interface CompiledRules {
  none: Array<{ id: string; label: string; regex: RegExp }>;
  /** Every none rule in one expression: most units match none, and one scan is cheaper than nine. */
  anyNone: RegExp | null;
  /** Spans that are no evidence, all ignore rules in one global expression. */
  ignore: RegExp | null;
  heading: { weight: number; minWeight: number; maxLength: number; label: string } | null;
  obligation: {
    modals: TermIndex<ModalKind>;
    /** Actors are found in the characters, not the tokens: 局 must match inside 商务局. */
    market: RegExp;
    government: RegExp;
    enforcement: TermIndex<true>;
    organising: TermIndex<true>;
    conditions: TermIndex<true>;
    /** A phrase opening with one of these (对, 向, 为) names the object of the measure, not its subject. */
    objects: RegExp;
    marketCategory: string;
    governmentCategory: string;
    weight: number;
    label: string;
  } | null;
  money: { givers: TermIndex<true>; money: TermIndex<true>; category: string; weight: number; window: number; label: string; fundTerms: Set<string>; fundRules: string | null; fundLabel: string } | null;
}

type ModalKind = 'modal' | 'prohibition';

interface Span {
  start: number;
  end: number;
}

const label = (manual: string | undefined, id: string) => (manual ? `${manual}: ${id}` : id);

function indexOf<T>(pairs: Array<[readonly string[], T]>): TermIndex<T> {
  const index = new TermIndex<T>();
  for (const [terms, value] of pairs) for (const t of terms) index.add(t, value);
  return index;
}

function escape(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One regular expression for a list of terms, longest first so that 税务机关 wins over 机关. */
function alternation(terms: readonly string[]): RegExp {
  return new RegExp([...terms].sort((a, b) => b.length - a.length).map(escape).join('|'), 'gu');
}

export function compileRules(rules: DecisionRules): CompiledRules {
  const o = rules.obligation;
  const m = rules.money;
  return {
    none: rules.none.map((r) => ({ id: r.id, label: label(r.manual, `none.${r.id}`), regex: new RegExp(r.pattern, 'u') })),
    ignore: rules.ignore.length ? new RegExp(rules.ignore.map((r) => `(?:${r.pattern})`).join('|'), 'gu') : null,
    anyNone: rules.none.length ? new RegExp(rules.none.map((r) => `(?:${r.pattern})`).join('|'), 'u') : null,
    heading: rules.heading ? { weight: rules.heading.weight, minWeight: rules.heading.minWeight, maxLength: rules.heading.maxLength, label: label(rules.heading.manual, 'heading') } : null,
    obligation: o
      ? {
          modals: indexOf<ModalKind>([[o.modals, 'modal'], [o.prohibitions, 'prohibition']]),
          market: alternation(o.market),
          government: alternation(o.government),
          enforcement: indexOf<true>([[o.enforcement, true]]),
          organising: indexOf<true>([[o.organising, true]]),
          conditions: indexOf<true>([[o.conditions, true]]),
          objects: new RegExp(`^(?:${o.objects.map(escape).join('|') || '(?!)'})`, 'u'),
          marketCategory: o.marketCategory,
          governmentCategory: o.governmentCategory,
          weight: o.weight,
          label: o.manual ?? 'obligation',
        }
      : null,
    money: m
      ? { givers: indexOf<true>([[m.givers, true]]), money: indexOf<true>([[m.money, true]]), category: m.category, weight: m.weight, window: m.window, label: label(m.manual, 'money.given'), fundTerms: new Set(m.fundTerms), fundRules: m.fundRules, fundLabel: label(m.manual, 'money.fund_rules') }
      : null,
  };
}

/** [start, end) of the spans of the unit that are no evidence (rules.ignore). */
export function ignoredSpans(text: string, rules: CompiledRules): Span[] {
  if (!rules.ignore) return [];
  return [...text.matchAll(rules.ignore)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** Characters of other text that make a unit more than its none formula. */
const MIN_OTHER_CONTENT = 8;

/**
 * The first `none` rule the unit matches, with the sentence it matched in, and whether that sentence
 * is the whole unit: a none formula decides a unit only where nothing else is said, so a unit that
 * runs an effective date onto a measure (a splitting fault) is still coded by its measure.
 */
export function noneRuleOf(text: string, rules: CompiledRules): { label: string; sentence: Span; whole: boolean } | null {
  if (!rules.anyNone?.test(text)) return null;
  for (const r of rules.none) {
    const m = r.regex.exec(text);
    if (!m) continue;
    const sentence = sentences(text).find((s) => m.index >= s.start && m.index < s.end) ?? { start: 0, end: text.length };
    const rest = text.slice(0, sentence.start) + text.slice(sentence.end);
    return { label: r.label, sentence, whole: rest.replace(ENUMERATOR, '').replace(/[\s\p{P}\d]/gu, '').length < MIN_OTHER_CONTENT };
  }
  return null;
}


const ENUMERATOR = /^\s*(?:[（(][一二三四五六七八九十百零〇\d]{1,4}[）)]|[一二三四五六七八九十百]{1,3}[、.．]|\d{1,3}[、.．](?!\d))\s*/u;

/**
 * The lead of an enumerated item ("（三）加大财政支持力度。"): from the enumerator to the first full
 * stop, colon or line break, when that comes within `maxLength` characters. Articles (第X条) have no
 * heading in Chinese legal drafting, so they are not read as one.
 */
export function headingSpan(text: string, maxLength: number): Span | null {
  const enumerator = ENUMERATOR.exec(text);
  if (!enumerator) return null;
  const start = enumerator[0].length;
  const rest = text.slice(start, start + maxLength + 1);
  const stop = rest.search(/[。：:\n]/u);
  if (stop > 0) return { start, end: start + stop };
  return text.length - start <= maxLength && text.length > start ? { start, end: text.length } : null;
}

/** [start, end) of each sentence of the unit. */
function sentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || '。；;！？!?\n'.includes(text[i]!)) {
      if (i > start) out.push({ start, end: i });
      start = i + 1;
    }
  }
  return out;
}

function within<T>(found: Array<Found<T>>, span: Span): Array<Found<T>> {
  return found.filter((f) => f.start >= span.start && f.end <= span.end);
}

const PHRASE_BREAK = /[，,、：:（）()]/u;

/**
 * The subject of a modal: the first actor between the sentence start and the modal whose phrase
 * (from the last comma) does not open with an object marker (对企业…, 向申请人…).
 */
function subjectOf(text: string, from: number, to: number, o: NonNullable<CompiledRules['obligation']>): 'market' | 'government' | undefined {
  const region = text.slice(from, to).replace(ENUMERATOR, (e) => ' '.repeat(e.length));
  const found: Array<{ at: number; who: 'market' | 'government'; length: number }> = [];
  for (const [re, who] of [[o.market, 'market'], [o.government, 'government']] as const) {
    re.lastIndex = 0;
    for (let m = re.exec(region); m !== null; m = re.exec(region)) found.push({ at: m.index, who, length: m[0].length });
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
 * Rule 2: the first modal verb of a sentence with its subject, the first actor before it that is not
 * the object of a preposition (对企业, 向申请人). A market actor obliged, or a body obliged to enforce,
 * is regulation; a government body obliged to organise is strategy (a body obliged to do anything
 * else, such as to buy, is left to the vocabulary); a prohibition nobody is named for
 * is regulation.
 */
function obligationMatches(tokens: readonly string[], text: string, o: NonNullable<CompiledRules['obligation']>): Match[] {
  const modals = o.modals.findAll(tokens);
  if (modals.length === 0) return [];
  const enforcement = o.enforcement.findAll(tokens);
  const organising = o.organising.findAll(tokens);
  const conditions = o.conditions.findAll(tokens);
  const asides = [...text.matchAll(/[（(][^（）()]*[）)]/gu)].map((a) => ({ start: a.index, end: a.index + a[0].length }));
  const out: Match[] = [];
  for (const s of sentences(text)) {
    // Who may get a measure is a condition of the measure (the manual's clarification), not rule 2.
    if (within(conditions, s).length > 0) continue;
    // A modal inside brackets belongs to an aside such as a responsibility tag ((财政部负责)).
    for (const m of within(modals, s).filter((x) => !asides.some((a) => x.start >= a.start && x.end <= a.end))) {
      const kind = m.entries[0]!;
      const who = subjectOf(text, s.start, m.start, o);
      let category: string | null = null;
      let id = '';
      if (who === 'market') [category, id] = [o.marketCategory, 'obligation.market'];
      else if (who === 'government') {
        // The verb nearest after the modal says what the body is obliged to do.
        const after = { start: m.end, end: s.end };
        const enforces = within(enforcement, after)[0]?.start ?? Infinity;
        const organises = within(organising, after)[0]?.start ?? Infinity;
        if (enforces < organises) [category, id] = [o.marketCategory, 'obligation.enforcement'];
        else if (organises < Infinity) [category, id] = [o.governmentCategory, 'obligation.government'];
      } else if (who === undefined && kind === 'prohibition') [category, id] = [o.marketCategory, 'obligation.prohibition'];
      if (category === null) continue;
      out.push({ category, term: m.term, start: m.start, end: m.end, weight: o.weight, rule: label(o.label, id) });
      break;
    }
  }
  return out;
}

/** Rule 3: a giving verb followed by money within the window (给予…补贴, 发放…奖励), once a sentence. */
function moneyMatches(tokens: readonly string[], text: string, m: NonNullable<CompiledRules['money']>): Match[] {
  const givers = m.givers.findAll(tokens);
  if (givers.length === 0) return [];
  const money = m.money.findAll(tokens);
  const out: Match[] = [];
  for (const s of sentences(text)) {
    for (const g of within(givers, s)) {
      const object = within(money, { start: g.end, end: Math.min(s.end, g.end + m.window + 8) }).find((x) => x.start - g.end <= m.window);
      if (!object) continue;
      out.push({ category: m.category, term: text.slice(g.start, object.end), start: g.start, end: object.end, weight: m.weight, rule: m.label });
      break;
    }
  }
  return out;
}

/** The evidence the structural rules add to a unit's keyword and pattern matches. */
export function ruleMatches(tokens: readonly string[], text: string, rules: CompiledRules): Match[] {
  return [...(rules.obligation ? obligationMatches(tokens, text, rules.obligation) : []), ...(rules.money ? moneyMatches(tokens, text, rules.money) : [])];
}
