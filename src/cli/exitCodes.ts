import { CommanderError } from 'commander';
import { Interrupted, UserError } from '../core/errors.js';

/** The one place that decides exit codes. */
export const EXIT = {
  /** Everything worked. */
  ok: 0,
  /** The run finished, but some documents could not be read (listed in documents.csv), or a manual code could not be placed. */
  documentsFailed: 1,
  /** A usage error, an invalid codebook or input table: nothing was written. */
  usage: 2,
  /** A bug in policy-code: please report it with the stack trace. */
  internal: 3,
  /** Stopped by Ctrl-C (128 + SIGINT, as shells report it): outputs left as they were; rerun to resume. */
  interrupted: 130,
  /** Stopped by SIGTERM (128 + SIGTERM): handled as Ctrl-C is. */
  terminated: 143,
} as const;

/** Reports an error on stderr in one line (plus any listed details) and returns the exit code. */
export function reportError(err: unknown): number {
  if (err instanceof UserError) {
    process.stderr.write(`policy-code: error: ${err.message}\n`);
    for (const d of err.details) process.stderr.write(`  ${d}\n`);
    return EXIT.usage;
  }
  if (err instanceof Interrupted) {
    process.stderr.write(`policy-code: ${err.message}\n`);
    return signalExit(err.signal);
  }
  if (err instanceof CommanderError) {
    // commander has already printed its message (unknown option, missing argument, ...).
    return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help' ? EXIT.ok : EXIT.usage;
  }
  const e = err as NodeJS.ErrnoException;
  if (e && typeof e === 'object' && (e.code === 'EACCES' || e.code === 'ENOSPC' || e.code === 'EROFS' || e.code === 'ENOTDIR')) {
    process.stderr.write(`policy-code: error: ${e.message}\n`);
    return EXIT.usage;
  }
  process.stderr.write(`policy-code: internal error (please report this): ${(err as Error)?.stack ?? String(err)}\n`);
  return EXIT.internal;
}

/** The exit code of a run stopped by a signal, as a shell reports a process the signal killed. */
export function signalExit(signal: string): number {
  return signal === 'SIGTERM' ? EXIT.terminated : EXIT.interrupted;
}

/**
 * A reader that closes the pipe early (`policy-code analyze --help | head`) is not an error: once
 * stdout is closed the program ends quietly, with no EPIPE stack trace. A closed stderr is ignored,
 * so that a long run whose messages nobody reads still finishes and writes its outputs.
 */
export function endQuietlyOnClosedOutput(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(EXIT.ok);
    throw err;
  });
  process.stderr.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
  });
}

/** Runs a command's action and exits with the code it returns or the code its error maps to. */
export function runAction<A extends unknown[]>(action: (...args: A) => Promise<number>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    let code: number;
    try {
      code = await action(...args);
    } catch (err) {
      code = reportError(err);
    }
    process.exitCode = code;
  };
}
