import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | null | undefined;

/**
 * A full garbage collection, where a run knows that a phase's garbage can go. V8 otherwise lets
 * the heap grow to a multiple of what is alive (measured: a re-code of 5,000 documents ends its
 * coding with 28 MB alive in a 140-220 MB heap), and on top of nodejieba's 300 MB dictionary that
 * took a cold run of 5,000 documents past 500 MB. Node has gc() only under --expose-gc: the flag is
 * set here and the function taken from a new context, where V8 then installs it. (Capping the
 * heap's growth for the whole run instead, --heap-growing-percent=30, cost a quarter more CPU.)
 */
export function collectGarbage(): void {
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as () => void;
    } catch {
      gc = null;
    }
  }
  gc?.();
}
