import { Command } from 'commander';
import { errorsSummary } from '../export/errorsSummary.js';
import { runNotes } from '../export/runNotes.js';
import { analyze } from '../pipeline/analyze.js';
import { CODING_UNITS, type CodingUnit } from '../core/clauses/segmentText.js';
import { UserError } from '../core/errors.js';
import { parseShard } from '../pipeline/parseShard.js';
import { DEFAULT_CODEBOOK } from '../pipeline/defaultCodebook.js';
import { EXIT, runAction } from './exitCodes.js';
import { refuseCorpusAsOutput, refuseStdout } from './writeOutput.js';
import { extractorOptions, withExtractionOptions, type ExtractionFlags } from './extractionOptions.js';
import { interruptOnSignals } from './interrupt.js';
import { progressReporter } from './progress.js';
import { addTableOptions, TABLE_OPTIONS_HELP, tableOptionsFrom, type TableFlags } from './tableOptions.js';
import { countOf } from './countOf.js';
import { folderShown } from './folderShown.js';
import { notAppliedLine } from './notAppliedLine.js';

export const UNIT_HELP = "unit of coding: item (the numbered item or article whole, with its heading and responsibility tag) or sentence (items over 200 characters cut at sentence ends); default: the main codebook's unit, else item";

/** The --unit flag, checked: a misspelt unit is a usage error before anything is read. */
function parseUnit(value: string | undefined): CodingUnit | undefined {
  if (value === undefined) return undefined;
  if (!(CODING_UNITS as readonly string[]).includes(value)) throw new UserError('usage', `--unit ${value}: the unit is item or sentence`);
  return value as CodingUnit;
}

