import type { Match } from '../types.js';
import type { Found } from './termIndex.js';
import { afterEmptyMatch, bySentence, type Span } from './unitParts.js';

/** Who is regulated, as the coder applies it (compiled from the codebook's `rules.regulation`). */
export interface RegulationRule {
  /** Bodies are found in the characters, not the tokens: 机构 must match inside 培训机构. Global. */
  actors: RegExp;
  /** What follows an act inside a department's name (监管 in 市场监管局): then it is no act. Sticky. */
  names: RegExp | null;
  reach: number;
  category: string;
  weight: number;
  label: string;
}

/**
 * Rule 1 for regulation: a regulating act (监管, 责令, 整改, 主体责任) with a market body (机构,
 * 企业, 经营者) within `reach` characters of it in its sentence regulates that body (培训机构…由其
 * 上级部门责令限期整改; 加强对文化企业的分类监管): the unit is regulation, and the words of the
 * body's business (培训, 养老服务) are its topic, not the service or training the government gives.
 * An act inside a department's name (市场监管局) regulates nothing. Once a sentence, like rules 2 and 3.
 */
export function regulationMatches(text: string, parts: readonly Span[], acts: ReadonlyArray<Found<unknown>>, r: RegulationRule): Match[] {
  if (acts.length === 0) return [];
  const out: Match[] = [];
  bySentence(acts, parts).forEach((inSentence, i) => {
    const s = parts[i]!;
    for (const a of inSentence) {
      if (r.names) {
        r.names.lastIndex = a.end;
        if (r.names.test(text)) continue;
      }
      const from = Math.max(s.start, a.start - r.reach);
      const to = Math.min(s.end, a.end + r.reach);
      const body = bodyBeside(text.slice(from, to), from, a, r.actors);
      if (!body) continue;
      const start = Math.min(a.start, body.start);
      const end = Math.max(a.end, body.end);
      out.push({ category: r.category, term: text.slice(start, end), start, end, weight: r.weight, rule: r.label });
      break;
    }
  });
  return out;
}

/**
 * The first body in `slice` (which starts at `from` in the unit) that is not the act itself: exec, not
 * matchAll, which copies the expression on every call.
 */
function bodyBeside(slice: string, from: number, act: Span, actors: RegExp): Span | null {
  actors.lastIndex = 0;
  for (let m = actors.exec(slice); m !== null; m = actors.exec(slice)) {
    const start = from + m.index;
    const end = start + m[0].length;
    if (end <= act.start || start >= act.end) return { start, end };
    if (m[0].length === 0) actors.lastIndex = afterEmptyMatch(slice, m.index);
  }
  return null;
}
