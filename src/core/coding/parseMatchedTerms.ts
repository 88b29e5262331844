/** One piece of evidence read back from a matched_terms cell of clauses.csv. */
export interface Evidence {
  term: string;
  category: string;
  /** [start, end) in the clause text; the term is exactly text.slice(start, end). */
  start: number;
  end: number;
  pattern?: string;
  /** The bracketed notes after the category: a decision rule's label, `topic`, `heading`. */
  notes?: string[];
}

// `term@start(category)`, `text@start(category /pattern/)`, either followed by notes such as
// ` [rule 2: obligation.market]`, ` [topic]`, ` [heading]`; `;`-separated (describeCoding.ts). A
// pattern may hold `;` or `)`, so an item ends only where `)` is followed by `;` or the end.
const ITEM = /([^;]*?)@(\d+)\(([A-Za-z0-9_:.-]+)(?: \/(.*?)\/)?((?: \[[^\]]*\])*)\)(?=;|$)/gy;

/**
 * Parses the evidence of a clause as matchedTermsCell writes it, keeping only what points at the
 * clause text: an item whose term is not at its offset (the text changed, or the cell was edited
 * by hand) is dropped rather than highlighted in the wrong place.
 */
export function parseMatchedTerms(cell: string, text: string): Evidence[] {
  const out: Evidence[] = [];
  ITEM.lastIndex = 0;
  let at = 0;
  while (at < cell.length) {
    ITEM.lastIndex = at;
    const m = ITEM.exec(cell);
    if (!m) {
      // Not an item here: skip to the next separator and try again.
      const next = cell.indexOf(';', at);
      if (next < 0) break;
      at = next + 1;
      continue;
    }
    at = ITEM.lastIndex + 1;
    const term = m[1]!;
    const start = Number(m[2]);
    if (term.length === 0 || text.slice(start, start + term.length) !== term) continue;
    const notes = [...(m[5] ?? '').matchAll(/\[([^\]]*)\]/g)].map((n) => n[1]!);
    out.push({ term, category: m[3]!, start, end: start + term.length, ...(m[4] !== undefined ? { pattern: m[4] } : {}), ...(notes.length > 0 ? { notes } : {}) });
  }
  return out;
}
