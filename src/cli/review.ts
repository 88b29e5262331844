import { join } from 'node:path';
import { Command } from 'commander';
import { DEFAULT_CODEBOOK } from '../pipeline/defaultCodebook.js';
import { exportReview, importReview } from '../pipeline/review.js';
import { EXIT, runAction } from './exitCodes.js';
import { refuseInputAsOutput, refuseStdout } from './writeOutput.js';
import { wholeNumber } from './wholeNumber.js';

function exportCommand(): Command {
  return new Command('export')
    .description('write a review sheet (.xlsx and .csv) of the clauses of an analysis, or of a stratified random sample')
    .argument('[output]', "the output folder of 'policy-code analyze'", 'output')
    .requiredOption('-o, --out <file>', 'the sheet to write: review.xlsx (review.csv is written beside it)')
    .option('-n, --sample <n>', 'a random sample of n clauses, stratified by automatic primary code')
    .option('--seed <n>', 'seed of the random sample: the same seed draws the same clauses', '1')
    .option('--uncertain <n>', 'put the n clauses the coder is least confident about first (lowest confidence first)')
    .option('-c, --codebook <file>', 'YAML codebook (its codes are listed in the sheet)', DEFAULT_CODEBOOK)
    .addHelpText(
      'after',
      `
Examples:
  $ policy-code review export output/ --sample 200 --seed 1 --out review.xlsx
  $ policy-code review export output/ --uncertain 100 --out check-first.xlsx
  $ policy-code review export results/ --out all-clauses.xlsx

The sheet lists each clause with its automatic codes and evidence, a hash of its text, and
empty columns coder_primary, coder_secondary (;-separated) and comment for the reviewer.
Each stratum (automatic primary code) gets a share of the sample proportional to its size,
and at least one clause. With --uncertain n the n automatic codes with the lowest confidence
(clauses.csv's confidence column) come first, then the other clauses in their order; clauses
already coded by hand are never among them.`,
    )
    .action(
      runAction(async (output: string, opts: { out: string; sample?: string; seed: string; uncertain?: string; codebook: string }) => {
        refuseStdout('--out', opts.out, 'review export writes a workbook (.xlsx) and a .csv beside it', 'file');
        // Both files of the sheet: review.xlsx and review.csv beside it.
        const stem = opts.out.replace(/\.(xlsx|csv)$/i, '');
        for (const sheet of [`${stem}.xlsx`, `${stem}.csv`]) refuseInputAsOutput('--out', sheet, [join(output, 'clauses.csv'), join(output, 'documents.csv'), opts.codebook]);
        const seed = wholeNumber('--seed', opts.seed, 0);
        const sample = opts.sample === undefined ? undefined : { size: wholeNumber('--sample', opts.sample, 1), seed };
        const uncertain = opts.uncertain === undefined ? undefined : wholeNumber('--uncertain', opts.uncertain, 1);
        const r = await exportReview({ from: output, out: opts.out, codebook: opts.codebook, ...(sample ? { sample } : {}), ...(uncertain ? { uncertain } : {}) });
        process.stderr.write(`${r.clauses} of ${r.of} clauses written to ${r.files.join(' and ')}\n`);
        return EXIT.ok;
      }),
    );
}

function importCommand(): Command {
  return new Command('import')
    .description('store the codes of a filled review sheet as manual codes, applied over the automatic ones from then on')
    .argument('<sheet>', 'a filled review sheet (.xlsx or .csv)')
    .option('--from <output>', "the output folder of the analysis the sheet was exported from", 'output')
    .option('--manual <file>', 'the manual codes file to update (default: the one the analysis in --from applied, else codings/manual.csv beside that output folder)')
    .option('-c, --codebook <file>', 'YAML codebook the codes are checked against', DEFAULT_CODEBOOK)
    .addHelpText(
      'after',
      `
Examples:
  $ policy-code review import review.xlsx
  $ policy-code review import review.csv --from results/      (into codings/manual.csv beside results/)
  $ policy-code review import review.csv --from results/ --manual codings/manual.csv

Rows with a coder_primary are imported; rows left empty are skipped. A code is its id in any
case (strategic, Strategic) or its label as the sheet 'codes' shows it (策略性措施). A row whose
clause id names another clause since the corpus changed is found by its file and text.
Every problem (an unknown code or clause id, a clause whose text changed since the export, a
clause listed twice) is reported at once, and then nothing is imported. Imported codes replace earlier manual codes
of the same clauses; 'policy-code analyze' applies them (clauses.csv: code_source = manual).
Without --manual the codes go to the manual codes file the analysis in --from applied (its
run.json), else to codings/manual.csv in the folder that holds the output folder, wherever
import is run from; analyze and recode look there when the working folder has no
codings/manual.csv.`,
    )
    .action(
      runAction(async (sheet: string, opts: { from: string; manual?: string; codebook: string }) => {
        refuseStdout('--manual', opts.manual, 'review import updates the manual codes file', 'file');
        refuseInputAsOutput('--manual', opts.manual, [sheet, opts.codebook]);
        const r = await importReview({ sheet, from: opts.from, codebook: opts.codebook, ...(opts.manual ? { manual: opts.manual } : {}) });
        const moved = r.moved > 0 ? `; ${r.moved} rows found under a new clause id by their file and text: the corpus changed since the export` : '';
        process.stderr.write(`${r.imported} codes imported (${r.blank} rows without a code skipped${moved}); ${r.manual} now holds ${r.total} manual codes\n`);
        return EXIT.ok;
      }),
    );
}

export function reviewCommand(): Command {
  const review = new Command('review')
    .description('review clauses by hand: export a sheet for coders, import their codes as manual codes')
    .addHelpText(
      'after',
      `
Examples:
  $ policy-code review export output/ --sample 200 --seed 1 --out review.xlsx
  $ policy-code review import review-filled.xlsx
  $ policy-code review export --help`,
    )
    .addCommand(exportCommand())
    .addCommand(importCommand());
  for (const c of review.commands) c.exitOverride();
  return review;
}
