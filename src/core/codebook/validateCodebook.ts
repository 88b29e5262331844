import type { Category, Codebook } from './Codebook.js';
import { codebookInputSchema, type CategoryInput } from './codebookSchema.js';

/** One problem in a codebook: where (YAML path), what was found and what is allowed. */
export interface CodebookProblem {
  path: Array<string | number>;
  message: string;
}

export type CodebookResult = { ok: true; codebook: Codebook } | { ok: false; problems: CodebookProblem[] };

function resolve(input: CategoryInput, ancestors: string[], categoryWeight: number): Category {
  const path = [...ancestors, input.id];
  const weight = (input.weight ?? 1) * categoryWeight;
  return {
    id: input.id,
    label: input.label,
    ...(input.definition !== undefined ? { definition: input.definition } : {}),
    path,
    dimension: path[0]!,
    keywords: (input.keywords ?? []).map((k) =>
      typeof k === 'string' ? { term: k, weight } : { term: k.term, weight: (k.weight ?? 1) * weight },
    ),
    exclude: input.exclude ?? [],
    children: (input.children ?? []).map((c) => resolve(c, path, weight)),
  };
}

function leavesOf(c: Category): Category[] {
  return c.children.length === 0 ? [c] : c.children.flatMap(leavesOf);
}

/**
 * Checks a parsed YAML value against the codebook schema and the rules a schema cannot express
 * (unique ids, no empty leaves, a keyword in one category only), and returns every problem at once.
 */
export function validateCodebook(raw: unknown): CodebookResult {
  const parsed = codebookInputSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message })),
    };
  }
  const input = parsed.data;
  const problems: CodebookProblem[] = [];
  const seenIds = new Map<string, Array<string | number>>();
  const seenTerms = new Map<string, { id: string; path: Array<string | number> }>();
  const walk = (cats: CategoryInput[], at: Array<string | number>) => {
    cats.forEach((c, i) => {
      const here = [...at, i];
      if (c.id === 'none') problems.push({ path: [...here, 'id'], message: "'none' is reserved for clauses with no code" });
      const earlier = seenIds.get(c.id);
      if (earlier) problems.push({ path: [...here, 'id'], message: `duplicate id '${c.id}' (first defined at ${earlier.join('.')})` });
      else seenIds.set(c.id, [...here, 'id']);
      if (c.children) {
        if (c.keywords?.length) problems.push({ path: [...here, 'keywords'], message: `'${c.id}' has children; keywords belong to the leaves` });
        walk(c.children, [...here, 'children']);
        return;
      }
      if (!c.keywords || c.keywords.length === 0) {
        problems.push({ path: here, message: `category '${c.id}' has no keywords: it could never be coded` });
      }
      (c.keywords ?? []).forEach((k, j) => {
        const term = typeof k === 'string' ? k : k.term;
        const prior = seenTerms.get(term);
        if (prior && prior.id !== c.id) {
          problems.push({ path: [...here, 'keywords', j], message: `keyword '${term}' is also a keyword of '${prior.id}'; a term belongs to one category` });
        } else if (prior) {
          problems.push({ path: [...here, 'keywords', j], message: `keyword '${term}' is listed twice in '${c.id}'` });
        } else {
          seenTerms.set(term, { id: c.id, path: [...here, 'keywords', j] });
        }
      });
    });
  };
  walk(input.categories, ['categories']);
  if (problems.length > 0) return { ok: false, problems };

  const dimensions = input.categories.map((c) => resolve(c, [], 1));
  return {
    ok: true,
    codebook: {
      name: input.codebook,
      version: input.version,
      ...(input.title ? { title: input.title } : {}),
      mode: input.mode,
      scope: input.scope?.keywords ?? null,
      dimensions,
      leaves: dimensions.flatMap(leavesOf),
    },
  };
}
