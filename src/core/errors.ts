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

/**
 * The run was stopped on request (Ctrl-C, SIGTERM): not a failure of the tool. Finished documents
 * are in the cache, so the same command resumes; the previous outputs are left as they were.
 */
export class Interrupted extends Error {
  constructor(
    readonly signal: string,
    /** Documents finished (and cached) before the stop. */
    readonly done: number,
    readonly total: number,
  ) {
    super(`interrupted by ${signal} after ${done} of ${total} documents; outputs left as they were. Run the same command again to resume (finished documents come from the cache).`);
    this.name = 'Interrupted';
  }
}
