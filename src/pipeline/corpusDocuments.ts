import { sourceKindOf } from '../io/extract/extractDocument.js';
import { listInputs } from '../io/listInputs.js';

/** Zero-padded document ids in corpus order: D001, D002, ... (wider when the corpus is larger). */
export function documentId(index: number, total: number): string {
  return `D${String(index + 1).padStart(Math.max(3, String(total).length), '0')}`;
}

/** Documents a run reads: the corpus's readable files, with ids given over the whole corpus. */
export async function corpusDocuments(corpus: string): Promise<{ files: string[]; documents: string[]; skipped: string[] }> {
  const files = await listInputs(corpus);
  return { files, documents: files.filter((f) => sourceKindOf(f) !== null), skipped: files.filter((f) => sourceKindOf(f) === null) };
}
