import { stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { Command } from 'commander';
import { UserError } from '../core/errors.js';
import { inferMetadata } from '../core/metadata/inferMetadata.js';
import { normalizeText } from '../core/text/normalizeText.js';
import { sourceKindOf } from '../io/extract/extractDocument.js';
import { listInputs } from '../io/listInputs.js';
import { documentId } from '../pipeline/corpusDocuments.js';
import { Extractor } from '../pipeline/extractStage.js';
import { EXIT, runAction } from './exitCodes.js';
import { extractorOptions, withExtractionOptions, type ExtractionFlags } from './extractionOptions.js';

/** The corpus folder and the file (relative to it) that `show` was asked about. */
async function locate(first: string, second: string | undefined): Promise<{ root: string; file: string; docId: string | null }> {
  if (second === undefined) {
    const info = await stat(first).catch(() => null);
    if (!info?.isFile()) throw new UserError('usage', `not a file: ${first} (give a file, or a corpus folder and a doc_id or file)`);
    return { root: dirname(first), file: basename(first), docId: null };
  }
  const documents = (await listInputs(first)).filter((f) => sourceKindOf(f) !== null);
  const byId = documents.findIndex((_, i) => documentId(i, documents.length) === second.toUpperCase());
  const index = byId >= 0 ? byId : documents.indexOf(second.replace(/\\/g, '/'));
  if (index < 0) throw new UserError('usage', `${second} is neither a doc_id (D001..${documentId(documents.length - 1, documents.length)}) nor a document file of ${first}`);
  return { root: first, file: documents[index]!, docId: documentId(index, documents.length) };
}

export function showCommand(): Command {
  const command = new Command('show')
    .description("print one document's metadata and normalized text (from the cache when it was read before)")
    .argument('<corpus|file>', 'a corpus folder (then give the document) or one document file')
    .argument('[document]', 'doc_id (as in documents.csv) or file path relative to the corpus folder')
    .option('--raw', 'print the raw pages as extracted (text layer or OCR) instead of the normalized text');
  return withExtractionOptions(command)
    .addHelpText(
      'after',
      `
Examples:
  $ policy-code show corpus/ D007
  $ policy-code show corpus/ 广东/notice.pdf --raw
  $ policy-code show notice.pdf`,
    )
    .action(
      runAction(async (first: string, second: string | undefined, opts: { raw?: boolean } & ExtractionFlags) => {
        const { root, file, docId } = await locate(first, second);
        const extractor = new Extractor(extractorOptions(opts));
        const x = await extractor.extract(root, file).finally(() => extractor.close());
        const out: string[] = [];
        out.push(`doc_id: ${docId ?? '-'}`, `file: ${file}`, `sha256: ${x.sha256}`);
        if (!x.outcome.ok) {
          out.push(`status: ${x.outcome.status}`, `message: ${x.outcome.message}`);
          process.stdout.write(out.join('\n') + '\n');
          return EXIT.documentsFailed;
        }
        const doc = x.outcome.document;
        const { text } = normalizeText(doc.pages);
        const meta = inferMetadata(text, file, undefined, doc.title);
        out.push(`kind: ${doc.kind}`, `method: ${doc.method}${x.cached ? ' (from the cache)' : ''}`, `pages: ${doc.pages.length}`, `chars: ${text.length}`);
        if (doc.warnings.length > 0) out.push(`warnings: ${doc.warnings.join('; ')}`);
        for (const [name, field] of Object.entries(meta)) {
          const f = field as { value: unknown; source: string; confidence: number };
          if (f && typeof f === 'object' && 'value' in f) out.push(`${name}: ${f.value ?? ''}${f.value === null ? '' : ` (${f.source}, ${f.confidence})`}`);
        }
        out.push('');
        if (opts.raw) for (const p of doc.pages) out.push(`=== page ${p.number} ===`, p.text);
        else out.push(text);
        process.stdout.write(out.join('\n') + '\n');
        return EXIT.ok;
      }),
    );
}
