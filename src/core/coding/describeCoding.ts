import type { Coding } from '../types.js';

/** Evidence as one cell: `term@start(category)` for each match, in text order, `;`-separated. */
export function matchedTermsCell(coding: Coding): string {
  return coding.matches.map((m) => `${m.term}@${m.start}(${m.category})`).join(';');
}
