import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../core/errors.js';
import { collectCodebooks, runAnalyze, UNIT_HELP, type AnalyzeFlags } from './analyze.js';
import { runAction } from './exitCodes.js';
import { withExtractionOptions } from './extractionOptions.js';
import { addTableOptions } from './tableOptions.js';

/** The settings of the run whose tables are in `out`, as recode takes them by default. */
interface PreviousRun {
  corpus: string;
  codebooks: string[];
  metadata: string | null;
  manual: string | null;
  unit: string | null;
}

/**
 * The settings of the earlier run in `out` (run.json): absolute paths in `rerun` since issue 13, so
 * they hold wherever recode runs from; older run.json files give only the corpus and metadata file.
 */
function previousRun(out: string): PreviousRun | null {
  let run: { corpus?: string; metadata?: { file: string } | null; rerun?: Partial<PreviousRun> };
  try {
    run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as typeof run;
  } catch {
    return null;
  }
  const r = run.rerun;
  if (r && typeof r.corpus === 'string') return { corpus: r.corpus, codebooks: r.codebooks ?? [], metadata: r.metadata ?? null, manual: r.manual ?? null, unit: r.unit ?? null };
  return typeof run.corpus === 'string' ? { corpus: run.corpus, codebooks: [], metadata: run.metadata?.file ?? null, manual: null, unit: null } : null;
}

export function recodeCommand(): Command {
  const command = new Command('recode')
    .description('code a corpus again (after a codebook edit) from the cached text, without extracting it again')
    .argument('[corpus]', 'folder of policy documents (default: the corpus of the run in --out)')
    .option('-c, --codebook <file>', 'YAML codebook; repeat it for several (default: those of the run in --out)', collectCodebooks, [] as string[])
    .option('-o, --out <dir>', 'folder for the tables', 'output')
    .option('-m, --metadata <file>', 'CSV with file, title, province, year, ... (default: that of the run in --out)')
    .option('--manual <file>', 'manual codes to apply over the automatic ones (default: those of the run in --out, else codings/manual.csv if present)')
    .option('-q, --quiet', 'print nothing but errors')
    .option('--unit <unit>', UNIT_HELP.replace("the main codebook's unit, else item", 'that of the run in --out'));
  return addTableOptions(withExtractionOptions(command))
    .addHelpText(
      'after',
      `
Examples:
  $ policy-code analyze corpus/ --out results/ --codebook my-codebook.yaml
  $ policy-code recode --out results/                      (the same codebooks, metadata, manual codes and unit)
  $ policy-code recode --out results/ --codebook my-edited-codebook.yaml

Writes the same tables as analyze. Codebooks, metadata, manual codes and unit are those of the run
in --out (its run.json), wherever recode is run from; another codebook must be asked for with
--codebook. The codebook used is named on stderr. The text of every document comes from the
extraction cache and the words of every clause from the token cache (a codebook edit that adds
no new term needs no segmentation at all). A document missing from the cache is extracted again
and said so on stderr.`,
    )
    .action(
      runAction(async (corpus: string | undefined, opts: AnalyzeFlags) => {
        const previous = previousRun(opts.out);
        if (!corpus && !previous) throw new UserError('usage', `recode: no corpus given and no earlier run in ${opts.out}/ (run.json) to take it from`);
        const metadata = opts.metadata ?? previous?.metadata ?? undefined;
        const manual = opts.manual ?? previous?.manual ?? undefined;
        const unit = opts.unit ?? previous?.unit ?? undefined;
        const codebook = opts.codebook.length > 0 ? opts.codebook : (previous?.codebooks ?? []);
        return runAnalyze(corpus ?? previous!.corpus, { ...opts, codebook, ...(metadata ? { metadata } : {}), ...(manual ? { manual } : {}), ...(unit ? { unit } : {}) }, 'recode');
      }),
    );
}
