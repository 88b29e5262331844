/** A validated, resolved codebook: the only form of a codebook that core code accepts. */

export interface Term {
  term: string;
  weight: number;
}

export interface Category {
  id: string;
  label: { zh: string; en?: string };
  definition?: string;
  /** Ids from the top-level category down to this one. */
  path: string[];
  /** The top-level ancestor's id (a dimension in Rothwell & Zegveld). */
  dimension: string;
  keywords: Term[];
  exclude: string[];
  children: Category[];
}

export interface Codebook {
  name: string;
  version: string;
  title?: { zh: string; en?: string };
  mode: 'multi' | 'single';
  scope: string[] | null;
  /** Top-level categories (dimensions), in codebook order. */
  dimensions: Category[];
  /** Codable categories (the leaves), in codebook order. */
  leaves: Category[];
}

/** Every term the codebook matches on, for the segmenter's user dictionary. */
export function codebookTerms(codebook: Codebook): string[] {
  const terms = new Set<string>();
  for (const leaf of codebook.leaves) {
    for (const k of leaf.keywords) terms.add(k.term);
    for (const e of leaf.exclude) terms.add(e);
  }
  for (const s of codebook.scope ?? []) terms.add(s);
  return [...terms].sort();
}
