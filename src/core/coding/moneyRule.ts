import type { Match } from '../types.js';
import type { Found } from './termIndex.js';
import { bySentence, type Span } from './unitParts.js';

/** Rule 3 as the coder applies it (compiled from the codebook's `rules.money`). */
export interface MoneyRule {
  category: string;
  weight: number;
  window: number;
  label: string;
  /** A fund's own words, and the category they count for where no money is given. */
  fundTerms: Set<string>;
  fundRules: string | null;
  fundLabel: string;
}

/**
 * Whether the giver is one item of a list (重大项目安排、大额度资金运作): a noun, not a verb giving the
 * money after it. A list after the verb (提供实物保障、购房补贴) is its object.
 */
function listItem(text: string, g: Span): boolean {
  return text[g.end] === '、';
}

/**
 * Rule 3: a giving verb followed by money within the window (给予…补贴, 发放…奖励), once a sentence. A
 * giver that is an item of a list is no verb.
 */
export function moneyMatches(text: string, parts: readonly Span[], givers: ReadonlyArray<Found<unknown>>, money: ReadonlyArray<Found<unknown>>, m: MoneyRule): Match[] {
  if (givers.length === 0) return [];
  const out: Match[] = [];
  const giversOf = bySentence(givers, parts);
  const moneyOf = bySentence(money, parts);
  parts.forEach((s, i) => {
    for (const g of giversOf[i]!) {
      if (listItem(text, g)) continue;
      const object = moneyOf[i]!.find((x) => x.start >= g.end && x.end <= s.end && x.start - g.end <= m.window);
      if (!object) continue;
      out.push({ category: m.category, term: text.slice(g.start, object.end), start: g.start, end: object.end, weight: m.weight, rule: m.label });
      break;
    }
  });
  return out;
}
