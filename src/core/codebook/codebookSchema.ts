import { z } from 'zod';

/**
 * The codebook's only definition. A YAML codebook is parsed, then checked against this schema and
 * against the cross-field rules in validateCodebook; nothing in core ever sees an unchecked one.
 * Every extension keeps older codebooks valid: a plain string still means a keyword or an exclusion
 * term, and every new key is optional.
 */

const label = z
  .object({
    zh: z.string().min(1),
    en: z.string().min(1).optional(),
  })
  .strict();

const termText = z.string().trim().min(1, 'a term must not be empty');
const weight = z.number().positive('a weight must be above 0').max(100, 'a weight must be at most 100');
/** Terms of which at least one must also occur in the clause (co-occurrence rule). */
const withTerms = z.array(termText).min(1, "'with' needs at least one term");

/** A keyword: a plain term, or a term with its own weight and an optional co-occurrence condition. */
const keyword = z.union([termText, z.object({ term: termText, weight: weight.optional(), with: withTerms.optional() }).strict()]);

/** A regular expression over the clause's characters (checked against catastrophic backtracking). */
const pattern = z.union([
  z.string().min(1),
  z.object({ pattern: z.string().min(1), weight: weight.optional(), with: withTerms.optional() }).strict(),
]);

/**
 * An exclusion: a term (plain string) or `{term|pattern, window}`. Without a window it vetoes the
 * whole category in a clause that contains it; with `window: N` it vetoes only the matches of the
 * category that lie within N characters of it (overlapping counts as distance 0).
 */
const exclusion = z.union([
  termText,
  z
    .object({
      term: termText.optional(),
      pattern: z.string().min(1).optional(),
      window: z.number().int('a window is a whole number of characters').min(0).max(200).optional(),
    })
    .strict()
    .refine((e) => (e.term === undefined) !== (e.pattern === undefined), 'an exclusion has either a term or a pattern, not both or neither'),
]);

const categoryBase = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'ids are lower-case letters, digits and _ (e.g. public_enterprise)'),
    label,
    definition: z.string().optional(),
    /** Exact terms; matched on word boundaries of the segmented text. */
    keywords: z.array(keyword).optional(),
    /**
     * Topic terms (rule 1): words of a policy area (区块链, 人工智能, 国际 in a goal). They never code a
     * clause by themselves: they add their weight only where a keyword or pattern of the same
     * category is also matched.
     */
    topics: z.array(keyword).optional(),
    /** Regular expressions over the clause text. */
    patterns: z.array(pattern).optional(),
    /** Terms or patterns that veto matches of this category (in the clause, or within a window). */
    exclude: z.array(exclusion).optional(),
    /** Every rule of this category counts only if one of these terms is also in the clause. */
    with: withTerms.optional(),
    /** Multiplies the weight of every rule of this category and its children (default 1). */
    weight: weight.optional(),
  })
  .strict();

/** A factor that lowers the confidence: above 0, at most 1. */
const factor = z.number().positive('a factor must be above 0').max(1, 'a factor must be at most 1');
const categoryId = z.string().regex(/^[a-z][a-z0-9_]*$/, 'a category id of this codebook');
const termList = z.array(termText).min(1, 'needs at least one term');
/** Where in the coding manual a rule comes from, e.g. "rule 2"; printed with the evidence. */
const manualRef = z.string().min(1).optional();

/** A formula that marks a unit using no instrument (purpose, basis, effective date, furniture). */
const noneRule = z
  .object({ id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'a rule id in lower case, e.g. purpose_basis'), manual: manualRef, pattern: z.string().min(1) })
  .strict();

/**
 * The manual's decision rules, as structure rather than keywords (see core/coding/decisionRules.ts):
 * - none: units matching one of these patterns are coded `none`, whatever topic words they contain;
 * - ignore: text matching one of these patterns is no evidence (a department list in brackets);
 * - heading (rule 4): evidence inside the lead of an enumerated item counts `weight` times;
 * - obligation (rule 2): a modal verb with its subject: a market actor obliged gives
 *   `market_category`, a government body obliged to organise (an `organising` verb after the modal)
 *   gives `government_category`, a body
 *   obliged to enforce (an `enforcement` verb after the modal) or an unattributed prohibition gives
 *   `market_category`;
 * - money (rule 3): a giving verb with money within `window` characters gives `category`; a fund's
 *   words (`fund_terms`) in a unit where no money is given count for `fund_rules`;
 * - encouragement (rule 1): an encouraging verb opening a phrase whose first actor, within `reach`
 *   characters, is a market actor (鼓励物流企业…) gives `category`: the unit guides firms, and the
 *   words of their business are its topic; where one of `others` comes first (lenders: 引导银行…,
 *   indirect financial support; government bodies: 鼓励各地…) the rule says nothing;
 * - regulation (rule 1): a regulating act (责令, 整改, 监管) with a market body (机构, 企业) within
 *   `reach` characters of it in its sentence gives `category`: the unit regulates the body, and the
 *   words of its business are its topic; an act followed by one of `names` (市场监管局) is a name;
 * - inside_words: a unit in which the segmenter's words found no evidence is read again in its
 *   characters, terms of `min_weight` or more counting inside longer words (考核 in 绩效考核), except
 *   where the rest of the word is one of `names` (所得税法, 承诺书, 协调小组: the name of a law, a paper or a body).
 */
