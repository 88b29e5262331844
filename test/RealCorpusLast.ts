import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { REAL_CORPUS_READERS } from './realCorpusRun.js';

/**
 * Vitest's order, with the files that read the shared analyze of ../shared/corpus at the end: the
 * run started in the background at the beginning has then had the whole test run to finish.
 */
export class RealCorpusLast extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const reads = (f: TestSpecification) => REAL_CORPUS_READERS.some((r) => f.moduleId.endsWith(r));
    return [...sorted.filter((f) => !reads(f)), ...sorted.filter(reads)];
  }
}
