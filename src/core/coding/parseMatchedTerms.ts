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
// pattern may hold `;` or `)`, so an item ends only where `)` is followed by `;` or the end. A term may
// hold `;` too (a pattern's match that takes the ； or ; of a list entry), so it runs to its `@start(`.
const ITEM = /(.*?)@(\d+)\(([A-Za-z0-9_:.-]+)(?: \/(.*?)\/)?((?: \[[^\]]*\])*)\)(?=;|$)/gsy;

/**
 * The bracketed notes of an item (` [rule 2: obligation.market] [heading]`, as ITEM's last group
 * matched them): what /\[([^\]]*)\]/g finds, without a regular expression per item (a report.html
 * row is read back from every clause's cell, and most items have no notes).
 */
function notesOf(marks: string): string[] {
  const notes: string[] = [];
  for (let open = marks.indexOf('['); open >= 0; ) {
    const close = marks.indexOf(']', open + 1);
    if (close < 0) break;
    notes.push(marks.slice(open + 1, close));
    open = marks.indexOf('[', close + 1);
  }
  return notes;
}

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
    // A term runs over separators to its `@start(`, so no match here means no item in the rest of the
    // cell either: trying again after each separator would only search the same rest again.
    if (!m) break;
    at = ITEM.lastIndex + 1;
    const term = m[1]!;
    const start = Number(m[2]);
    if (term.length === 0 || text.slice(start, start + term.length) !== term) {
      // Not at its offset: when it ran over a `;`, the item before that was malformed; read on after it.
      const separator = term.indexOf(';');
      if (separator >= 0) at = m.index + separator + 1;
      continue;
    }
    // Properties set in the order the report's JSON has always had them.
    const evidence: Evidence = { term, category: m[3]!, start, end: start + term.length };
    if (m[4] !== undefined) evidence.pattern = m[4];
    const notes = notesOf(m[5] ?? '');
    if (notes.length > 0) evidence.notes = notes;
    out.push(evidence);
  }
  return out;
}
