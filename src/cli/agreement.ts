import { Command } from 'commander';
import { toTextTable } from '../export/textTable.js';
import { agreement, agreementJson, agreementTable } from '../pipeline/agreement.js';
import { writeTableFile } from '../pipeline/writeReportTables.js';
import { UserError } from '../core/errors.js';
import { toCsv } from '../export/csv.js';
import { EXIT, runAction } from './exitCodes.js';
import { listingStream, refuseInputAsOutput, STDOUT, writeOutput } from './writeOutput.js';

export function agreementCommand(): Command {
  return new Command('agreement')
    .description("inter-coder agreement: percent agreement, Holsti, Cohen's and Fleiss' kappa, Krippendorff's alpha")
    .argument('<coder.csv...>', 'one .csv or .xlsx per coder: unit_id (or clause_id), primary, optional secondary (;-separated), or a filled review sheet')
    .option('-c, --codebook <file>', 'list the categories in this codebook\'s order and refuse codes it does not have')
    .option('-o, --out <file>', 'also write the table to a .csv or .md file (-: CSV on standard output, the table then goes to standard error)')
    .option('--json', 'print the results as JSON instead of a table')
    .addHelpText(
      'after',
      `
Examples:
  $ policy-code agreement coder-a.csv coder-b.csv
  $ policy-code agreement a.csv b.csv c.csv --out agreement.md
  $ policy-code agreement a.csv b.csv --json
  $ policy-code agreement review-li.xlsx review-wang.xlsx      (two coders' filled review sheets)

The first row compares the primary codes ('none' included) as one nominal variable; then each
category is compared as presence/absence (primary or secondary). A unit missing from a file,
or with an empty primary, is a missing value. Cohen's kappa (two coders only) and Fleiss' kappa
use the units every coder coded (units_complete); Krippendorff's alpha (nominal) and percent
agreement use the units at least two coders coded (units_pairable); Holsti is 2M/(N1+N2),
averaged over the pairs of coders that coded a unit in common. An empty cell: the coefficient is
undefined (e.g. no variation). Files without a unit id in common are refused.`,
    )
    .action(
      runAction(async (files: string[], opts: { codebook?: string; out?: string; json?: boolean }) => {
        if (opts.json && opts.out === STDOUT) throw new UserError('usage', '--json and --out - both write to standard output: choose one');
        const listing = listingStream(opts.out);
        refuseInputAsOutput('--out', opts.out, [...files, opts.codebook]);
        const report = await agreement(files, opts.codebook);
        const table = agreementTable(report);
        if (opts.json) process.stdout.write(JSON.stringify(agreementJson(report, files), null, 2) + '\n');
        else listing.write(`${report.coders} coders, ${report.units} units\n${toTextTable(table)}`);
        if (opts.out === STDOUT) await writeOutput(STDOUT, toCsv(table));
        else if (opts.out) await writeTableFile(opts.out, table);
        return EXIT.ok;
      }),
    );
}
