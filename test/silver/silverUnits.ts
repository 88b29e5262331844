import { createHash } from 'node:crypto';

/**
 * The silver sets (test/silver/README.md): sentences of the clauses `analyze` cuts from ../shared's
 * corpora, named by a key of their text, so the codes can be kept here without the text itself.
 */

/** A unit's text without white space, as its key is taken. */
const compact = (text: string) => text.replace(/\s+/g, '');

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

export interface SilverCode {
  key: string;
  set: string;
  corpus: string;
  doc: string;
  primary: string;
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
