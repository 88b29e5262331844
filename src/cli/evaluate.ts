import { Command } from 'commander';
import { toTextTable } from '../export/textTable.js';
import { evaluate, evaluationJson, evaluationTables } from '../pipeline/evaluate.js';
import { DEFAULT_CODEBOOK } from '../pipeline/defaultCodebook.js';
import { writeReportTables } from '../pipeline/writeReportTables.js';
import { EXIT, runAction } from './exitCodes.js';
import { refuseStdout } from './writeOutput.js';
import { wholeNumber } from './wholeNumber.js';

interface EvaluateFlags {
  codebook: string;
  out?: string;
  json?: boolean;
  suggest?: boolean;
  minFreq: string;
  top: string;
}

export function evaluateCommand(): Command {
  return new Command('evaluate')
    .description('code human-coded units with the codebook and compare: kappa, precision/recall/F1, confusion table, errors')
    .argument('<gold.csv>', 'CSV with unit_id (or clause_id), text, primary and optional secondary (;-separated)')
    .option('-c, --codebook <file>', 'YAML codebook', DEFAULT_CODEBOOK)
    .option('-o, --out <dir>', 'write every table as CSV and Markdown into this folder')
    .option('--json', 'print the results as JSON instead of tables')
    .option('--suggest', 'also suggest codebook terms: key terms per instrument the codebook lacks, and terms that misfire')
    .option('--min-freq <n>', 'with --suggest: least occurrences of a suggested term in the instrument\'s units', '3')
    .option('--top <n>', 'with --suggest: suggested terms per instrument', '10')
    .addHelpText(
      'after',
      `
Examples:
  $ policy-code evaluate ../shared/gold/dev-units.csv
  $ policy-code evaluate gold.csv --codebook my-codebook.yaml --out evaluation/
  $ policy-code evaluate gold.csv --suggest --top 15 --json > evaluation.json
  $ policy-code evaluate codings/manual.csv        (your own reviewed clauses)

Strict figures compare the automatic primary code with the human primary code. The lenient
agreement also accepts a human secondary code; it is reported beside the strict figures,
never instead of them. Macro averages count an undefined precision or recall as 0; micro
averages pool the instruments and leave 'none' out. Key terms are scored by log-likelihood
(G2) of an instrument's units against all other units.`,
    )
    .action(
      runAction(async (gold: string, opts: EvaluateFlags) => {
        refuseStdout('--out', opts.out, 'evaluate writes a folder of tables (--json prints them)', 'folder');
        const top = wholeNumber('--top', opts.top, 1);
        const minFrequency = wholeNumber('--min-freq', opts.minFreq, 1);
        const result = await evaluate({ gold, codebook: opts.codebook, ...(opts.suggest ? { suggest: { top, minFrequency } } : {}) });
        const tables = evaluationTables(result);
        if (opts.out) await writeReportTables(opts.out, tables);
        if (opts.json) {
          process.stdout.write(JSON.stringify(evaluationJson(result), null, 2) + '\n');
          return EXIT.ok;
        }
        for (const t of tables) {
          if (t.name === 'evaluation_errors') {
            process.stdout.write(`${t.rows.length} units coded differently from the human primary${opts.out ? ` (listed in ${opts.out}/evaluation_errors.csv)` : ' (list them with --out DIR or --json)'}\n\n`);
            continue;
          }
          process.stdout.write(`${t.name}\n${toTextTable(t)}\n`);
        }
        return EXIT.ok;
      }),
    );
}
