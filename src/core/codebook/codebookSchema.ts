import { z } from 'zod';

/**
 * The codebook's only definition. A YAML codebook is parsed, then checked against this schema and
 * against the cross-field rules in validateCodebook; nothing in core ever sees an unchecked one.
 */

const label = z
  .object({
    zh: z.string().min(1),
    en: z.string().min(1).optional(),
  })
  .strict();

const termText = z.string().trim().min(1, 'a term must not be empty');

/** A keyword: a plain term, or a term with its own weight. */
const keyword = z.union([
  termText,
  z.object({ term: termText, weight: z.number().positive().max(100).optional() }).strict(),
]);

const categoryBase = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'ids are lower-case letters, digits and _ (e.g. public_enterprise)'),
    label,
    definition: z.string().optional(),
    /** Exact terms; matched on word boundaries of the segmented text. */
    keywords: z.array(keyword).optional(),
    /** Terms that veto every match of this category in a clause that contains them. */
    exclude: z.array(termText).optional(),
    /** Multiplies the weight of every keyword of this category (default 1). */
    weight: z.number().positive().max(100).optional(),
  })
  .strict();

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
    /** Only clauses that mention one of these terms are coded; the others are out of scope. */
    scope: z
      .object({
        keywords: z.array(termText).min(1),
      })
      .strict()
      .optional(),
    categories: z.array(category).min(1),
  })
  .strict();

export type CodebookInput = z.infer<typeof codebookInputSchema>;
