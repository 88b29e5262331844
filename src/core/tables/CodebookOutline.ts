import type { Codebook } from '../codebook/Codebook.js';

export interface OutlineCategory {
  id: string;
  label: { zh: string; en?: string };
}

export interface OutlineLeaf extends OutlineCategory {
  dimension: string;
}

/**
 * What the tables need of a codebook: its categories and their order, without the rules. A run
 * stores the outlines of its codebooks beside the summaries, so `report` can rebuild every table
 * without the YAML files (which may have changed since).
 */
export interface CodebookOutline {
  name: string;
  version: string;
  sha256: string;
  /** The codebook's own title, when it has one: what captions call it. */
  title?: { zh: string; en?: string };
  dimensions: OutlineCategory[];
  leaves: OutlineLeaf[];
}

export function outlineOf(codebook: Codebook, sha256: string): CodebookOutline {
  const label = (l: { zh: string; en?: string }) => (l.en ? { zh: l.zh, en: l.en } : { zh: l.zh });
  return {
    name: codebook.name,
    version: codebook.version,
    sha256,
    ...(codebook.title ? { title: label(codebook.title) } : {}),
    dimensions: codebook.dimensions.map((d) => ({ id: d.id, label: label(d.label) })),
    leaves: codebook.leaves.map((l) => ({ id: l.id, label: label(l.label), dimension: l.dimension })),
  };
}
