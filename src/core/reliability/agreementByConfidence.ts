import { cohenKappa, percentAgreement } from './agreementCoefficients.js';

/** A unit's human primary, the coder's primary and the coder's confidence in it. */
export interface ConfidentUnit {
  human: string;
  auto: string;
  confidence: number;
}

export interface AgreementSlice {
  /** What the slice is: a band such as "0.50-0.75", or "most confident 70 %". */
  slice: string;
  units: number;
  /** Lowest confidence in the slice. */
  minConfidence: number;
  agreement: number;
  /** NaN where the slice has no variation to measure against (e.g. one code only). */
  kappa: number;
}

function sliceOf(name: string, units: readonly ConfidentUnit[]): AgreementSlice {
  const pairs = units.map((u) => [u.human, u.auto]);
  return {
    slice: name,
    units: units.length,
    minConfidence: units.reduce((min, u) => Math.min(min, u.confidence), units.length ? Infinity : NaN),
    agreement: percentAgreement(pairs).value,
    kappa: cohenKappa(pairs).value,
  };
}

const CONFIDENCE_BANDS: ReadonlyArray<readonly [number, number]> = [[0, 0.25], [0.25, 0.5], [0.5, 0.75], [0.75, 1.0001]];
const CONFIDENT_SHARES = [0.5, 0.7, 0.9, 1] as const;

/**
 * Agreement with the human primary by confidence band, and for the most confident 50/70/90/100 %
 * of units (ranked by confidence, ties in input order, so the cut is reproducible): whether the
 * confidence a researcher sorts by really separates the codes to trust from the ones to check.
 */
export function agreementByConfidence(units: readonly ConfidentUnit[]): { bands: AgreementSlice[]; mostConfident: AgreementSlice[] } {
  const bands = CONFIDENCE_BANDS.map(([lo, hi]) =>
    sliceOf(`${lo.toFixed(2)}-${Math.min(hi, 1).toFixed(2)}`, units.filter((u) => u.confidence >= lo && u.confidence < hi)),
  );
  const ranked = rankedByConfidence(units);
  return { bands, mostConfident: CONFIDENT_SHARES.map((share) => confidentSlice(ranked, share)) };
}

/** Units by confidence, highest first, ties in input order, so the cut is reproducible. */
function rankedByConfidence(units: readonly ConfidentUnit[]): ConfidentUnit[] {
  return units.map((u, i) => ({ u, i })).sort((a, b) => b.u.confidence - a.u.confidence || a.i - b.i).map((r) => r.u);
}

function confidentSlice(ranked: readonly ConfidentUnit[], share: number): AgreementSlice {
  return sliceOf(`most confident ${Math.round(share * 100)} %`, ranked.slice(0, Math.round(ranked.length * share)));
}

/** Agreement on the `share` (0-1) most confident units, ranked as `agreementByConfidence` ranks them. */
export function mostConfidentAgreement(units: readonly ConfidentUnit[], share: number): AgreementSlice {
  return confidentSlice(rankedByConfidence(units), share);
}