const decisionRules = z
  .object({
    none: z.array(noneRule).optional(),
    /** Spans of a unit that are no evidence of any instrument (responsibility tags in brackets). */
    ignore: z.array(noneRule).optional(),
    heading: z
      .object({ manual: manualRef, weight: weight, min_weight: z.number().min(0).max(100).default(1), max_length: z.number().int().min(4).max(80).default(30) })
      .strict()
      .optional(),
    obligation: z
      .object({
        manual: manualRef,
        modals: termList,
        prohibitions: z.array(termText).default([]),
        /** Words in which a modal's characters are no modal (应用, 需求, 重要): a modal the segmenter hid inside a longer token is found in the characters, except inside these. */
        not_modal: z.array(termText).default([]),
        market: termList,
        government: termList,
        enforcement: z.array(termText).default([]),
        organising: z.array(termText).default([]),
        /** Verbs of getting a measure (享受, 申请): a modal beside them states a condition of that measure. */
        conditions: z.array(termText).default([]),
        objects: z.array(termText).default([]),
        /** A phrase opening with one of these after the modal (应当根据…结果) names the basis of the act, up to one of `basis_heads` or a comma. */
        bases: z.array(termText).default([]),
        basis_heads: z.array(termText).default([]),
        market_category: categoryId,
        government_category: categoryId,
        weight: weight,
        /** The weight of a government body obliged to organise (`government_category`); `weight` when absent. */
        government_weight: weight.optional(),
      })
      .strict()
      .optional(),
    money: z
      .object({
        manual: manualRef,
        givers: termList,
        money: termList,
        category: categoryId,
        weight: weight,
        window: z.number().int().min(0).max(40).default(12),
        /** A fund's own words (topic terms of `category`) and where they count when no money is given. */
        fund_terms: z.array(termText).default([]),
        fund_rules: categoryId.optional(),
      })
      .strict()
      .optional(),
    encouragement: z
      .object({
        manual: manualRef,
        verbs: termList,
        actors: termList,
        /** Actors this rule does not decide for: lenders (indirect financial support) and government bodies. */
        others: z.array(termText).default([]),
        reach: z.number().int().min(0).max(40).default(8),
        category: categoryId,
        weight: weight,
      })
      .strict()
      .optional(),
    regulation: z
      .object({
        manual: manualRef,
        acts: termList,
        actors: termList,
        /** What follows an act inside a department's name (局 in 市场监管局): then it is no act. */
        names: z.array(termText).default([]),
        reach: z.number().int().min(1).max(80).default(40),
        category: categoryId,
        weight: weight,
      })
      .strict()
      .optional(),
    inside_words: z
      .object({ manual: manualRef, min_weight: z.number().min(0).max(100).default(1), names: z.array(termText).default([]) })
      .strict()
      .optional(),
  })
  .strict();

export type DecisionRulesInput = z.infer<typeof decisionRules>;

export type CategoryInput = z.infer<typeof categoryBase> & { children?: CategoryInput[] };

const category: z.ZodType<CategoryInput> = categoryBase
  .extend({ children: z.lazy(() => z.array(category).min(1)).optional() })
  .strict() as z.ZodType<CategoryInput>;

export const codebookInputSchema = z
  .object({
    codebook: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'a short name in lower case, e.g. rothwell-zegveld'),
    version: z.string().min(1),
    title: label.optional(),
    description: z.string().optional(),
    language: z.enum(['zh']).default('zh'),
    /** multi: a clause gets every category that matches; single: only its primary. */
    mode: z.enum(['multi', 'single']).default('multi'),
    /** The unit of coding: the numbered item whole, or cut at sentence ends (analyze --unit overrides it). */
    unit: z.enum(['item', 'sentence']).optional(),
    /**
     * Only units that mention one of these terms or patterns are coded; the others are out of scope.
     * `level` says which unit must mention it: the clause itself, its article, or its document.
     */
    scope: z
      .object({
        keywords: z.array(termText).optional(),
        patterns: z.array(z.string().min(1)).optional(),
        level: z.enum(['clause', 'article', 'document']).default('clause'),
      })
      .strict()
      .refine((s) => (s.keywords?.length ?? 0) + (s.patterns?.length ?? 0) > 0, 'a scope needs at least one keyword or pattern')
      .optional(),
    /** The coding manual's decision rules; without them the coder weighs keywords only. */
    rules: decisionRules.optional(),
    /**
     * Doubts that lower a unit's confidence, where fresh units are coded wrong more often
     * (core/coding/confidence.ts, docs/confidence.md); without them every factor is 1.
     */
    confidence: z
      .object({
        /** Instruments of generic organising words (strategy): a unit gets them where it names no more specific measure. */
        residual: z.array(categoryId).default([]),
        residual_factor: factor.default(1),
        /** Where another instrument has a measure in the unit: a piece of evidence of weight 1 or more. */
        rival_factor: factor.default(1),
      })
      .strict()
      .optional(),
    categories: z.array(category).min(1),
  })
  .strict();

