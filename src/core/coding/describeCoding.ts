import type { Coding } from '../types.js';

/**
 * Evidence as one cell, in text order, `;`-separated: `term@start(category)` for a keyword and
 * `text@start(category /pattern/)` for a pattern match, so a reader sees what matched, where, and why.
 */
export function matchedTermsCell(coding: Coding): string {
  return coding.matches.map((m) => `${m.term}@${m.start}(${m.category}${m.pattern !== undefined ? ` /${m.pattern}/` : ''})`).join(';');
}
