import { Command } from 'commander';
import { merge } from '../pipeline/merge.js';
import { collectCodebooks } from './analyze.js';
import { EXIT, runAction } from './exitCodes.js';
import { refuseStdout } from './writeOutput.js';
import { folderShown } from './folderShown.js';
import { notAppliedLine } from './notAppliedLine.js';

export function mergeCommand(): Command {
  return new Command('merge')
    .description('combine the partial results of `analyze --shard i/n` runs into the tables of one run')
    .argument('<parts...>', 'the --out folders of the shards (every shard 0/n ... n-1/n, once)')
    .option('-o, --out <dir>', 'folder for the tables', 'output')
    .option('-c, --codebook <file>', 'the codebooks the shards used, in order (default: the files they recorded; the content must be the same)', collectCodebooks, [] as string[])
    .addHelpText(
      'after',
      `
Examples:
  $ for i in 0 1 2 3; do policy-code analyze corpus/ --shard $i/4 --out parts/$i; done
  $ policy-code merge parts/0 parts/1 parts/2 parts/3 --out results/

Writes the same documents.csv, clauses.csv, instruments.csv, ... as one analyze run over the
whole corpus, byte for byte. Exit code: 0 merged, 1 some documents could not be read or a manual code could not be placed,
2 a shard is missing, repeated, from another corpus or codebook (nothing written).`,
    )
    .action(
      runAction(async (parts: string[], opts: { out: string; codebook: string[] }) => {
        refuseStdout('--out', opts.out, 'merge writes a folder of tables', 'folder');
        const report = await merge({ parts, out: opts.out, ...(opts.codebook.length > 0 ? { codebooks: opts.codebook } : {}) });
        for (const m of report.notApplied) process.stderr.write(notAppliedLine(m));
        process.stderr.write(`${report.notes}merged ${parts.length} partial results: ${report.documents} documents; tables in ${folderShown(opts.out)}\n`);
        // As analyze: a manual code no shard could place is a result that differs from what a person decided.
        return report.problems > 0 || report.notApplied.length > 0 ? EXIT.documentsFailed : EXIT.ok;
      }),
    );
}
