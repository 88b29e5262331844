/**
 * Errors that a user can act on: they are reported as one line, never with a stack trace, and
 * mapped to an exit code in one place (cli/exitCodes.ts).
 */
export type UserErrorKind = 'usage' | 'codebook' | 'input';

export class UserError extends Error {
  constructor(
    readonly kind: UserErrorKind,
    message: string,
    /** Further lines, e.g. every problem of an invalid codebook. */
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = 'UserError';
  }
}
