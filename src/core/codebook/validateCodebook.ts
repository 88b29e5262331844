import { leavesOf, type Category, type Codebook, type DecisionRules, type Exclusion } from './Codebook.js';
import { checkPattern } from './checkPattern.js';
import { codebookInputSchema, type CategoryInput, type DecisionRulesInput } from './codebookSchema.js';
import { schemaProblems } from './schemaProblems.js';

/** One problem in a codebook: where (YAML path), what was found and what is allowed. */
export interface CodebookProblem {
  path: Array<string | number>;
  message: string;
}

export type CodebookResult = { ok: true; codebook: Codebook } | { ok: false; problems: CodebookProblem[] };

type ExclusionInput = NonNullable<CategoryInput['exclude']>[number];
type KeywordInput = NonNullable<CategoryInput['keywords']>[number];

function exclusionOf(e: ExclusionInput): Exclusion {
  if (typeof e === 'string') return { term: e, window: null };
  return { ...(e.term !== undefined ? { term: e.term } : { pattern: e.pattern! }), window: e.window ?? null };
}

/** Weights multiply down the tree; `with` conditions and exclusions are inherited by the children. */
function resolve(input: CategoryInput, ancestors: string[], inherited: { weight: number; with: string[][]; exclude: Exclusion[] }): Category {
  const path = [...ancestors, input.id];
  const weight = (input.weight ?? 1) * inherited.weight;
  const withs = input.with ? [...inherited.with, input.with] : inherited.with;
  const exclude = [...inherited.exclude, ...(input.exclude ?? []).map(exclusionOf)];
  const termOf = (k: KeywordInput) =>
    typeof k === 'string' ? { term: k, weight, with: withs } : { term: k.term, weight: (k.weight ?? 1) * weight, with: k.with ? [...withs, k.with] : withs };
  return {
    id: input.id,
    label: input.label,
    ...(input.definition !== undefined ? { definition: input.definition } : {}),
    path,
    dimension: path[0]!,
    keywords: (input.keywords ?? []).map(termOf),
    topics: (input.topics ?? []).map(termOf),
    patterns: (input.patterns ?? []).map((p) =>
      typeof p === 'string'
        ? { pattern: p, weight, with: withs }
        : { pattern: p.pattern, weight: (p.weight ?? 1) * weight, with: p.with ? [...withs, p.with] : withs },
    ),
    exclude,
    children: (input.children ?? []).map((c) => resolve(c, path, { weight, with: withs, exclude })),
  };
}

/**
 * Checks a parsed YAML value against the codebook schema and the rules a schema cannot express
 * (unique ids, no empty leaves, a keyword in one category only, safe patterns), and returns every
 * problem at once.
 */
