import { existsSync } from 'node:fs';
import { Command } from 'commander';
import { UserError } from '../core/errors.js';
import { readRerunSettings } from '../pipeline/rerunSettings.js';
import { collectCodebooks, runAnalyze, UNIT_HELP, type AnalyzeFlags } from './analyze.js';
import { runAction } from './exitCodes.js';
import { refuseStdout } from './writeOutput.js';
import { withExtractionOptions } from './extractionOptions.js';
import { addTableOptions } from './tableOptions.js';
import { folderShown } from './folderShown.js';

export function recodeCommand(): Command {
  const command = new Command('recode')
    .description('code a corpus again (after a codebook edit) from the cached text, without extracting it again')
    .argument('[corpus]', 'folder of policy documents (default: the corpus of the run in --out)')
    .option('-c, --codebook <file>', 'YAML codebook; repeat it for several (default: those of the run in --out)', collectCodebooks, [] as string[])
    .option('-o, --out <dir>', 'folder for the tables', 'output')
    .option('-m, --metadata <file>', 'CSV with file, title, province, year, ... (default: that of the run in --out)')
    .option('--manual <file>', 'manual codes to apply over the automatic ones (default: those of the run in --out, else codings/manual.csv here or beside the output folder, if present)')
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
        refuseStdout('--out', opts.out, 'recode writes a folder of tables', 'folder');
        const previous = readRerunSettings(opts.out);
        if (!corpus && !previous) throw new UserError('usage', `recode: no corpus given and no earlier run in ${folderShown(opts.out)} (run.json) to take it from`);
        if (!corpus && !existsSync(previous!.corpus)) {
          throw new UserError('usage', `corpus folder not found: ${previous!.corpus} (the corpus of the run in ${folderShown(opts.out)}, moved or removed?); give it: policy-code recode <corpus> --out ${opts.out}`);
        }
        const metadata = opts.metadata ?? previous?.metadata ?? undefined;
        const manual = opts.manual ?? previous?.manual ?? undefined;
        const unit = opts.unit ?? previous?.unit ?? undefined;
        const codebook = opts.codebook.length > 0 ? opts.codebook : (previous?.codebooks ?? []);
        return runAnalyze(corpus ?? previous!.corpus, { ...opts, codebook, ...(metadata ? { metadata } : {}), ...(manual ? { manual } : {}), ...(unit ? { unit } : {}) }, 'recode');
      }),
    );
}
