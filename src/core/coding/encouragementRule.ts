import type { Match } from '../types.js';
import type { Found } from './termIndex.js';
import { bySentence, enumeratorLength, type Span } from './unitParts.js';

/** Who is encouraged, as the coder applies it (compiled from the codebook's `rules.encouragement`). */
export interface EncouragementRule {
  /** Actors are found in the characters, not the tokens: 企业 must match inside 物流企业. Not global. */
  actors: RegExp;
  others: RegExp | null;
  reach: number;
  /** Characters read after the verb: the reach and the longest actor, so a long phrase costs no scan. */
  window: number;
  category: string;
  weight: number;
  label: string;
}

const PHRASE_BREAK = /[，,。；;：:\n]/u;

/** How far back an item's enumerator may reach before a verb that opens the item: （二十三）, 12. */
const LEAD_REACH = 12;

/**
 * Whether the verb at `at` opens its phrase (after a break, or after an item's enumerator). Only a
 * short stretch before it is read, so a long unit without punctuation costs no scan per verb.
 */
function opensPhrase(text: string, at: number): boolean {
  let start = at;
  while (start > 0 && at - start < LEAD_REACH && !PHRASE_BREAK.test(text[start - 1]!)) start--;
  if (start > 0 && !PHRASE_BREAK.test(text[start - 1]!)) return false;
  return start + enumeratorLength(text.slice(start, at)) >= at;
}

/**
 * Rule 1 for encouragement: a phrase whose verb is an encouraging verb (鼓励, 引导) and whose first
 * actor, within `reach` characters after it, is a market actor (鼓励物流企业落户园区, 鼓励社会力量参与
 * 建设…) guides firms: the unit is the manual's "guidance and encouragement", and the words of the
 * firms' business (养老服务, 咨询服务, 人才公寓) are its topic, not a service the government gives.
 * Where one of the `others` comes first the rule says nothing: lenders encouraged to lend
 * (引导银行业金融机构加大信贷投放) are indirect financial support, and a government body encouraged
 * (鼓励各地探索建立企业…) is not a firm. Once a sentence, like rules 2 and 3.
 */
export function encouragementMatches(text: string, parts: readonly Span[], verbs: ReadonlyArray<Found<unknown>>, e: EncouragementRule): Match[] {
  if (verbs.length === 0) return [];
  const out: Match[] = [];
  bySentence(verbs, parts).forEach((inSentence, i) => {
    for (const v of inSentence) {
      // Only a verb opening its phrase is what the phrase does: 为引导企业… states a purpose.
      if (!opensPhrase(text, v.start)) continue;
      const ahead = text.slice(v.end, Math.min(parts[i]!.end, v.end + e.window));
      const stop = ahead.search(PHRASE_BREAK);
      const object = stop < 0 ? ahead : ahead.slice(0, stop);
      const actor = e.actors.exec(object);
      if (!actor || actor.index > e.reach) continue;
      const other = e.others?.exec(object);
      if (other && other.index <= actor.index) continue;
      out.push({ category: e.category, term: text.slice(v.start, v.end + actor.index + actor[0].length), start: v.start, end: v.end + actor.index + actor[0].length, weight: e.weight, rule: e.label });
      break;
    }
  });
  return out;
}
