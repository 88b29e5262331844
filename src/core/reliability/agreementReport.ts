import { NONE } from '../types.js';
import {
  cohenKappa,
  fleissKappa,
  holsti,
  krippendorffAlpha,
  percentAgreement,
  type ReliabilityData,
} from './agreementCoefficients.js';

/** One coder's codes for one unit: a primary code and any secondary codes. */
export interface UnitCodes {
  primary: string;
  secondary: string[];
}

/** One coder's codes by unit id; a unit absent from the map is a missing value. */
export type CoderCodes = ReadonlyMap<string, UnitCodes>;

export interface AgreementRow {
  /** `primary` (the primary code as one nominal variable) or a category id (presence/absence). */
  scope: string;
  /** Units coded by at least two coders (used by percent agreement and alpha). */
  pairableUnits: number;
  /** Units coded by every coder (used by the kappas). */
  completeUnits: number;
  /** For a category: how many codings (coder x unit) include it. */
  codings: number;
  percentAgreement: number;
  holsti: number;
  /** Two coders only; NaN otherwise. */
  cohenKappa: number;
  fleissKappa: number;
  krippendorffAlpha: number;
}

export interface AgreementReport {
  coders: number;
  units: number;
  rows: AgreementRow[];
}

/** Every code a coder gave a unit, primary first; `none` is not a category of its own here. */
export function codeSet(codes: UnitCodes): Set<string> {
  return new Set([codes.primary, ...codes.secondary].filter((c) => c !== NONE && c !== ''));
}

function row(scope: string, data: ReliabilityData, codings: number): AgreementRow {
  const coders = data[0]?.length ?? 0;
  const alpha = krippendorffAlpha(data);
  const fleiss = fleissKappa(data);
  return {
    scope,
    pairableUnits: alpha.units,
    completeUnits: fleiss.units,
    codings,
    percentAgreement: percentAgreement(data).value,
    holsti: holsti(data).value,
    cohenKappa: coders === 2 ? cohenKappa(data).value : NaN,
    fleissKappa: fleiss.value,
    krippendorffAlpha: alpha.value,
  };
}

/**
 * Agreement of two or more coders: first on the primary code (one nominal variable, `none`
 * included), then per category on presence/absence, where a unit "has" a category when the coder
 * gave it as primary or secondary. Categories are listed in `order` (e.g. codebook order) and
 * then any others alphabetically.
 */
export function agreementReport(coders: readonly CoderCodes[], order: readonly string[] = []): AgreementReport {
  if (coders.length < 2) throw new Error('agreement needs at least two coders');
  const unitIds = [...new Set(coders.flatMap((c) => [...c.keys()]))].sort();
  const primary: ReliabilityData = unitIds.map((u) => coders.map((c) => c.get(u)?.primary ?? null));
  const sets = unitIds.map((u) => coders.map((c) => {
    const codes = c.get(u);
    return codes ? codeSet(codes) : null;
  }));
  const seen = new Set(sets.flatMap((r) => r.flatMap((s) => (s ? [...s] : []))));
  const categories = [...order.filter((c) => seen.has(c)), ...[...seen].filter((c) => !order.includes(c)).sort()];
  const rows = [row('primary', primary, 0)];
  for (const category of categories) {
    const data = sets.map((r) => r.map((s) => (s ? (s.has(category) ? '1' : '0') : null)));
    const codings = sets.reduce((n, r) => n + r.filter((s) => s?.has(category)).length, 0);
    rows.push(row(category, data, codings));
  }
  return { coders: coders.length, units: unitIds.length, rows };
}
