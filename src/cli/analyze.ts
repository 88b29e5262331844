import { Command } from 'commander';
import { errorsSummary } from '../export/errorsSummary.js';
import { analyze } from '../pipeline/analyze.js';
import { DEFAULT_CODEBOOK } from '../pipeline/version.js';
import { EXIT, runAction } from './exitCodes.js';
import { extractorOptions, withExtractionOptions, type ExtractionFlags } from './extractionOptions.js';
import { progressReporter } from './progress.js';
import { addTableOptions, TABLE_OPTIONS_HELP, tableOptionsFrom, type TableFlags } from './tableOptions.js';

/** Collects repeated --codebook options in the order given. */
export function collectCodebooks(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function analyzeCommand(): Command {
  const command = new Command('analyze')
    .description('read every document in a corpus folder, split it into clauses, code them, and write the tables')
    .argument('<corpus>', 'folder of policy documents (.pdf, .txt, .html, .docx), read recursively')
    .option('-c, --codebook <file>', 'YAML codebook; repeat it to code with several (the first is the main one)', collectCodebooks, [] as string[])
    .option('-o, --out <dir>', 'folder for the tables', 'output')
    .option('-m, --metadata <file>', 'CSV with file, title, province, year, ... (default: <corpus>/metadata.csv if present)')
    .option('--manual <file>', 'manual codes to apply over the automatic ones (default: codings/manual.csv if present)')
    .option('-q, --quiet', 'print nothing but errors');
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
  $ policy-code analyze corpus/ --where province=广东 --years 2019-2023 --province-names en

Writes documents.csv, clauses.csv, summaries.json, the statistical tables (CSV, plus
Markdown and LaTeX in tables/, all in tables.xlsx), figures/ (SVG; PNG with --png), run.json.
Exit code: 0 all documents read, 1 some could not be read (see documents.csv),
2 usage error or invalid codebook (nothing written).
With several codebooks, clauses.csv gets <name>:primary, <name>:categories,
<name>:matched_terms and <name>:in_scope for each codebook after the first, and the
tables get categories_<name> and the cross-tabulation of the first codebook with it.
${TABLE_OPTIONS_HELP}`,
    )
    .action(
      runAction(async (corpus: string, opts: { codebook: string[]; out: string; metadata?: string; manual?: string; quiet?: boolean } & ExtractionFlags & TableFlags) => {
        const progress = progressReporter(opts.quiet === true, 'analyze');
        const report = await analyze({
          corpus,
          out: opts.out,
          codebooks: opts.codebook.length > 0 ? opts.codebook : [DEFAULT_CODEBOOK],
          ...(opts.metadata ? { metadata: opts.metadata } : {}),
          ...(opts.manual ? { manual: opts.manual } : {}),
          extraction: extractorOptions(opts),
          tables: tableOptionsFrom(opts),
          onProgress: progress.tick,
        });
        progress.end();
        process.stderr.write(errorsSummary(report.problems, opts.quiet ? [] : report.skipped));
        for (const m of report.manual.notApplied) process.stderr.write(`manual code ${m.clauseId} not applied: ${m.reason}\n`);
        if (report.manual.file && !opts.quiet) process.stderr.write(`${report.manual.applied} manual codes applied from ${report.manual.file}\n`);
        if (!opts.quiet) {
          const ok = report.documents.filter((d) => d.status === 'ok');
          const clauses = ok.reduce((a, d) => a + d.clauses, 0);
          const coded = ok.reduce((a, d) => a + d.codedClauses, 0);
          process.stderr.write(
            `${ok.length} of ${report.documents.length} documents coded, ${clauses} clauses (${coded} with a code)` +
              `${report.skipped.length ? `, ${report.skipped.length} files skipped (not a document type)` : ''}` +
              `${report.problems.length ? `, ${report.problems.length} could not be read` : ''}; tables in ${opts.out}/\n`,
          );
        }
        return report.problems.length > 0 ? EXIT.documentsFailed : EXIT.ok;
      }),
    );
}
