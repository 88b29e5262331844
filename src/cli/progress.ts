/**
 * Progress on stderr: a bar with counts and ETA on a terminal, a plain line every tenth of the way
 * (and at the end) otherwise, nothing when quiet.
 */
export function progressReporter(quiet: boolean, label: string): { tick: (done: number, total: number, file: string) => void; end: () => void } {
  if (quiet) return { tick: () => undefined, end: () => undefined };
  const start = Date.now();
  const tty = process.stderr.isTTY === true;
  let lastStep = -1;
  return {
    tick(done, total) {
      const elapsed = (Date.now() - start) / 1000;
      const eta = done > 0 ? (elapsed / done) * (total - done) : 0;
      if (tty) {
        const width = 24;
        const filled = Math.round((done / Math.max(1, total)) * width);
        process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}  ETA ${eta.toFixed(0)} s `);
      } else {
        const step = Math.floor((done / Math.max(1, total)) * 10);
        if (step !== lastStep || done === total) {
          lastStep = step;
          process.stderr.write(`${label}: ${done}/${total} documents\n`);
        }
      }
    },
    end() {
      if (tty) process.stderr.write('\n');
    },
  };
}
