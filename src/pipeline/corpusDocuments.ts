import { UserError } from '../core/errors.js';
import { sourceKindOf } from '../io/extract/extractDocument.js';
import { listInputs } from '../io/listInputs.js';

/** Zero-padded document ids in corpus order: D001, D002, ... (wider when the corpus is larger). */
export function documentId(index: number, total: number): string {
  return `D${String(index + 1).padStart(Math.max(3, String(total).length), '0')}`;
}

/**
 * Documents a run reads: the corpus's readable files, with ids given over the whole corpus. A corpus
 * without one is a usage error (a wrong folder, more often than not), not a run of empty tables.
 */
export async function corpusDocuments(corpus: string): Promise<{ files: string[]; documents: string[]; skipped: string[] }> {
  const files = await listInputs(corpus);
  const documents = files.filter((f) => sourceKindOf(f) !== null);
  const skipped = files.filter((f) => sourceKindOf(f) === null);
  if (documents.length === 0) {
    const others = skipped.length > 0 ? `; ${skipped.length} other file${skipped.length === 1 ? '' : 's'} there, e.g. ${skipped[0]}` : '';
    throw new UserError('usage', `no documents in ${corpus}: it holds no .pdf, .docx, .doc, .wps, .html, .htm or .txt file${others}`);
  }
  return { files, documents, skipped };
}
