import { Command } from 'commander';
import { toCsv } from '../export/csv.js';
import { codedUnitsTable, codeUnitsWith, readUnits } from '../pipeline/codeUnits.js';
import { DEFAULT_CODEBOOK } from '../pipeline/defaultCodebook.js';
import { EXIT, runAction } from './exitCodes.js';
import { refuseInputAsOutput, STDOUT, writeOutput } from './writeOutput.js';

export function codeUnitsCommand(): Command {
  return new Command('code-units')
    .description('code a table that already holds one clause per row (columns unit_id and text)')
    .argument('<units.csv>', 'CSV with unit_id and text; other columns are carried through')
    .option('-c, --codebook <file>', 'YAML codebook', DEFAULT_CODEBOOK)
    .option('-o, --out <file>', 'write the coded table here (default and -: standard output)')
    .option('--no-bom', 'no UTF-8 byte order mark in the CSV')
    .addHelpText(
      'after',
      `
Examples:
  $ policy-code code-units units.csv -o coded.csv
  $ policy-code code-units ../shared/gold/dev-units.csv --codebook codebooks/rothwell-zegveld.zh.yaml

Output columns: unit_id, primary, instruments, matched_terms, confidence, runner_up,
decided_by, then the input's other
columns (an input column named like an output one is kept as input_<name>).
'none' is the primary of a unit that nothing in the codebook matches.`,
    )
    .action(
      runAction(async (file: string, opts: { codebook: string; out?: string; bom: boolean }) => {
        refuseInputAsOutput('--out', opts.out, [file, opts.codebook]);
        const { units, columns } = await readUnits(file);
        const codings = await codeUnitsWith(opts.codebook, units);
        const out = opts.out ?? STDOUT;
        await writeOutput(out, toCsv(codedUnitsTable(units, columns, codings), { bom: opts.bom && out !== STDOUT }));
        return EXIT.ok;
      }),
    );
}
