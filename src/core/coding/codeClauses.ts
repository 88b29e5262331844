import type { Coding } from '../types.js';
import { mentionsScope, type CompiledCodebook } from './compileCodebook.js';
import { codeClause } from './codeClause.js';

/** A unit to code, with the keys that group it into its article and document for the scope filter. */
export interface ScopedUnit {
  id: string;
  /** Units of one article share this key; a unit outside any article has a key of its own. */
  article: string;
  document: string;
  tokens: readonly string[];
  /** The tokens joined, when the caller has it (the text they were cut from): not joined again. */
  text?: string;
}

/**
 * Codes the units of one or more documents with the codebook's scope applied at its level: with
 * `clause` a unit must mention the topic itself; with `article` (or `document`) every unit of an
 * article (document) in which some unit mentions it is coded, and the others are out of scope.
 */
export function codeClauses(units: readonly ScopedUnit[], compiled: CompiledCodebook): Coding[] {
  const level = compiled.codebook.scope?.level ?? 'clause';
  if (!compiled.scope || level === 'clause') return units.map((u) => codeClause(u.id, u.tokens, compiled, undefined, u.text));
  const keyOf = (u: ScopedUnit) => (level === 'article' ? u.article : u.document);
  const mentioned = new Set<string>();
  for (const u of units) if (!mentioned.has(keyOf(u)) && mentionsScope(u.tokens, compiled)) mentioned.add(keyOf(u));
  return units.map((u) => codeClause(u.id, u.tokens, compiled, mentioned.has(keyOf(u)), u.text));
}
