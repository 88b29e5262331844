import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../core/errors.js';
import { collectCodebooks, runAnalyze, UNIT_HELP, type AnalyzeFlags } from './analyze.js';
import { runAction } from './exitCodes.js';
import { withExtractionOptions } from './extractionOptions.js';
import { addTableOptions } from './tableOptions.js';

/** The corpus (and metadata file) of the run whose tables are in `out`, for `recode` without a corpus. */
function previousRun(out: string): { corpus: string; metadata: string | null } {
  try {
    const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as { corpus?: string; metadata?: { file: string } | null };
    if (typeof run.corpus === 'string') return { corpus: run.corpus, metadata: run.metadata?.file ?? null };
  } catch {
    // fall through to the error
  }
  throw new UserError('usage', `recode: no corpus given and no earlier run in ${out}/ (run.json) to take it from`);
}

export function recodeCommand(): Command {
  const command = new Command('recode')
    .description('code a corpus again (after a codebook edit) from the cached text, without extracting it again')
    .argument('[corpus]', 'folder of policy documents (default: the corpus of the run in --out)')
    .option('-c, --codebook <file>', 'YAML codebook; repeat it for several (default: as in analyze)', collectCodebooks, [] as string[])
    .option('-o, --out <dir>', 'folder for the tables', 'output')
    .option('-m, --metadata <file>', 'CSV with file, title, province, year, ... (default: as in analyze)')
    .option('--manual <file>', 'manual codes to apply over the automatic ones (default: codings/manual.csv if present)')
    .option('-q, --quiet', 'print nothing but errors')
    .option('--unit <unit>', UNIT_HELP.replace("the main codebook's unit, else item", 'as in the run in --out'));
  return addTableOptions(withExtractionOptions(command))
    .addHelpText(
      'after',
      `
Examples:
  $ policy-code analyze corpus/ --out results/
  $ policy-code recode --out results/ --codebook my-edited-codebook.yaml

Writes the same tables as analyze. The text of every document comes from the extraction cache
and the words of every clause from the token cache (a codebook edit that adds no new term needs
no segmentation at all). A document missing from the cache is extracted again and said so on
stderr.`,
    )
    .action(
      runAction(async (corpus: string | undefined, opts: AnalyzeFlags) => {
        const previous = corpus ? null : previousRun(opts.out);
        const metadata = opts.metadata ?? previous?.metadata ?? undefined;
        return runAnalyze(corpus ?? previous!.corpus, { ...opts, ...(metadata ? { metadata } : {}) }, 'recode');
      }),
    );
}
