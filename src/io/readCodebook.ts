import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { Codebook } from '../core/codebook/Codebook.js';
import { validateCodebook } from '../core/codebook/validateCodebook.js';
import { UserError } from '../core/errors.js';
import { sha256 } from './hash.js';
import type { YamlDataCache } from './YamlDataCache.js';

export interface LoadedCodebook {
  codebook: Codebook;
  file: string;
  sha256: string;
}

/** One codebook problem located in its file: `file:line: path: message`. */
export interface LocatedProblem {
  file: string;
  line: number;
  path: string;
  message: string;
  /** YAML syntax errors: the column, the source line with a caret under it, and how many errors followed. */
  column?: number;
  excerpt?: string[];
  more?: number;
}

function lineOf(doc: Document, counter: LineCounter, path: Array<string | number>): number {
  // The deepest node on the path that exists carries the position (a missing key points at its parent).
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
  }
  return 1;
}

/**
 * Reads, parses and validates a YAML codebook; returns every problem at once, located by line. With
 * `cache`, the parsed data of a text seen before is taken from it (a run's codebook is parsed once).
 */
export async function checkCodebookFile(file: string, cache?: YamlDataCache): Promise<{ codebook: Codebook | null; problems: LocatedProblem[]; text: string }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : String((err as Error).message);
    return { codebook: null, problems: [{ file, line: 0, path: '', message: `cannot read codebook: ${why}` }], text: '' };
  }
  const text = utf8Text(bytes);
  if (typeof text === 'number') return { codebook: null, problems: [{ file, line: text, path: '', message: NOT_UTF8 }], text: '' };
  const known = cache?.get(text);
  if (known) {
    const result = validateCodebook(known.data);
    if (result.ok) return { codebook: result.codebook, problems: [], text };
  }
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) return { codebook: null, problems: [syntaxProblem(file, text, counter, doc)], text };
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (err) {
    // yaml stops aliases that expand without end (the "billion laughs"); no codebook needs that many.
    if (!(err instanceof ReferenceError)) throw err;
    return { codebook: null, problems: [{ file, line: 0, path: '', message: `YAML aliases expand too far (${err.message}); write the terms out instead of repeating an anchor` }], text };
  }
  // Stored before validation can touch it; a text that parsed is worth keeping even when invalid.
  if (!known) await cache?.put(text, data);
  const result = validateCodebook(data);
  if (result.ok) return { codebook: result.codebook, problems: [], text };
  return {
    codebook: null,
    problems: result.problems
      .map((p) => ({ file, line: lineOf(doc, counter, p.path), path: p.path.join('.'), message: p.message }))
      .sort((a, b) => a.line - b.line),
    text,
  };
}

const NOT_UTF8 = 'not UTF-8 text (saved as GBK or ANSI?): save the codebook as UTF-8 and check it again';

/**
 * The file's text, or the line of its first byte that is not UTF-8: a codebook saved in GBK
 * (Notepad's "ANSI" on a Chinese Windows) read as UTF-8 would give hundreds of problems about terms
 * that are all replacement characters, none of which says what is wrong. A BOM stays in the text, as
 * Buffer's decoding keeps it.
 */
function utf8Text(bytes: Buffer): string | number {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const text = bytes.toString('utf8');
    return text.slice(0, Math.max(0, text.indexOf('\ufffd'))).split('\n').length;
  }
}

/** Characters of a source line shown with a syntax error. */
const EXCERPT_WIDTH = 100;

/**
 * The first YAML syntax error, shown in its line: one missing brace or one tab makes the parser
 * report dozens of errors that all follow from the first, so only the first is worth reading.
 */
function syntaxProblem(file: string, text: string, counter: LineCounter, doc: Document): LocatedProblem {
  const first = doc.errors[0]!;
  const { line, col } = counter.linePos(first.pos[0]);
  // Tabs are shown as spaces and wide (CJK) characters take two columns, so that the caret lines up.
  const whole = [...(text.split(/\r?\n/)[line - 1] ?? '').replace(/\t/g, ' ')];
  // A long line (a binary file, a minified one) is shown around the error, not whole.
  const from = Math.max(0, col - 1 - EXCERPT_WIDTH / 2);
  const source = (from > 0 ? '…' : '') + whole.slice(from, from + EXCERPT_WIDTH).join('') + (whole.length > from + EXCERPT_WIDTH ? '…' : '');
  const before = [...source].slice(0, col - 1 - from + (from > 0 ? 1 : 0));
  const pad = before.reduce((a, ch) => a + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
  const gutter = String(line);
  return {
    file,
    line,
    column: col,
    path: '',
    message: `YAML syntax: ${first.message.split('\n')[0]}`,
    excerpt: [`${gutter} | ${source}`, `${' '.repeat(gutter.length)} | ${' '.repeat(pad)}^`],
    more: doc.errors.length - 1,
  };
}

function formatProblem(p: LocatedProblem): string {
  return `${p.file}${p.line ? `:${p.line}` : ''}${p.column ? `:${p.column}` : ''}: ${p.path ? `${p.path}: ` : ''}${p.message}`;
}

/** A problem as printed: its line, then for a syntax error the source line with a caret and the count of the rest. */
export function problemLines(p: LocatedProblem): string[] {
  return [formatProblem(p), ...(p.excerpt ?? []).map((l) => `  ${l}`), ...(p.more ? [`(and ${p.more} more YAML error${p.more === 1 ? '' : 's'}, usually caused by the first)`] : [])];
}

/** Loads a codebook or throws a UserError that lists every problem. */
export async function loadCodebook(file: string): Promise<LoadedCodebook> {
  const { codebook, sha256 } = await loadCodebookWithText(file);
  return { codebook, file, sha256 };
}

/** loadCodebook with the file's text as read, for a command that writes a new version of it (codebook fit). */
export async function loadCodebookWithText(file: string): Promise<LoadedCodebook & { text: string }> {
  const { codebook, problems, text } = await checkCodebookFile(file);
  if (!codebook) {
    throw new UserError('codebook', `invalid codebook ${file} (${problems.length} problem${problems.length === 1 ? '' : 's'})`, problems.flatMap(problemLines));
  }
  return { codebook, file, sha256: sha256(text), text };
}

/**
 * Loads the codebooks of one run (the first is the main one), reporting the problems of all of them
 * at once (their parsed data from `cache` where it has it). Their names label output columns, so two codebooks of a run must have different names.
 */
export async function loadCodebooks(files: readonly string[], cache?: YamlDataCache): Promise<LoadedCodebook[]> {
  const checked = await Promise.all(files.map(async (file) => ({ file, ...(await checkCodebookFile(file, cache)) })));
  const problems = checked.flatMap((c) => c.problems);
  if (problems.length > 0) {
    const bad = checked.filter((c) => c.problems.length > 0).map((c) => c.file);
    throw new UserError('codebook', `invalid codebook ${bad.join(', ')} (${problems.length} problem${problems.length === 1 ? '' : 's'})`, problems.flatMap(problemLines));
  }
  const loaded = checked.map((c) => ({ codebook: c.codebook!, file: c.file, sha256: sha256(c.text) }));
  const seen = new Map<string, string>();
  for (const l of loaded) {
    const other = seen.get(l.codebook.name);
    if (other !== undefined) throw new UserError('usage', `codebooks ${other} and ${l.file} are both named '${l.codebook.name}'; codebooks of one run need different names`);
    seen.set(l.codebook.name, l.file);
  }
  return loaded;
}