export function validateCodebook(raw: unknown): CodebookResult {
  const parsed = codebookInputSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: schemaProblems(parsed.error.issues, raw) };
  const input = parsed.data;
  const problems: CodebookProblem[] = [];
  const checkRegex = (pattern: string, at: Array<string | number>) => {
    const why = checkPattern(pattern);
    if (why) problems.push({ path: at, message: `${why} (found /${pattern.length > 40 ? pattern.slice(0, 40) + '…' : pattern}/)` });
  };
  input.scope?.patterns?.forEach((p, i) => checkRegex(p, ['scope', 'patterns', i]));

  const seenIds = new Map<string, Array<string | number>>();
  const leafIds = new Set<string>();
  // Keyed by the category's place, not its id, so that a duplicate id does not hide a duplicate keyword.
  const seenTerms = new Map<string, { id: string; at: string }>();
  const walk = (cats: CategoryInput[], at: Array<string | number>) => {
    cats.forEach((c, i) => {
      const here = [...at, i];
      if (c.id === 'none') problems.push({ path: [...here, 'id'], message: "id 'none' is reserved for clauses with no code; choose another id" });
      const earlier = seenIds.get(c.id);
      if (earlier) problems.push({ path: [...here, 'id'], message: `duplicate id '${c.id}' (first defined at ${earlier.join('.')}); every category needs its own id` });
      else seenIds.set(c.id, [...here, 'id']);
      (c.exclude ?? []).forEach((e, j) => {
        if (typeof e !== 'string' && e.pattern !== undefined) checkRegex(e.pattern, [...here, 'exclude', j, 'pattern']);
      });
      if (c.children) {
        if (c.keywords?.length) problems.push({ path: [...here, 'keywords'], message: `'${c.id}' has children, so it cannot have keywords; keywords belong to the leaves` });
        if (c.patterns?.length) problems.push({ path: [...here, 'patterns'], message: `'${c.id}' has children, so it cannot have patterns; patterns belong to the leaves` });
        if (c.topics?.length) problems.push({ path: [...here, 'topics'], message: `'${c.id}' has children, so it cannot have topics; topics belong to the leaves` });
        walk(c.children, [...here, 'children']);
        return;
      }
      leafIds.add(c.id);
      if (!c.keywords?.length && !c.patterns?.length) {
        problems.push({ path: here, message: `category '${c.id}' has no keywords and no patterns (empty rules): it could never be coded; give it at least one, or children` });
      }
      const excluded = new Set((c.exclude ?? []).flatMap((e) => (typeof e === 'string' ? [e] : e.term !== undefined && e.window === undefined ? [e.term] : [])));
      const terms: Array<[KeywordInput, Array<string | number>]> = [
        ...(c.keywords ?? []).map((k, j): [KeywordInput, Array<string | number>] => [k, [...here, 'keywords', j]]),
        ...(c.topics ?? []).map((k, j): [KeywordInput, Array<string | number>] => [k, [...here, 'topics', j]]),
      ];
      terms.forEach(([k, at]) => {
        const term = typeof k === 'string' ? k : k.term;
        const prior = seenTerms.get(term);
        if (prior !== undefined && prior.at !== here.join('.')) {
          problems.push({ path: at, message: `keyword '${term}' is also a keyword of '${prior.id}' (${prior.at}); a term belongs to one category (use weights or a co-occurrence rule instead)` });
        } else if (prior !== undefined) {
          problems.push({ path: at, message: `keyword '${term}' is listed twice in '${c.id}'` });
        } else {
          seenTerms.set(term, { id: c.id, at: here.join('.') });
        }
        if (excluded.has(term)) problems.push({ path: at, message: `keyword '${term}' is also an exclusion of '${c.id}', so it could never count` });
      });
      (c.patterns ?? []).forEach((p, j) => checkRegex(typeof p === 'string' ? p : p.pattern, typeof p === 'string' ? [...here, 'patterns', j] : [...here, 'patterns', j, 'pattern']));
    });
  };
  walk(input.categories, ['categories']);
  problems.push(...ruleProblems(input.rules, leafIds, checkRegex));
  input.confidence?.residual.forEach((id, i) => {
    if (!leafIds.has(id)) problems.push({ path: ['confidence', 'residual', i], message: `'${id}' is not a category to code (found '${id}'; allowed: ${[...leafIds].join(', ')})` });
  });
  if (problems.length > 0) return { ok: false, problems };

  const dimensions = input.categories.map((c) => resolve(c, [], { weight: 1, with: [], exclude: [] }));
  return {
    ok: true,
    codebook: {
      name: input.codebook,
      version: input.version,
      ...(input.title ? { title: input.title } : {}),
      mode: input.mode,
      ...(input.unit ? { unit: input.unit } : {}),
      scope: input.scope ? { keywords: input.scope.keywords ?? [], patterns: input.scope.patterns ?? [], level: input.scope.level } : null,
      dimensions,
      leaves: dimensions.flatMap(leavesOf),
      rules: resolveRules(input.rules),
      confidence: { residual: input.confidence?.residual ?? [], residualFactor: input.confidence?.residual_factor ?? 1, rivalFactor: input.confidence?.rival_factor ?? 1 },
    },
  };
}

