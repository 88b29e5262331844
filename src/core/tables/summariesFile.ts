import { z } from 'zod';
import { UserError } from '../errors.js';
import type { DocumentSummary } from './buildTables.js';
import type { CodebookOutline } from './CodebookOutline.js';

/**
 * summaries.json: what `analyze` leaves so that `report` can rebuild every table and figure
 * without coding again: the outlines of the run's codebooks (main first) and one summary per
 * document. One document per line, keys sorted, so two runs give identical bytes and diffs read well.
 */
export interface SummariesFile {
  format: typeof FORMAT;
  version: 1;
  codebooks: CodebookOutline[];
  documents: DocumentSummary[];
}

export const SUMMARIES_FILE = 'summaries.json';
const FORMAT = 'policy-code-summaries';

const label = z.object({ zh: z.string(), en: z.string().optional() });
const counts = z.record(z.string(), z.number().int().nonnegative());
const outline = z.object({
  name: z.string(),
  version: z.string(),
  sha256: z.string(),
  title: label.optional(),
  dimensions: z.array(z.object({ id: z.string(), label })),
  leaves: z.array(z.object({ id: z.string(), label, dimension: z.string() })),
});
// Only the fields the tables read are checked; fields other stages add pass through unchanged.
const document = z.looseObject({
  docId: z.string(),
  file: z.string(),
  title: z.string(),
  province: z.string().nullable(),
  year: z.number().int().nullable(),
  level: z.enum(['national', 'provincial', 'prefecture', 'county']).nullable(),
  clauses: z.number().int().nonnegative(),
  codedClauses: z.number().int().nonnegative(),
  status: z.string(),
  primaryCounts: counts,
  anyCounts: counts,
  clauseIds: z.record(z.string(), z.string()).optional(),
  codebooks: z.record(z.string(), z.object({ primaryCounts: counts, anyCounts: counts, pairCounts: z.record(z.string(), counts) })).optional(),
});
const schema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(1),
  codebooks: z.array(outline).min(1),
  documents: z.array(document),
});

function sortKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function serializeSummaries(codebooks: readonly CodebookOutline[], documents: readonly DocumentSummary[]): string {
  const head = `{"format":"${FORMAT}","version":1,\n"codebooks":${JSON.stringify(codebooks, sortKeys)},\n"documents":[`;
  return `${head}\n${documents.map((d) => JSON.stringify(d, sortKeys)).join(',\n')}\n]}\n`;
}

/** Parses and checks a summaries file; `source` names it in the error a user sees. */
export function parseSummaries(text: string, source: string): SummariesFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new UserError('input', `${source}: not valid JSON (${(err as Error).message})`);
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const issues = result.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new UserError('input', `${source}: not a policy-code summaries file (${result.error.issues.length} problems)`, issues);
  }
  return result.data as unknown as SummariesFile;
}
