import { readFileSync } from 'node:fs';
import { UserError } from '../core/errors.js';
import type { ReliabilityFacts } from '../core/tables/methodsFacts.js';

const number = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

/**
 * Reads the JSON that `policy-code evaluate --json` (the coder against human codes) or
 * `policy-code agreement --json` (two or more coders; its primary-code row) prints, for the methods text.
 */
export function readReliability(file: string): ReliabilityFacts {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new UserError('usage', `--reliability ${file}: ${e.code === 'ENOENT' ? 'no such file' : `not valid JSON (${e.message})`}`);
  }
  if (json && typeof json === 'object' && 'cohen_kappa' in json && 'macro' in json) {
    const macro = json.macro as Record<string, unknown> | null;
    return { kind: 'coder-vs-human', source: file, units: Number(json.units) || 0, coders: null, percentAgreement: number(json.percent_agreement), cohenKappa: number(json.cohen_kappa), krippendorffAlpha: null, macroF1: number(macro?.f1) };
  }
  const primary = Array.isArray(json?.results) ? (json.results as Array<Record<string, unknown>>).find((r) => r.scope === 'primary') : undefined;
  if (primary) {
    return { kind: 'intercoder', source: file, units: Number(primary.units_pairable) || 0, coders: Array.isArray(json.coders) ? json.coders.length : null, percentAgreement: number(primary.percent_agreement), cohenKappa: number(primary.cohen_kappa), krippendorffAlpha: number(primary.krippendorff_alpha), macroF1: null };
  }
  throw new UserError('usage', `--reliability ${file}: not the JSON of 'policy-code evaluate --json' or 'policy-code agreement --json'`);
}