/** A decision rule must name codable categories (leaves) and use safe patterns. */
function ruleProblems(
  rules: DecisionRulesInput | undefined,
  leafIds: Set<string>,
  checkRegex: (pattern: string, at: Array<string | number>) => void,
): CodebookProblem[] {
  const problems: CodebookProblem[] = [];
  const needLeaf = (id: string, at: Array<string | number>) => {
    if (!leafIds.has(id)) problems.push({ path: at, message: `'${id}' is not a category to code (found '${id}'; allowed: ${[...leafIds].join(', ')})` });
  };
  const seen = new Set<string>();
  for (const kind of ['none', 'ignore'] as const) {
    rules?.[kind]?.forEach((r, i) => {
      checkRegex(r.pattern, ['rules', kind, i, 'pattern']);
      if (seen.has(r.id)) problems.push({ path: ['rules', kind, i, 'id'], message: `duplicate rule id '${r.id}'` });
      seen.add(r.id);
    });
  }
  if (rules?.obligation) {
    needLeaf(rules.obligation.market_category, ['rules', 'obligation', 'market_category']);
    needLeaf(rules.obligation.government_category, ['rules', 'obligation', 'government_category']);
  }
  if (rules?.money) needLeaf(rules.money.category, ['rules', 'money', 'category']);
  if (rules?.money?.fund_rules) needLeaf(rules.money.fund_rules, ['rules', 'money', 'fund_rules']);
  if (rules?.encouragement) needLeaf(rules.encouragement.category, ['rules', 'encouragement', 'category']);
  if (rules?.regulation) needLeaf(rules.regulation.category, ['rules', 'regulation', 'category']);
  return problems;
}

/** The manual's reference of a rule, as an optional property: absent when the codebook names none. */
const manualOf = (r: { manual?: string | undefined }) => (r.manual ? { manual: r.manual } : {});
const namedPattern = (r: { id: string; manual?: string | undefined; pattern: string }) => ({ id: r.id, ...manualOf(r), pattern: r.pattern });

function resolveRules(rules: DecisionRulesInput | undefined): DecisionRules {
  const o = rules?.obligation;
  const m = rules?.money;
  const h = rules?.heading;
  const e = rules?.encouragement;
  const r = rules?.regulation;
  const w = rules?.inside_words;
  return {
    none: (rules?.none ?? []).map(namedPattern),
    ignore: (rules?.ignore ?? []).map(namedPattern),
    heading: h ? { ...manualOf(h), weight: h.weight, minWeight: h.min_weight, maxLength: h.max_length } : null,
    obligation: o
      ? {
          ...manualOf(o),
          modals: o.modals,
          prohibitions: o.prohibitions,
          notModal: o.not_modal,
          market: o.market,
          government: o.government,
          enforcement: o.enforcement,
          organising: o.organising,
          conditions: o.conditions,
          objects: o.objects,
          bases: o.bases,
          basisHeads: o.basis_heads,
          marketCategory: o.market_category,
          governmentCategory: o.government_category,
          weight: o.weight,
          governmentWeight: o.government_weight ?? o.weight,
        }
      : null,
    money: m ? { ...manualOf(m), givers: m.givers, money: m.money, category: m.category, weight: m.weight, window: m.window, fundTerms: m.fund_terms, fundRules: m.fund_rules ?? null } : null,
    encouragement: e ? { ...manualOf(e), verbs: e.verbs, actors: e.actors, others: e.others, reach: e.reach, category: e.category, weight: e.weight } : null,
    regulation: r ? { ...manualOf(r), acts: r.acts, actors: r.actors, names: r.names, reach: r.reach, category: r.category, weight: r.weight } : null,
    insideWords: w ? { ...manualOf(w), minWeight: w.min_weight, names: w.names } : null,
  };
}
