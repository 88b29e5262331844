import { Command } from 'commander';
import { UserError } from '../core/errors.js';
import { diffCountsTable } from '../core/coding/diffCodings.js';
import { formatCodebookTree } from '../export/codebookTree.js';
import { toCsv } from '../export/csv.js';
import { toTextTable } from '../export/textTable.js';
import { checkCodebookFile, loadCodebook, problemLines } from '../io/readCodebook.js';
import { codebookDiff } from '../pipeline/codebookDiff.js';
import { codebookFitCommand } from './codebookFit.js';
import { parseJobs } from './extractionOptions.js';
import { EXIT, runAction } from './exitCodes.js';
import { listingStream, refuseInputAsOutput, writeOutput } from './writeOutput.js';
import { interruptible } from './interrupt.js';
import { progressReporter } from './progress.js';

/** Changed clauses shown on the terminal; the CSV has them all. */
const SHOWN_CHANGES = 20;

function checkCommand(): Command {
  return new Command('check')
    .description('validate codebooks and report every problem at once (file:line, YAML path, found, allowed)')
    .argument('<files...>', 'YAML codebooks')
    .addHelpText('after', `
Examples:
  $ policy-code codebook check codebooks/rothwell-zegveld.zh.yaml
  $ policy-code codebook check mine.yaml other.yaml

Exit code: 0 every codebook is valid, 2 some codebook has problems (each is listed).`)
    .action(
      runAction(async (files: string[]) => {
        const results = await Promise.all(files.map(async (f) => ({ file: f, ...(await checkCodebookFile(f)) })));
        for (const r of results.filter((r) => r.codebook)) {
          const c = r.codebook!;
          process.stdout.write(`${r.file}: ok (${c.name} ${c.version}, ${c.leaves.length} categories, ${c.leaves.reduce((a, l) => a + l.keywords.length, 0)} keywords, ${c.leaves.reduce((a, l) => a + l.patterns.length, 0)} patterns)\n`);
        }
        const problems = results.flatMap((r) => r.problems);
        if (problems.length > 0) {
          const bad = results.filter((r) => r.problems.length > 0).map((r) => r.file);
          throw new UserError('codebook', `invalid codebook ${bad.join(', ')} (${problems.length} problem${problems.length === 1 ? '' : 's'})`, problems.flatMap(problemLines));
        }
        return EXIT.ok;
      }),
    );
}

function showCommand(): Command {
  return new Command('show')
    .description('print the resolved codebook: the category tree with weights, conditions and exclusions as the coder uses them')
    .argument('<file>', 'YAML codebook')
    .option('--json', 'print the resolved codebook as JSON')
    .addHelpText('after', `
Examples:
  $ policy-code codebook show codebooks/rothwell-zegveld.zh.yaml
  $ policy-code codebook show codebooks/healthcare-blockchain-domains.zh.yaml --json`)
    .action(
      runAction(async (file: string, opts: { json?: boolean }) => {
        const { codebook } = await loadCodebook(file);
        process.stdout.write(opts.json ? JSON.stringify(codebook, null, 2) + '\n' : formatCodebookTree(codebook));
        return EXIT.ok;
      }),
    );
}

function diffCommand(): Command {
  return new Command('diff')
    .description('code a corpus with two versions of a codebook and show which clauses change codes')
    .argument('<old>', 'the codebook as it is')
    .argument('<new>', 'the edited codebook')
    .argument('<corpus>', 'folder of policy documents')
    .option('--csv <file>', 'write every changed clause (text, both codes, both evidence) to this CSV (-: standard output)')
    .option('--counts-csv <file>', 'write the per-category counts to this CSV (-: standard output)')
    .option('-j, --jobs <n>', 'documents read in parallel (default: number of cores)')
    .option('-q, --quiet', 'no progress, only the tables')
    .addHelpText('after', `
Examples:
  $ policy-code codebook diff codebooks/rothwell-zegveld.zh.yaml mine.yaml corpus/
  $ policy-code codebook diff old.yaml new.yaml corpus/ --csv changed.csv

Counts are clauses per primary code: before, after, the change, and how many clauses
each category gained and lost. Then up to ${SHOWN_CHANGES} changed clauses (all of them with --csv).`)
    .action(
      runAction(async (oldFile: string, newFile: string, corpus: string, opts: { csv?: string; countsCsv?: string; jobs?: string; quiet?: boolean }) => {
        const listing = listingStream(opts.csv, opts.countsCsv);
        refuseInputAsOutput('--csv', opts.csv, [oldFile, newFile]);
        refuseInputAsOutput('--counts-csv', opts.countsCsv, [oldFile, newFile]);
        const progress = progressReporter(opts.quiet === true, 'codebook diff');
        const report = await interruptible(progress, (signal) =>
          codebookDiff(oldFile, newFile, corpus, { ...(opts.jobs ? { extraction: { jobs: parseJobs(opts.jobs) } } : {}), onProgress: progress.tick, signal }),
        );
        for (const p of report.problems) process.stderr.write(`${p.file}: ${p.problem}\n`);
        const { diff } = report;
        const out: string[] = [
          `${report.oldBook.name} ${report.oldBook.version} -> ${report.newBook.name} ${report.newBook.version}: ` +
            `${diff.changes.length} of ${diff.clauses} clauses change codes (${diff.primaryChanged} change primary) in ${report.documents} documents`,
          '',
          toTextTable(diffCountsTable(diff)),
        ];
        if (diff.changes.length > 0) {
          out.push(`changed clauses${diff.changes.length > SHOWN_CHANGES ? ` (first ${SHOWN_CHANGES}; --csv for all)` : ''}:`);
          for (const { before: b, after: a } of diff.changes.slice(0, SHOWN_CHANGES)) {
            out.push(`  ${b.unitId}  ${b.primary} [${b.categories.join(';')}] -> ${a.primary} [${a.categories.join(';')}]`);
          }
        }
        listing.write(out.join('\n') + '\n');
        if (opts.csv) await writeOutput(opts.csv, toCsv(report.changedTable));
        if (opts.countsCsv) await writeOutput(opts.countsCsv, toCsv(diffCountsTable(diff)));
        return EXIT.ok;
      }),
    );
}

export function codebookCommand(): Command {
  return new Command('codebook')
    .description('check, show, compare and fit codebooks')
    .addCommand(checkCommand())
    .addCommand(showCommand())
    .addCommand(diffCommand())
    .addCommand(codebookFitCommand())
    .addHelpText('after', `
Examples:
  $ policy-code codebook check mine.yaml
  $ policy-code codebook show mine.yaml
  $ policy-code codebook diff codebooks/rothwell-zegveld.zh.yaml mine.yaml corpus/
  $ policy-code codebook fit mine.yaml my-codes.csv --out mine-fit.yaml`);
}
