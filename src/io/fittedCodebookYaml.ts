import { isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Scalar, type YAMLMap } from 'yaml';
import type { WeightChange } from '../core/coding/fitWeights.js';
import { weightParams } from '../core/coding/codebookWeights.js';
import type { Codebook } from '../core/codebook/Codebook.js';
import { validateCodebook } from '../core/codebook/validateCodebook.js';

/** One splice of the source text, or words for the comment at the end of a line (`comment`). */
interface Edit {
  at: number;
  remove: number;
  insert: string;
  comment?: { words: string; joins: boolean };
}

const format = (n: number) => String(Math.round(n * 1e6) / 1e6);

/** The change as its comment says it: old -> new weight and what it did on the training units. */
function note(c: WeightChange): string {
  return `fit: ${format(c.from)} -> ${format(c.to)}, net +${c.fixed.length - c.broken.length} units (${c.fixed.length} fixed, ${c.broken.length} broken) in ${c.documents} document${c.documents === 1 ? '' : 's'}`;
}

function lineStart(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

function lineEnd(text: string, at: number): number {
  const n = text.indexOf('\n', at);
  return n === -1 ? text.length : n;
}

/** A comment at the end of the line where `end` (the end of the last node on it) lies: joined to one already there. */
function commentAt(text: string, end: number, words: string): Edit {
  const stop = lineEnd(text, end);
  return { at: stop, remove: 0, insert: '', comment: { words, joins: /#/.test(text.slice(end, stop)) } };
}

/** The comments for one line end become one comment, in the order of the changes. */
function mergeComments(edits: readonly Edit[]): Edit[] {
  const out: Edit[] = [];
  const lines = new Map<number, Edit>();
  for (const e of edits) {
    if (!e.comment) out.push(e);
    else if (!lines.has(e.at)) lines.set(e.at, { at: e.at, remove: 0, insert: `${e.comment.joins ? '; ' : '  # '}${e.comment.words}` });
    else lines.get(e.at)!.insert += `; ${e.comment.words}`;
  }
  return [...out, ...lines.values()];
}

/** A plain scalar that would break inside a flow map is single-quoted there. */
function flowSource(text: string, node: Scalar): string {
  const source = text.slice(node.range![0], node.range![1]);
  if (node.type !== 'PLAIN' || !/[,[\]{}#]|: /.test(source)) return source;
  return `'${String(node.value).replace(/'/g, "''")}'`;
}

/** The category map with this id, searched through `categories` and `children`. */
function categoryNode(doc: Document, id: string): YAMLMap | null {
  const search = (list: unknown): YAMLMap | null => {
    if (!isSeq(list)) return null;
    for (const c of list.items) {
      if (!isMap(c)) continue;
      if (c.get('id') === id) return c;
      const found = search(c.get('children', true));
      if (found) return found;
    }
    return null;
  };
  return search(doc.get('categories', true));
}

/**
 * The edits for a weight change of an item (a scalar or a map with `term`/`pattern`) or a rule's map.
 * In a flow list (`keywords: [补助, 贴息]`) the comment goes after the list and names the item.
 */
function weightEdits(text: string, item: Node, key: 'term' | 'pattern' | null, c: WeightChange, flowList: Node | null): Edit[] {
  const comment = (end: number) => (flowList ? commentAt(text, flowList.range![1], `${named(c)} ${note(c)}`) : commentAt(text, end, note(c)));
  if (isScalar(item) && key) {
    const [start, end] = item.range!;
    return [{ at: start, remove: end - start, insert: `{ ${key}: ${flowSource(text, item)}, weight: ${format(c.to / c.from)} }` }, comment(end)];
  }
  if (!isMap(item)) throw new Error(`cannot place the weight of ${c.param.key}: not a scalar or a map`);
  const weight = item.get('weight', true);
  // A category's own weight multiplies its terms: the item's weight is what the coder's weight is divided by.
  const own = isScalar(weight) ? Number(weight.value) : 1;
  const value = format((c.to * own) / c.from);
  if (isScalar(weight)) {
    const [start, end] = weight.range!;
    return [{ at: start, remove: end - start, insert: value }, comment(item.flow ? item.range![1] : end)];
  }
  const last = item.items[item.items.length - 1]!.value as Node;
  if (item.flow) return [{ at: last.range![1], remove: 0, insert: `, weight: ${value}` }, comment(item.range![1])];
  const first = item.items[0]!.key as Node;
  const indent = ' '.repeat(first.range![0] - lineStart(text, first.range![0]));
  const after = lineEnd(text, last.range![1]);
  return [{ at: after, remove: 0, insert: `\n${indent}weight: ${value}  # ${note(c)}` }];
}

/** What a comment after a flow list calls the item it changed. */
function named(c: WeightChange): string {
  const p = c.param;
  return p.kind === 'rule' ? p.rule : p.kind === 'pattern' ? `pattern ${p.index + 1}` : p.term;
}

/** An item removed from a flow list, with the comma that joined it to its neighbour. */
function flowRemovalEdits(text: string, list: Node, index: number, c: WeightChange): Edit[] {
  const items = (list as unknown as { items: Node[] }).items;
  const item = items[index]!;
  const [start, end] = index + 1 < items.length ? [item.range![0], items[index + 1]!.range![0]] : index > 0 ? [items[index - 1]!.range![1], item.range![1]] : [item.range![0], item.range![1]];
  return [{ at: start, remove: end - start, insert: '' }, commentAt(text, list.range![1], `${note(c)}: removed ${text.slice(item.range![0], item.range![1])}`)];
}

/** An item removed from a block list: its line(s) become a comment that shows what was there. */
function removalEdit(text: string, item: Node, c: WeightChange): Edit {
  const start = lineStart(text, item.range![0]);
  const end = lineEnd(text, item.range![1] - 1);
  const dash = text.lastIndexOf('-', item.range![0]);
  const indent = ' '.repeat(Math.max(0, dash - start));
  const was = text.slice(dash, end).split('\n').map((l) => l.trim()).join(' ');
  return { at: start, remove: end - start, insert: `${indent}# ${note(c)}: removed '${was}'` };
}

function changeEdits(doc: Document, text: string, c: WeightChange): Edit[] {
  const p = c.param;
  if (p.kind === 'rule') {
    const rule = doc.getIn(['rules', p.rule], true);
    if (!isMap(rule)) throw new Error(`cannot find rules.${p.rule} in the codebook`);
    return weightEdits(text, rule, null, c, null);
  }
  const category = categoryNode(doc, p.category);
  const list = category?.get(p.kind === 'keyword' ? 'keywords' : p.kind === 'topic' ? 'topics' : 'patterns', true);
  const item = isSeq(list) ? (list.items[p.index] as Node | undefined) : undefined;
  const key = p.kind === 'pattern' ? 'pattern' : 'term';
  const value = isScalar(item) ? item.value : isMap(item) ? item.get(key) : undefined;
  if (!item || value !== (p.kind === 'pattern' ? p.pattern : p.term)) throw new Error(`cannot find ${p.key} in the codebook`);
  const flowList = isSeq(list) && list.flow ? list : null;
  if (c.to === 0) return flowList ? flowRemovalEdits(text, flowList, p.index, c) : [removalEdit(text, item, c)];
  return weightEdits(text, item, key, c, flowList);
}

/**
 * The codebook's YAML with the fitted weights written in place: every other line, comment and quote
 * stays as it was, each changed item carries a `# fit:` comment (old -> new weight, the units it fixed
 * and broke), a removed item stays visible as a comment, and `version` becomes `newVersion` with a
 * note, so `git diff` or `codebook diff` of the two files shows exactly what the fit did. The text is
 * read back and must give the fitted weights (`fitted`), or nothing is returned.
 */
export function fittedCodebookYaml(text: string, changes: readonly WeightChange[], newVersion: string, source: string, fitted: Codebook): string {
  const doc = parseDocument(text);
  const version = doc.get('version', true);
  if (!isScalar(version)) throw new Error('the codebook has no version to bump');
  const [vs, ve] = version.range!;
  const edits: Edit[] = [
    { at: vs, remove: ve - vs, insert: newVersion },
    commentAt(text, ve, `fitted from ${String(version.value)} by policy-code codebook fit on ${source}: ${changes.length} weight change${changes.length === 1 ? '' : 's'}, each marked "fit:"`),
    ...changes.flatMap((c) => changeEdits(doc, text, c)),
  ];
  // From the end backwards, so that each splice leaves the offsets of the earlier ones valid.
  let out = text;
  mergeComments(edits)
    .map((e, i) => ({ e, i }))
    .sort((a, b) => b.e.at - a.e.at || b.i - a.i)
    .forEach(({ e }) => (out = out.slice(0, e.at) + e.insert + out.slice(e.at + e.remove)));
  const back = validateCodebook(parseDocument(out).toJS());
  if (!back.ok) throw new Error(`the fitted codebook does not validate: ${back.problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('; ')}`);
  const said = (c: Codebook) => JSON.stringify(weightParams(c).map((p) => [p.key, p.weight]));
  if (said(back.codebook) !== said(fitted)) throw new Error('the fitted codebook as written does not hold the fitted weights');
  return out;
}

/** The next fitted version: 2.3.0 -> 2.3.0-fit.1, 2.3.0-fit.1 -> 2.3.0-fit.2. */
export function fittedVersion(version: string): string {
  const m = /^(.*)-fit\.(\d+)$/.exec(version);
  return m ? `${m[1]}-fit.${Number(m[2]) + 1}` : `${version}-fit.1`;
}
