import type { NotApplied } from '../pipeline/manualOverrides.js';

/** The stderr line of a manual code that was not applied, the same from analyze, recode and merge. */
export function notAppliedLine(m: NotApplied): string {
  return `manual code ${m.clauseId} not applied (${m.file}: "${shorten(m.text)}"): ${m.reason}\n`;
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 40 ? `${flat.slice(0, 40)}…` : flat;
}
