import { isMap, isSeq, parseDocument, type Document, type YAMLMap } from 'yaml';
import type { Codebook } from '../core/codebook/Codebook.js';
import { validateCodebook } from '../core/codebook/validateCodebook.js';

/**
 * Edits of a codebook's YAML text that leave every other byte as it was (its comments, quotes and
 * layout), shared by the writers of `codebook fit`: fitted weights and added terms.
 */

/** One splice of the source text. */
export interface Splice {
  at: number;
  remove: number;
  insert: string;
}

/** A weight as the YAML shows it: at most six decimals, no trailing zeros. */
export const weightText = (n: number) => String(Math.round(n * 1e6) / 1e6);

export function lineStart(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

export function lineEnd(text: string, at: number): number {
  const n = text.indexOf('\n', at);
  return n === -1 ? text.length : n;
}

/**
 * The category map with this id, searched through `categories` and `children`, and the product of the
 * weights of it and its ancestors (a category's weight multiplies its terms).
 */
export function categoryNode(doc: Document, id: string): { node: YAMLMap; multiplier: number } | null {
  const search = (list: unknown, multiplier: number): { node: YAMLMap; multiplier: number } | null => {
    if (!isSeq(list)) return null;
    for (const c of list.items) {
      if (!isMap(c)) continue;
      const m = multiplier * Number(c.get('weight') ?? 1);
      if (c.get('id') === id) return { node: c, multiplier: m };
      const found = search(c.get('children', true), m);
      if (found) return found;
    }
    return null;
  };
  return search(doc.get('categories', true), 1);
}

/** The text with the splices made, from the end backwards (a later splice first at one place), so each leaves the offsets of the earlier ones valid. */
export function applySplices(text: string, splices: readonly Splice[]): string {
  let out = text;
  splices
    .map((e, i) => ({ e, i }))
    .sort((a, b) => b.e.at - a.e.at || b.i - a.i)
    .forEach(({ e }) => (out = out.slice(0, e.at) + e.insert + out.slice(e.at + e.remove)));
  return out;
}

/** The codebook the edited text gives, validated: `what` names the text in the error when it does not validate. */
export function readBackCodebook(text: string, what: string): Codebook {
  const back = validateCodebook(parseDocument(text).toJS());
  if (!back.ok) throw new Error(`${what} does not validate: ${back.problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('; ')}`);
  return back.codebook;
}
