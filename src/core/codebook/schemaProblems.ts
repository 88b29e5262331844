import type { CodebookProblem } from './validateCodebook.js';

/** The subset of a zod issue that the messages need (zod 4's issue union, loosely typed). */
interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
  expected?: string;
  errors?: Issue[][];
  values?: unknown[];
}

const LABEL_KEYS = ['zh', 'en'];
const TOP_KEYS = ['codebook', 'version', 'title', 'description', 'language', 'mode', 'scope', 'categories'];
const CATEGORY_KEYS = ['id', 'label', 'definition', 'keywords', 'patterns', 'exclude', 'with', 'weight', 'children'];

/** The keys allowed in the object at a YAML path, for "unknown key" messages. */
function allowedKeysAt(path: Array<string | number>): string[] {
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  if (path.length === 0) return TOP_KEYS;
  if (path.length === 1 && last === 'scope') return ['keywords', 'patterns', 'level'];
  if (last === 'label' || last === 'title') return LABEL_KEYS;
  if (typeof last === 'number' && parent === 'keywords') return ['term', 'weight', 'with'];
  if (typeof last === 'number' && parent === 'patterns') return ['pattern', 'weight', 'with'];
  if (typeof last === 'number' && parent === 'exclude') return ['term', 'pattern', 'window'];
  return CATEGORY_KEYS;
}

function valueAt(root: unknown, path: Array<string | number>): unknown {
  let v = root;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[p];
  }
  return v;
}

function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'an empty value';
  if (Array.isArray(v)) return v.length === 0 ? 'an empty list' : 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `'${v.length > 40 ? v.slice(0, 40) + '…' : v}'`;
  return `${typeof v} ${String(v)}`;
}

function expectedText(expected: string | undefined): string {
  switch (expected) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'int':
      return 'a whole number';
    case 'array':
      return 'a list';
    case 'object':
      return 'a mapping (key: value)';
    default:
      return expected ?? 'something else';
  }
}

/**
 * Turns zod's issues into codebook problems that say what was found and what is allowed. A union
 * (keyword: text or {term, weight}) reports the branch that has the shape of the value found, so a
 * typo in {term, weigth} says "unknown key 'weigth'", not "invalid input".
 */
export function schemaProblems(issues: readonly Issue[], raw: unknown): CodebookProblem[] {
  const out: CodebookProblem[] = [];
  const add = (issue: Issue, prefix: Array<string | number>) => {
    const path = [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    const found = valueAt(raw, path);
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys ?? []) {
          out.push({ path: [...path, key], message: `unknown key '${key}'; allowed here: ${allowedKeysAt(path).join(', ')}` });
        }
        return;
      case 'invalid_union': {
        const branches = issue.errors ?? [];
        // The branch whose type matches the value is the one the author meant.
        const meant = branches.find((b) => b.length > 0 && !b.some((i) => i.code === 'invalid_type' && i.path.length === 0)) ?? null;
        if (meant) for (const i of meant) add(i, path);
        else out.push({ path, message: `found ${describeValue(found)}; allowed: ${unionAllowed(path)}` });
        return;
      }
      case 'invalid_type':
        if (found === undefined) out.push({ path, message: `missing; required: ${expectedText(issue.expected)}` });
        else out.push({ path, message: `found ${describeValue(found)}; allowed: ${expectedText(issue.expected)}` });
        return;
      case 'invalid_value':
        out.push({ path, message: `found ${describeValue(found)}; allowed: ${(issue.values ?? []).map((v) => String(v)).join(', ')}` });
        return;
      default:
        out.push({ path, message: `found ${describeValue(found)}; ${issue.message}` });
    }
  };
  for (const issue of issues) add(issue, []);
  return out;
}

function unionAllowed(path: Array<string | number>): string {
  const parent = path[path.length - 2];
  if (parent === 'keywords') return 'a term, or {term, weight, with}';
  if (parent === 'patterns') return 'a regular expression, or {pattern, weight, with}';
  if (parent === 'exclude') return 'a term, or {term or pattern, window}';
  return 'one of the documented forms';
}
