import { createHash } from 'node:crypto';

/**
 * The silver sets (test/silver/README.md): sentences of the clauses `analyze` cuts from ../shared's
 * corpora, named by a key of their text, so the codes can be kept here without the text itself.
 */

/** A unit's text without white space, as its key is taken. */
export const compact = (text: string) => text.replace(/\s+/g, '');

/** The key of a unit: the first 16 hex digits of the SHA-256 of its text without white space. */
export function silverKey(text: string): string {
  return createHash('sha256').update(compact(text)).digest('hex').slice(0, 16);
}

/** The sentences of a clause as the silver units were drawn: cut after 。；！？, at least 10 characters. */
export function silverSentences(clauseText: string): string[] {
  return clauseText
    .split(/(?<=[。；！？])/u)
    .map((s) => s.trim())
    .filter((s) => compact(s).length >= 10);
}

/** A row of silver-codes.csv. */
export interface SilverCode {
  key: string;
  set: string;
  corpus: string;
  doc: string;
  coder_a: string;
  coder_b: string;
  primary: string;
}

/** A silver unit in the shape of a gold set's row (`policy-code evaluate`, `code-units`). */
export interface SilverUnit {
  unit_id: string;
  doc: string;
  text: string;
  primary: string;
  coder_a: string;
  coder_b: string;
}

/** The texts of the coded units found among the clauses of an analyze (rows of clauses.csv); each key once. */
export function findSilverTexts(clauses: ReadonlyArray<{ text: string; in_scope?: string }>, wanted: ReadonlySet<string>): Map<string, string> {
  const found = new Map<string, string>();
  for (const c of clauses) {
    if (c.in_scope === 'false') continue;
    for (const s of silverSentences(c.text)) {
      const key = silverKey(s);
      if (wanted.has(key) && !found.has(key)) found.set(key, s);
    }
  }
  return found;
}

/**
 * The units of each set (in the order of silver-codes.csv) whose text was found among the clauses of
 * the analyze of their corpus (`clausesOf`: corpus name, as in the codes' `corpus` column, to clauses.csv's rows).
 */
export function silverUnitsBySet(codes: readonly SilverCode[], clausesOf: ReadonlyMap<string, ReadonlyArray<{ text: string; in_scope?: string }>>): Map<string, SilverUnit[]> {
  const texts = new Map<string, string>();
  for (const [corpus, clauses] of clausesOf) {
    const wanted = new Set(codes.filter((c) => c.corpus === corpus).map((c) => c.key));
    for (const [key, text] of findSilverTexts(clauses, wanted)) texts.set(key, text);
  }
  const sets = new Map<string, SilverUnit[]>();
  for (const c of codes) {
    if (!sets.has(c.set)) sets.set(c.set, []);
    const text = texts.get(c.key);
    if (text !== undefined) sets.get(c.set)!.push({ unit_id: c.key, doc: c.doc, text, primary: c.primary, coder_a: c.coder_a, coder_b: c.coder_b });
  }
  return sets;
}
