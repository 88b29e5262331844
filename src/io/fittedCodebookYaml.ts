import { isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Scalar, type YAMLMap } from 'yaml';
import type { WeightChange } from '../core/coding/fitWeights.js';
import { weightParams } from '../core/coding/codebookWeights.js';
import type { Codebook } from '../core/codebook/Codebook.js';
import { applySplices, categoryNode, lineEnd, lineStart, readBackCodebook, weightText, type Splice } from './yamlSplices.js';

/** One splice of the source text, or words for the comment at the end of a line (`comment`). */
interface Edit extends Splice {
  comment?: { words: string; joins: boolean };
}

/** The change as its comment says it: old -> new weight and what it did on the training units. */
function note(c: WeightChange): string {
  return `fit: ${weightText(c.from)} -> ${weightText(c.to)}, net +${c.fixed.length - c.broken.length} units (${c.fixed.length} fixed, ${c.broken.length} broken) in ${c.documents} document${c.documents === 1 ? '' : 's'}`;
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

/** The edits for a weight change of an item of a block list (a scalar or a map with `term`/`pattern`) or a rule's map. */
function weightEdits(text: string, item: Node, key: 'term' | 'pattern' | null, c: WeightChange): Edit[] {
  if (isScalar(item) && key) {
    const [start, end] = item.range!;
    return [{ at: start, remove: end - start, insert: `{ ${key}: ${flowSource(text, item)}, weight: ${weightText(c.to / c.from)} }` }, commentAt(text, end, note(c))];
  }
  if (!isMap(item)) throw new Error(`cannot place the weight of ${c.param.key}: not a scalar or a map`);
  const weight = item.get('weight', true);
  const value = ownWeight(item, c);
  if (isScalar(weight)) {
    const [start, end] = weight.range!;
    return [{ at: start, remove: end - start, insert: value }, commentAt(text, item.flow ? item.range![1] : end, note(c))];
  }
  const last = item.items[item.items.length - 1]!.value as Node;
  if (item.flow) return [{ at: last.range![1], remove: 0, insert: `, weight: ${value}` }, commentAt(text, item.range![1], note(c))];
  const first = item.items[0]!.key as Node;
  const indent = ' '.repeat(first.range![0] - lineStart(text, first.range![0]));
  const after = lineEnd(text, last.range![1]);
  return [{ at: after, remove: 0, insert: `\n${indent}weight: ${value}  # ${note(c)}` }];
}

/** The item's own weight for the fitted one: a category's own weight multiplies its terms, so the coder's weight is divided by it. */
function ownWeight(item: YAMLMap, c: WeightChange): string {
  const weight = item.get('weight', true);
  return weightText((c.to * (isScalar(weight) ? Number(weight.value) : 1)) / c.from);
}

/** What a comment after a flow list calls the item it changed. */
function named(c: WeightChange): string {
  const p = c.param;
  return p.kind === 'pattern' ? `pattern ${p.index + 1}` : p.kind === 'rule' ? p.rule : p.term;
}

/**
 * A flow list (`keywords: [补助, 贴息]`) with changed items is written again as one list: removed items
 * left out, changed ones with their weight, the others as they were; one comment after it names them.
 */
function flowListEdits(text: string, list: Node, changed: ReadonlyMap<number, { c: WeightChange; key: 'term' | 'pattern' }>): Edit[] {
  const items = (list as unknown as { items: Node[] }).items;
  const source = (n: Node) => text.slice(n.range![0], n.range![1]);
  const rendered = items.flatMap((item, i) => {
    const change = changed.get(i);
    if (!change) return [source(item)];
    if (change.c.to === 0) return [];
    if (isScalar(item)) return [`{ ${change.key}: ${flowSource(text, item)}, weight: ${weightText(change.c.to / change.c.from)} }`];
    if (!isMap(item)) throw new Error(`cannot place the weight of ${change.c.param.key}: not a scalar or a map`);
    const pairs = item.items.filter((pair) => (pair.key as Scalar).value !== 'weight').map((pair) => `${source(pair.key as Node)}: ${source(pair.value as Node)}`);
    return [`{ ${[...pairs, `weight: ${ownWeight(item, change.c)}`].join(', ')} }`];
  });
  const [start, end] = list.range!;
  const words = [...changed.values()].map(({ c }) => `${named(c)} ${note(c)}${c.to === 0 ? ' (removed)' : ''}`);
  return [{ at: start, remove: end - start, insert: `[${rendered.join(', ')}]` }, ...words.map((w) => commentAt(text, end, w))];
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

/** Where a change is written: a rule's map, or an item of a category's list (block or flow). */
function locate(doc: Document, c: WeightChange): { item: Node; key: 'term' | 'pattern' | null; flowList: Node | null } {
  const p = c.param;
  if (p.kind === 'rule') {
    const rule = doc.getIn(['rules', p.rule], true);
    if (!isMap(rule)) throw new Error(`cannot find rules.${p.rule} in the codebook`);
    return { item: rule, key: null, flowList: null };
  }
  const category = categoryNode(doc, p.category)?.node;
  const list = category?.get(p.kind === 'keyword' ? 'keywords' : p.kind === 'topic' ? 'topics' : 'patterns', true);
  const item = isSeq(list) ? (list.items[p.index] as Node | undefined) : undefined;
  const key = p.kind === 'pattern' ? 'pattern' : 'term';
  const value = isScalar(item) ? item.value : isMap(item) ? item.get(key) : undefined;
  if (!item || value !== (p.kind === 'pattern' ? p.pattern : p.term)) throw new Error(`cannot find ${p.key} in the codebook`);
  return { item, key, flowList: isSeq(list) && list.flow ? list : null };
}

function changeEdits(doc: Document, text: string, changes: readonly WeightChange[]): Edit[] {
  const edits: Edit[] = [];
  const flowLists = new Map<Node, Map<number, { c: WeightChange; key: 'term' | 'pattern' }>>();
  for (const c of changes) {
    const { item, key, flowList } = locate(doc, c);
    if (flowList && key) (flowLists.get(flowList) ?? flowLists.set(flowList, new Map()).get(flowList)!).set(c.param.index, { c, key });
    else edits.push(...(c.to === 0 ? [removalEdit(text, item, c)] : weightEdits(text, item, key, c)));
  }
  for (const [list, changed] of flowLists) edits.push(...flowListEdits(text, list, changed));
  return edits;
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
    ...changeEdits(doc, text, changes),
  ];
  const out = applySplices(text, mergeComments(edits));
  const said = (c: Codebook) => JSON.stringify(weightParams(c).map((p) => [p.key, p.weight]));
  if (said(readBackCodebook(out, 'the fitted codebook')) !== said(fitted)) throw new Error('the fitted codebook as written does not hold the fitted weights');
  return out;
}

/** The next fitted version: 2.3.0 -> 2.3.0-fit.1, 2.3.0-fit.1 -> 2.3.0-fit.2. */
export function fittedVersion(version: string): string {
  const m = /^(.*)-fit\.(\d+)$/.exec(version);
  return m ? `${m[1]}-fit.${Number(m[2]) + 1}` : `${version}-fit.1`;
}
