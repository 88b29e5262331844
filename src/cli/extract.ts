import { Command } from 'commander';
import { errorsSummary } from '../export/errorsSummary.js';
import { extractCorpus } from '../pipeline/extractCorpus.js';
import { EXIT, runAction } from './exitCodes.js';
import { refuseCorpusAsOutput, refuseStdout } from './writeOutput.js';
import { interruptible } from './interrupt.js';
import { extractorOptions, withExtractionOptions, type ExtractionFlags } from './extractionOptions.js';
import { progressReporter } from './progress.js';
import { countOf } from './countOf.js';
import { folderShown } from './folderShown.js';

export function extractCommand(): Command {
  const command = new Command('extract')
    .description('read every document of a corpus folder into the text cache and write documents.csv (no coding)')
    .argument('<corpus>', 'folder of policy documents (.pdf, .txt, .html, .docx; .doc and .wps with LibreOffice), read recursively')
    .option('-o, --out <dir>', 'folder for documents.csv', 'output')
    .option('-q, --quiet', 'print nothing but errors');
  return withExtractionOptions(command)
    .addHelpText(
      'after',
      `
Examples:
  $ policy-code extract corpus/
  $ policy-code extract corpus/ --jobs 4 --cache-dir /data/policy-cache
  $ policy-code extract corpus/ --no-cache      # read everything again (after an OCR install)

Scans and PDFs with broken fonts are read with OCR (Debian: apt-get install -y poppler-utils
tesseract-ocr tesseract-ocr-chi-sim). Later runs of extract, analyze and show take the text
from the cache. Exit code: 0 all documents read, 1 some could not be read (see documents.csv), 130 (143 for
SIGTERM) stopped by Ctrl-C between documents: no documents.csv written; run again to resume.`,
    )
    .action(
      runAction(async (corpus: string, opts: { out: string; quiet?: boolean } & ExtractionFlags) => {
        refuseStdout('--out', opts.out, 'extract writes a folder (documents.csv)', 'folder');
        refuseCorpusAsOutput(corpus, opts.out);
        const progress = progressReporter(opts.quiet === true, 'extract');
        const report = await interruptible(progress, (signal) => extractCorpus({ corpus, out: opts.out, extraction: extractorOptions(opts), onProgress: progress.tick, signal }));
        process.stderr.write(errorsSummary(report.problems, opts.quiet ? [] : report.skipped));
        if (!opts.quiet) {
          const cached = report.files.filter((f) => f.cached).length;
          process.stderr.write(
            `${report.files.length - report.problems.length} of ${report.files.length} documents read` +
              `${cached ? ` (${cached} from the cache)` : ''}` +
              `${report.skipped.length ? `, ${countOf(report.skipped.length, 'file')} skipped (not a document type)` : ''}; documents.csv in ${folderShown(opts.out)}\n`,
          );
        }
        return report.problems.length > 0 ? EXIT.documentsFailed : EXIT.ok;
      }),
    );
}
