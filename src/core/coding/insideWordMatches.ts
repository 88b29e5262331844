import type { Match } from '../types.js';
import { presentTerms, termMatches } from './candidateMatches.js';
import type { CompiledCodebook } from './compileCodebook.js';
import { keptMatches } from './keptMatches.js';

/** The codebook's `rules.inside_words` as the coder applies it. */
export interface InsideWordsRule {
  /** Terms below this weight (carriers such as 推进, 支持) name no measure and are not looked for. */
  minWeight: number;
  /** The rest of a word that makes it the name of a law, a paper or a body (法 in 所得税法). Sticky. */
  names: RegExp | null;
  label: string;
}

/**
 * The evidence of a unit in which the segmenter's words found none, read in its characters: jieba keeps
 * many compounds whole (绩效考核, 个人所得税, 规划设计, 专任教师), so a measure word inside them never
 * matched on a word boundary, and the unit fell to `none` although a coder sees its measure. Only for
 * such units: elsewhere the words found on the tokens decide, as every gold and silver figure was
 * measured. Only terms of `minWeight` or more count (topic terms still need a measure beside them), and
 * none whose word ends in one of `names`: 所得税法, 承诺书 and 协调小组 name a law, a paper and a body, not a
 * measure (依法处理 does not: 处理 is no name). A term must lie inside one of the segmenter's words: one across two (上市 in 以上|市区) is
 * none. Exclusions, ignore rules and headings apply as to any evidence.
 */
export function insideWordMatches(tokens: readonly string[], text: string, compiled: CompiledCodebook, rule: InsideWordsRule): Match[] {
  const characters = Array.from(text);
  const present = presentTerms(characters, compiled);
  const found: Match[] = [];
  termMatches(characters, compiled, present, found);
  const candidates: Match[] = [];
  let token = 0;
  let tokenEnd = tokens.length > 0 ? tokens[0]!.length : 0;
  for (const m of found) {
    // Inside one word only: a term across two (上市 in 以上|市区) is no word of the unit.
    while (token < tokens.length - 1 && tokenEnd <= m.start) tokenEnd += tokens[++token]!.length;
    if (m.end > tokenEnd) continue;
    if (!m.topic && m.weight < rule.minWeight) continue;
    if (rule.names && namesRest(rule.names, text, m.end, tokenEnd)) continue;
    candidates.push({ ...m, rule: rule.label });
  }
  return keptMatches(candidates, text, compiled, present, []);
}

/** Whether the rest of the word after a term is a name (法 in 所得税法, 小组 in 协调小组), not a longer word (处理 in 依法处理). */
function namesRest(names: RegExp, text: string, end: number, wordEnd: number): boolean {
  if (end === wordEnd) return false;
  names.lastIndex = end;
  const found = names.exec(text);
  return found !== null && end + found[0].length === wordEnd;
}
