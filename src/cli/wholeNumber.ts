import { UserError } from '../core/errors.js';

/** An option's value as a whole number of at least `least`, or a usage error naming the option. */
export function wholeNumber(flag: string, value: string, least: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < least) throw new UserError('usage', `${flag} takes a whole number of ${least} or more (got '${value}')`);
  return n;
}
