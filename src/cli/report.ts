import { Command } from 'commander';
import { report } from '../pipeline/report.js';
import { EXIT, runAction } from './exitCodes.js';
import { refuseStdout } from './writeOutput.js';
import { addTableOptions, TABLE_OPTIONS_HELP, tableOptionsFrom, type TableFlags } from './tableOptions.js';
import { folderShown } from './folderShown.js';

export function reportCommand(): Command {
  return addTableOptions(
    new Command('report')
      .description('rebuild the tables, figures and report.html of an earlier analyze run from its summaries.json and clauses.csv, without coding again')
      .argument('<output-dir>', 'the output folder of policy-code analyze')
      .option('-o, --out <dir>', 'folder for the tables (default: <output-dir> itself)'),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ policy-code report output/
  $ policy-code report output/ --where province=广东 --out output-guangdong/
  $ policy-code report output/ --years 2019-2023 --level provincial --lang en --png --out sub/
  $ policy-code report output/ --provinces all --reliability evaluation.json
${TABLE_OPTIONS_HELP}`,
    )
    .action(
      runAction(async (dir: string, opts: TableFlags & { out?: string; quiet?: boolean }) => {
        refuseStdout('--out', opts.out, 'report writes a folder of tables', 'folder');
        const result = await report({ from: dir, out: opts.out ?? dir, tables: tableOptionsFrom(opts) });
        const left = result.selected - result.counted;
        const notCounted = left ? `; ${left} of them not counted: see status in documents.csv` : '';
        process.stderr.write(`${result.counted} ${result.counted === 1 ? 'policy' : 'policies'} in the tables (${result.selected} of ${result.documents} documents selected${notCounted}); ${result.outputs.length} files in ${folderShown(opts.out ?? dir)}\n`);
        return EXIT.ok;
      }),
    );
}
