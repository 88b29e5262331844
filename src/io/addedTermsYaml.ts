import { isScalar, isSeq, parseDocument, type Document } from 'yaml';
import type { Codebook } from '../core/codebook/Codebook.js';
import type { ProposedTerm } from '../core/coding/proposeTerms.js';
import { applySplices, categoryNode, lineEnd, lineStart, readBackCodebook, weightText, type Splice } from './yamlSplices.js';

/** What an added term's comment says: the evidence a person reviews. */
export function addedNote(t: ProposedTerm): string {
  return `fit: added, ${t.units} units in ${t.documents} documents, precision ${t.precision.toFixed(2)} (lower bound ${t.lower.toFixed(2)})`;
}

/** An added term as a flow map: its own weight is the coder's weight divided by its categories'. */
function itemText(t: ProposedTerm, weight: number, multiplier: number): string {
  const term = /^\p{Script=Han}+$/u.test(t.term) ? t.term : `'${t.term.replace(/'/g, "''")}'`;
  return `{ term: ${term}, weight: ${weightText(weight / multiplier)} }`;
}

type Range = [number, number, number];
const rangeOf = (node: unknown) => (node as { range: Range }).range;
const columnOf = (text: string, at: number) => at - lineStart(text, at);

/**
 * Where the added terms of one category go: after the last item of its block list of keywords (one
 * line each, with its comment), inside its flow list (one comment after the list), or in a new
 * `keywords:` list at the end of a category that had only patterns.
 */
function insertion(text: string, doc: Document, category: string, terms: readonly ProposedTerm[], weight: number): Splice {
  const found = categoryNode(doc, category);
  if (!found) throw new Error(`cannot find category ${category} in the codebook`);
  const items = terms.map((t) => itemText(t, weight, found.multiplier));
  const list = found.node.get('keywords', true);
  if (isSeq(list) && list.items.length > 0 && !list.flow) {
    const first = rangeOf(list.items[0])[0];
    const indent = ' '.repeat(columnOf(text, text.lastIndexOf('-', first)));
    return { at: lineEnd(text, rangeOf(list.items[list.items.length - 1])[1] - 1), remove: 0, insert: items.map((l, i) => `\n${indent}- ${l}  # ${addedNote(terms[i]!)}`).join('') };
  }
  if (isSeq(list)) {
    const close = text.lastIndexOf(']', rangeOf(list)[1]);
    const notes = terms.map((t) => `${t.term} ${addedNote(t)}`).join('; ');
    const rest = text.slice(close + 1, lineEnd(text, close));
    const comment = /#/.test(rest) ? `; ${notes}` : `  # ${notes}`;
    return { at: close, remove: 1 + rest.length, insert: `${list.items.length ? ', ' : ''}${items.join(', ')}]${rest}${comment}` };
  }
  const pairs = found.node.items;
  const indent = ' '.repeat(columnOf(text, rangeOf(pairs[0]!.key)[0]));
  const last = pairs[pairs.length - 1]!;
  const at = lineEnd(text, rangeOf(last.value ?? last.key)[1] - 1);
  return { at, remove: 0, insert: `\n${indent}keywords:` + items.map((l, i) => `\n${indent}  - ${l}  # ${addedNote(terms[i]!)}`).join('') };
}

/**
 * The codebook's YAML with the proposed terms written under their instruments: each one line at the
 * end of the category's keywords, at `weight`, with a `# fit: added` comment giving its units,
 * documents and precision, and the version line noting how many were added. The text is read back
 * and must hold exactly the keywords of `expected`, or nothing is returned.
 */
export function addedTermsYaml(text: string, terms: readonly ProposedTerm[], weight: number, expected: Codebook): string {
  if (terms.length === 0) return text;
  const doc = parseDocument(text);
  const categories = [...new Set(terms.map((t) => t.category))];
  const edits = categories.map((c) => insertion(text, doc, c, terms.filter((t) => t.category === c), weight));
  const version = doc.get('version', true);
  if (!isScalar(version)) throw new Error('the codebook has no version');
  const versionEnd = text.indexOf('\n', version.range![1]);
  edits.push({ at: versionEnd === -1 ? text.length : versionEnd, remove: 0, insert: `; ${terms.length} term${terms.length === 1 ? '' : 's'} added, each marked "fit: added"` });
  const out = applySplices(text, edits);
  const said = (c: Codebook) => JSON.stringify(c.leaves.map((l) => [l.id, l.keywords]));
  if (said(readBackCodebook(out, 'the codebook with added terms')) !== said(expected)) throw new Error('the codebook as written does not hold the added terms');
  return out;
}
