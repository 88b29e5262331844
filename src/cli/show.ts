import { Command } from 'commander';
import { showDocument, type ShownDocument } from '../pipeline/showDocument.js';
import { EXIT, runAction } from './exitCodes.js';
import { extractorOptions, withExtractionOptions, type ExtractionFlags } from './extractionOptions.js';

/** What `show` prints: the document's facts and metadata, a blank line, then its text. */
function shownLines(shown: ShownDocument & { ok: true }, raw: boolean): string[] {
  const { document: doc, prepared } = shown;
  const out = [`kind: ${doc.kind}`, `method: ${doc.method}${shown.cached ? ' (from the cache)' : ''}`, `pages: ${doc.pages.length}`, `chars: ${prepared.text.length}`];
  if (doc.warnings.length > 0) out.push(`warnings: ${doc.warnings.join('; ')}`);
  for (const [name, field] of Object.entries(shown.metadata)) {
    const f = field as { value: unknown; source: string; confidence: number };
    if (f && typeof f === 'object' && 'value' in f) out.push(`${name}: ${f.value ?? ''}${f.value === null ? '' : ` (${f.source}, ${f.confidence})`}`);
  }
  out.push('');
  if (raw) for (const p of doc.pages) out.push(`=== page ${p.number} ===`, p.text);
  else out.push(prepared.text);
  return out;
}

export function showCommand(): Command {
  const command = new Command('show')
    .description("print one document's metadata and normalized text as analyze reads them (from the cache when it was read before)")
    .argument('<corpus|output|file>', 'a corpus folder or an output folder of analyze (then give the document), or one document file')
    .argument('[document]', 'doc_id (as in documents.csv) or file path relative to the corpus folder')
    .option('-m, --metadata <file>', "CSV with file, title, province, year, ... (default: the output's run, else <corpus>/metadata.csv if present)")
    .option('--raw', 'print the raw pages as extracted (text layer or OCR) instead of the normalized text');
  return withExtractionOptions(command)
    .addHelpText(
      'after',
      `
Examples:
  $ policy-code show corpus/ D007
  $ policy-code show output/ D007
  $ policy-code show corpus/ 广东/notice.pdf --raw
  $ policy-code show notice.pdf`,
    )
    .action(
      runAction(async (first: string, second: string | undefined, opts: { raw?: boolean; metadata?: string } & ExtractionFlags) => {
        const shown = await showDocument(first, second, { extraction: extractorOptions(opts), ...(opts.metadata ? { metadata: opts.metadata } : {}) });
        const head = [`doc_id: ${shown.docId ?? '-'}`, `file: ${shown.file}`, `sha256: ${shown.sha256}`];
        if (!shown.ok) {
          process.stdout.write([...head, `status: ${shown.status}`, `message: ${shown.message}`].join('\n') + '\n');
          return EXIT.documentsFailed;
        }
        process.stdout.write([...head, ...shownLines(shown, opts.raw === true)].join('\n') + '\n');
        return EXIT.ok;
      }),
    );
}
