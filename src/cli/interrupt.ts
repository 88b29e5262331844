import type { OutputStage } from '../io/OutputStage.js';
import { signalExit } from './exitCodes.js';

/**
 * Ctrl-C (SIGINT) and SIGTERM during a run: the first stops the run between documents (finished
 * documents are already cached; the pipeline removes its temporary outputs and throws Interrupted,
 * which exits with 130, or 143 for SIGTERM); a second one removes the temporary outputs and exits at once.
 */
export function interruptOnSignals(): { signal: AbortSignal; onStage: (stage: OutputStage) => void; dispose: () => void } {
  const controller = new AbortController();
  let stage: OutputStage | null = null;
  const handler = (sig: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      stage?.abortSync();
      process.stderr.write(`\npolicy-code: stopped by ${sig}; outputs left as they were\n`);
      process.exit(signalExit(sig));
    }
    process.stderr.write(`\npolicy-code: ${sig}: stopping (press Ctrl-C again to stop at once)\n`);
    controller.abort(sig);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    signal: controller.signal,
    onStage: (s) => (stage = s),
    dispose: () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}

/**
 * A run over a corpus (extract, kwic, codebook diff) that Ctrl-C or SIGTERM stops between documents:
 * `run` gets the signal; the progress bar ends and the handlers are removed however it ends.
 */
export async function interruptible<T>(progress: { end: () => void }, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const interrupt = interruptOnSignals();
  try {
    return await run(interrupt.signal);
  } finally {
    progress.end();
    interrupt.dispose();
  }
}
