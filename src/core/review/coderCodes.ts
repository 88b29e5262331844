import { splitCodes } from '../reliability/parseCodes.js';
import { NONE } from '../types.js';

/** How a code is compared: full-width letters, brackets and spaces as half-width, no space at a bracket, case ignored. */
const folded = (code: string) =>
  code.normalize('NFKC').trim().replace(/\s+/g, ' ').replace(/ ?\( ?/g, '(').replace(/ ?\)/g, ')').toLowerCase();

/**
 * The ways a coder writes a code in a review sheet: its id in any case, or its label (Chinese or
 * English) as the workbook's sheet 'codes' shows it, to the code's id. Coders copy what they see.
 */
export function codeAliases(leaves: ReadonlyArray<{ id: string; label: { zh: string; en?: string } }>): Map<string, string> {
  const aliases = new Map<string, string>();
  const add = (alias: string, id: string) => aliases.set(folded(alias), id);
  for (const { id, label } of [...leaves, { id: NONE, label: { zh: '无政策工具', en: 'no instrument' } }]) {
    add(id, id);
    add(label.zh, id);
    if (label.en) [label.en, `${label.zh} (${label.en})`].forEach((a) => add(a, id));
  }
  return aliases;
}

/** A row's codes as ids; `unknown` lists what is no code of the codebook, as the coder wrote it. */
export function coderCodes(primary: string, secondary: string, aliases: ReadonlyMap<string, string>): { primary: string; secondary: string[]; unknown: string[] } {
  const unknown: string[] = [];
  const id = (code: string) => aliases.get(folded(code)) ?? (unknown.push(code.trim()), code.trim());
  const p = id(primary);
  // A secondary cell may hold one label with spaces (Laws and regulation) or codes split by ; , or spaces.
  const whole = aliases.get(folded(secondary));
  const s = whole ? [whole] : splitCodes(secondary.trim()).map(id);
  return { primary: p, secondary: [...new Set(s)].filter((c) => c !== p), unknown };
}