/** Collects repeated --codebook options in the order given. */
export function collectCodebooks(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function analyzeCommand(): Command {
  const command = new Command('analyze')
    .description('read every document in a corpus folder, split it into clauses, code them, and write the tables')
    .argument('<corpus>', 'folder of policy documents (.pdf, .txt, .html, .docx; .doc and .wps with LibreOffice), read recursively')
    .option('-c, --codebook <file>', 'YAML codebook; repeat it to code with several (the first is the main one)', collectCodebooks, [] as string[])
    .option('-o, --out <dir>', 'folder for the tables', 'output')
    .option('-m, --metadata <file>', 'CSV with file, title, province, year, ... (default: <corpus>/metadata.csv if present)')
    .option('--manual <file>', 'manual codes to apply over the automatic ones (default: codings/manual.csv here, else beside the output folder, if present)')
    .option('-q, --quiet', 'print nothing but errors')
    .option('--unit <unit>', UNIT_HELP)
    .option('--shard <i/n>', 'process only documents whose index mod n is i and write a partial result for `policy-code merge`');
  return addTableOptions(withExtractionOptions(command))
    .addHelpText(
      'after',
      `
Examples:
  $ policy-code analyze corpus/
  $ policy-code analyze ~/policies --out results/ --codebook my-codebook.yaml
  $ policy-code analyze corpus/ --metadata corpus/metadata.csv --jobs 2 --quiet
  $ policy-code analyze corpus/ --codebook codebooks/rothwell-zegveld.zh.yaml \
      --codebook codebooks/healthcare-blockchain-domains.zh.yaml
  $ policy-code analyze corpus/ --shard 3/10 --out parts/3    (then: policy-code merge parts/* --out results/)

Writes documents.csv, clauses.csv, summaries.json, the statistical tables (CSV, plus
Markdown and LaTeX in tables/, all in tables.xlsx), figures/ (SVG; PNG with --png), run.json,
and report.html (one self-contained page: the tables, the figures and every clause with its
evidence, to open in a browser; see docs/report-html.md).
Exit code: 0 all documents read, 1 some could not be read (see documents.csv) or a manual code could not be placed,
2 usage error, invalid codebook or output folder in use (nothing written), 130
interrupted (Ctrl-C; 143 for SIGTERM): outputs left as they were; run again to resume
from the cache.
With several codebooks, clauses.csv gets <name>:primary, <name>:categories,
<name>:matched_terms and <name>:in_scope for each codebook after the first, and the
tables get categories_<name> and the cross-tabulation of the first codebook with it.
${TABLE_OPTIONS_HELP}`,
    )
    .action(runAction((corpus: string, opts: AnalyzeFlags) => runAnalyze(corpus, opts, 'analyze')));
}

export interface AnalyzeFlags extends ExtractionFlags, TableFlags {
  codebook: string[];
  out: string;
  metadata?: string;
  manual?: string;
  quiet?: boolean;
  shard?: string;
  unit?: string;
}

/**
 * analyze and recode: runs the pipeline with Ctrl-C handling and progress, reports on stderr, and
 * returns the exit code. recode is the same run, said to be one: its text comes from the cache.
 */
export async function runAnalyze(corpus: string, opts: AnalyzeFlags, command: 'analyze' | 'recode'): Promise<number> {
  refuseStdout('--out', opts.out, `${command} writes a folder of tables`, 'folder');
  refuseCorpusAsOutput(corpus, opts.out);
  const shard = opts.shard ? parseShard(opts.shard) : undefined;
  const unit = parseUnit(opts.unit);
  const bars = { extract: progressReporter(opts.quiet === true, `${command} (extract)`), code: progressReporter(opts.quiet === true, `${command} (code)`) };
  let current: 'extract' | 'code' = 'extract';
  const progress = {
    tick: (done: number, total: number, file: string, phase: 'extract' | 'code') => {
      if (phase !== current) bars[current].end();
      current = phase;
      bars[phase].tick(done, total, file);
    },
    end: () => bars[current].end(),
  };
  const interrupt = interruptOnSignals();
  const report = await analyze({
    corpus,
    out: opts.out,
    codebooks: opts.codebook.length > 0 ? opts.codebook : [DEFAULT_CODEBOOK],
    ...(opts.metadata ? { metadata: opts.metadata } : {}),
    ...(opts.manual ? { manual: opts.manual } : {}),
    ...(unit ? { unit } : {}),
    extraction: extractorOptions(opts),
    tables: tableOptionsFrom(opts),
    ...(shard ? { shard } : {}),
    signal: interrupt.signal,
    onStage: interrupt.onStage,
    onProgress: progress.tick,
  }).finally(() => {
    interrupt.dispose();
    progress.end();
  });
  if (!opts.quiet) process.stderr.write(`${command}: codebook ${report.codebook.name} ${report.codebook.version} (${report.codebook.file}), unit ${report.unit}\n`);
  process.stderr.write(errorsSummary(report.problems, opts.quiet ? [] : report.skipped));
  if (!opts.quiet && !shard) process.stderr.write(runNotes(report.documents));
  for (const m of report.manual.notApplied) process.stderr.write(notAppliedLine(m));
  if (report.manual.file && !opts.quiet) process.stderr.write(`${report.manual.applied} manual codes applied from ${report.manual.file}\n`);
  if (command === 'recode' && report.extraction.extracted > 0) {
    process.stderr.write(`recode: ${report.extraction.extracted} of ${report.documents.length} documents were not in the extraction cache and were extracted again\n`);
  }
  if (!opts.quiet) {
    const ok = report.documents.filter((d) => d.status === 'ok');
    const clauses = ok.reduce((a, d) => a + d.clauses, 0);
    const coded = ok.reduce((a, d) => a + d.codedClauses, 0);
    process.stderr.write(
      `${ok.length} of ${report.documents.length} documents coded, ${clauses} clauses (${coded} with a code)` +
        `${shard ? ` (shard ${shard.index}/${shard.count})` : ''}` +
        `${report.skipped.length ? `, ${countOf(report.skipped.length, 'file')} skipped (not a document type)` : ''}` +
        `${report.problems.length ? `, ${report.problems.length} could not be read` : ''}; ${shard ? 'partial result' : 'tables'} in ${folderShown(opts.out)}\n`,
    );
  }
  // A manual code that could not be placed is a result that differs from what a person decided: say so in the status.
  return report.problems.length > 0 || report.manual.notApplied.length > 0 ? EXIT.documentsFailed : EXIT.ok;
}
