import { existsSync, statSync } from 'node:fs';
import { Command } from 'commander';
import { toCsv } from '../export/csv.js';
import { padEnd, padStart } from '../export/textTable.js';
import { kwic } from '../pipeline/kwic.js';
import { DEFAULT_CODEBOOK } from '../pipeline/defaultCodebook.js';
import { collectCodebooks } from './analyze.js';
import { parseJobs } from './extractionOptions.js';
import { EXIT, runAction } from './exitCodes.js';
import { listingStream, refuseInputAsOutput, writeOutput } from './writeOutput.js';
import { interruptible } from './interrupt.js';
import { progressReporter } from './progress.js';
import { UserError } from '../core/errors.js';

function parseWidth(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 500) throw new UserError('usage', `--width takes a whole number from 1 to 500 (got '${value}')`);
  return n;
}

/** `kwic corpus/ 补贴`: the folder given first is the likely slip, worth naming instead of "corpus folder not found: 补贴". */
function swappedArguments(term: string, corpus: string): void {
  if (!existsSync(corpus) && existsSync(term) && statSync(term).isDirectory()) {
    throw new UserError('usage', `corpus folder not found: ${corpus}; the term comes first: policy-code kwic <term> <corpus> (${term} is a folder)`);
  }
}

export function kwicCommand(): Command {
  return new Command('kwic')
    .description('show every occurrence of a term in a corpus with its context and clause id (keyword in context)')
    .argument('<term>', 'the term, e.g. 区块链')
    .argument('<corpus>', 'folder of policy documents')
    .option('-c, --codebook <file>', 'codebook whose terms shape the segmentation, as in analyze (repeatable)', collectCodebooks, [] as string[])
    .option('-w, --width <n>', 'characters of context on each side', '20')
    .option('--substring', 'also list occurrences inside longer words, which the coder would not match')
    .option('-o, --out <file>', 'write the occurrences to this CSV (-: standard output, the listing then goes to standard error)')
    .option('-j, --jobs <n>', 'documents read in parallel (default: number of cores)')
    .option('-q, --quiet', 'no progress')
    .addHelpText('after', `
Examples:
  $ policy-code kwic 区块链 corpus/
  $ policy-code kwic 印度 corpus/ --substring --width 10
  $ policy-code kwic 平台 corpus/ -o kwic-平台.csv

By default only occurrences on word boundaries are listed: where the coder would match the
term if it were a keyword (the term is added to the segmenter's dictionary, as a keyword is).
--substring lists the others too (column word_boundary = no; segmented_as shows the
tokens there: one longer word such as 印度尼西亚, or a cut across the term such as 监督|管理工作).`)
    .action(
      runAction(async (term: string, corpus: string, opts: { codebook: string[]; width: string; substring?: boolean; out?: string; jobs?: string; quiet?: boolean }) => {
        const width = parseWidth(opts.width);
        swappedArguments(term, corpus);
        const listing = listingStream(opts.out);
        refuseInputAsOutput('--out', opts.out, opts.codebook);
        const progress = progressReporter(opts.quiet === true, 'kwic');
        const report = await interruptible(progress, (signal) =>
          kwic(term, corpus, {
            codebooks: opts.codebook.length > 0 ? opts.codebook : [DEFAULT_CODEBOOK],
            width,
            substring: opts.substring === true,
            ...(opts.jobs ? { extraction: { jobs: parseJobs(opts.jobs) } } : {}),
            onProgress: progress.tick,
            signal,
          }),
        );
        for (const p of report.problems) process.stderr.write(`${p.file}: ${p.problem}\n`);
        const idWidth = Math.max(0, ...report.lines.map((o) => o.clauseId.length));
        // Clause text keeps its line breaks; a concordance line must stay on one line.
        const flat = (s: string) => s.replace(/\s+/g, ' ');
        const lines = report.lines.map((o) => {
          const why = o.segmentedAs.includes('|') ? `cut as ${flat(o.segmentedAs)}` : `inside the word ${flat(o.segmentedAs)}`;
          return `${padEnd(flat(o.clauseId), idWidth)}  ${padStart(flat(o.left), width * 2)} 【${flat(o.term)}】 ${flat(o.right)}${o.onBoundary ? '' : `  (not matched: ${why})`}`;
        });
        const summary =
          `${term.trim()}: ${report.onBoundary} occurrence${report.onBoundary === 1 ? '' : 's'} on word boundaries` +
          `, ${report.insideWords} not (inside a longer word or cut across by the segmenter)${report.insideWords > 0 && !opts.substring ? ' (list them with --substring)' : ''}` +
          `; ${report.keywordOf.length ? `keyword of ${report.keywordOf.join(', ')}` : 'not a keyword of the codebook'}`;
        listing.write([...lines, summary].join('\n') + '\n');
        if (opts.out) await writeOutput(opts.out, toCsv(report.table));
        return EXIT.ok;
      }),
    );
}
