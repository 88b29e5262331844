import type { CompiledCodebook } from '../coding/compileCodebook.js';
import type { Coding } from '../types.js';
import { manualCategories, type ManualCode } from './manualCodes.js';

/**
 * A person's code replaces the automatic one; the codebook's matches stay as the evidence of what
 * the codebook found, so a reader can see where person and codebook differ.
 */
export function applyManualCode(auto: Coding, manual: Pick<ManualCode, 'primary' | 'secondary'>, compiled: CompiledCodebook): Coding {
  const categories = manualCategories(manual, compiled.codebook.leaves.map((l) => l.id));
  const dimensions = compiled.codebook.dimensions.map((d) => d.id).filter((d) => categories.some((c) => compiled.dimensionOf.get(c) === d));
  const runnerUp = auto.primary !== manual.primary ? auto.primary : auto.runnerUp;
  return { ...auto, primary: manual.primary, categories, dimensions, confidence: 1, runnerUp, decidedBy: 'manual' };
}
