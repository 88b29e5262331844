import type { Coding, Match } from '../types.js';

function marks(m: Match): string {
  return `${m.pattern !== undefined ? ` /${m.pattern}/` : ''}${m.rule !== undefined ? ` [${m.rule}]` : ''}${m.topic ? ' [topic]' : ''}${m.heading ? ' [heading]' : ''}`;
}

/**
 * Evidence as one cell, in text order, `;`-separated: `term@start(category)` for a keyword,
 * `text@start(category /pattern/)` for a pattern match, `[rule …]` for a decision rule's evidence,
 * `[topic]` for a topic term and `[heading]` for evidence weighed as an item's heading, so a reader
 * sees what matched, where, and why.
 */
export function matchedTermsCell(coding: Coding): string {
  return coding.matches.map((m) => `${m.term}@${m.start}(${m.category}${marks(m)})`).join(';');
}
