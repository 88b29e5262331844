import { mostConfidentAgreement, type ConfidentUnit } from './agreementByConfidence.js';
import { cohenKappa, percentAgreement } from './agreementCoefficients.js';

/** A unit's human primary code and the coder's primary with its confidence. */
export type CodedUnit = ConfidentUnit;

/** The figures a fit is judged by: agreement on all units, on the 70 % most confident, and the distance of the code shares. */
export interface CodingFigures {
  units: number;
  kappa: number;
  accuracy: number;
  /** Kappa and accuracy of the 70 % most confident units (ranked as `evaluate` ranks them). */
  kappa70: number;
  accuracy70: number;
  /** Total variation distance between the human and the automatic shares of primary codes (`none` included). */
  shareDistance: number;
}

/** Half the sum of absolute differences between the shares of each code in two lists of codes. */
export function shareDistance(human: readonly string[], auto: readonly string[]): number {
  if (human.length === 0 || auto.length === 0) return NaN;
  const shares = new Map<string, [number, number]>();
  for (const h of human) (shares.get(h) ?? shares.set(h, [0, 0]).get(h)!)[0] += 1 / human.length;
  for (const a of auto) (shares.get(a) ?? shares.set(a, [0, 0]).get(a)!)[1] += 1 / auto.length;
  let sum = 0;
  for (const [h, a] of shares.values()) sum += Math.abs(h - a);
  return sum / 2;
}

export function codingFigures(units: readonly CodedUnit[]): CodingFigures {
  const pairs = units.map((u) => [u.human, u.auto]);
  const top70 = mostConfidentAgreement(units, 0.7);
  return {
    units: units.length,
    kappa: cohenKappa(pairs).value,
    accuracy: percentAgreement(pairs).value,
    kappa70: top70.kappa,
    accuracy70: top70.agreement,
    shareDistance: shareDistance(units.map((u) => u.human), units.map((u) => u.auto)),
  };
}
