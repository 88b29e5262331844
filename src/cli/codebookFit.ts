import { Command } from 'commander';
import { paramLabel } from '../core/coding/codebookWeights.js';
import { DEFAULT_FIT } from '../core/coding/fitWeights.js';
import { DEFAULT_PROPOSE, type ProposeOptions } from '../core/coding/proposeTerms.js';
import { UserError } from '../core/errors.js';
import type { CodingFigures } from '../core/reliability/codingFigures.js';
import { toTextTable } from '../export/textTable.js';
import { fitCodebook, type BeforeAfter, type FitCodebookReport } from '../pipeline/fitCodebook.js';
import { EXIT, runAction } from './exitCodes.js';
import { refuseInputAsOutput, refuseStdout } from './writeOutput.js';
import { wholeNumber } from './wholeNumber.js';

interface FitFlags {
  out: string;
  minGain: string;
  minDocs: string;
  maxChanges: string;
  grid: string;
  folds: string;
  check?: string[];
  addTerms?: boolean;
  addMinDocs: string;
  addMinUnits: string;
  addPrecision: string;
  addLower: string;
  addWeight: string;
  addMinGain: string;
}

/** An option's value as a number from `least` to `most`, or a usage error naming the option. */
function numberIn(flag: string, value: string, least: number, most: number): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < least || n > most) throw new UserError('usage', `${flag} takes a number from ${least} to ${most} (got '${value}')`);
  return n;
}

function proposeOptions(opts: FitFlags): ProposeOptions | null {
  if (!opts.addTerms) return null;
  return {
    minDocs: wholeNumber('--add-min-docs', opts.addMinDocs, 1),
    minUnits: wholeNumber('--add-min-units', opts.addMinUnits, 1),
    minPrecision: numberIn('--add-precision', opts.addPrecision, 0, 1),
    minLower: numberIn('--add-lower', opts.addLower, 0, 1),
    weight: numberIn('--add-weight', opts.addWeight, 0.01, 100),
    minGain: wholeNumber('--add-min-gain', opts.addMinGain, 0),
  };
}

function gridOf(value: string): number[] {
  const cells = value.split(',').map((v) => v.trim());
  const grid = cells.map(Number);
  if (cells.some((v) => v === '') || grid.some((w) => !Number.isFinite(w) || w < 0 || w > 100)) {
    throw new UserError('usage', `--grid takes weights from 0 to 100 separated by commas, e.g. 0,0.5,1,2,3 (got '${value}')`);
  }
  return [...new Set(grid)].sort((a, b) => a - b);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');
const arrow = (b: number, a: number) => `${f3(b)} -> ${f3(a)}`;

function figuresRow(name: string, x: BeforeAfter): Array<string | number> {
  const pick = (k: keyof CodingFigures) => arrow(x.before[k], x.after[k]);
  return [name, x.before.units, pick('kappa'), pick('accuracy'), pick('kappa70'), pick('shareDistance')];
}

/** What the command prints: the changes with their gains, then the figures before -> after. */
function reportText(r: FitCodebookReport, options: { folds: number; out: string }): string {
  const { fit } = r;
  const lines = [
    `${r.codebook.name} ${r.codebook.version} fitted on ${r.units} units of ${plural(r.documents, 'document')}: ${plural(fit.changes.length, 'change')} (training units coded right ${fit.correctBefore} -> ${fit.correctAfter})`,
  ];
  const folds = r.crossValidation?.folds ?? [];
  for (const c of fit.changes) {
    // How many fits on part of the documents made the same change: a change only some folds make fits their documents.
    const same = folds.filter((f) => f.changes.some((d) => d.param.key === c.param.key && d.to === c.to)).length;
    lines.push(
      `  ${paramLabel(c.param)}: ${c.from} -> ${c.to}${c.to === 0 ? ' (removed)' : ''}, net +${c.fixed.length - c.broken.length} units (fixed ${c.fixed.join(' ')}${c.broken.length ? `; broken ${c.broken.join(' ')}` : ''})` +
        ` in ${plural(c.documents, 'document')}${folds.length ? `; made by ${same} of ${folds.length} fold fits` : ''}`,
    );
  }
  if (r.added.length) lines.push(`${plural(r.added.length, 'term')} added (--add-terms; review each: a topic word or a word of one kind of document is no measure):`);
  for (const t of r.added) {
    const same = folds.filter((f) => f.added.some((a) => a.term === t.term && a.category === t.category)).length;
    lines.push(`  keyword ${t.term} (${t.category}): ${t.hits} of ${t.units} units in ${plural(t.documents, 'document')} (the code of most of its units in ${t.majorityDocuments}), precision ${f3(t.precision)}, lower bound ${f3(t.lower)}, tag ${t.tag}; alone it fixes ${t.fixed}, breaks ${t.broken}${folds.length ? `; added by ${same} of ${folds.length} fold fits` : ''}`);
  }
  const rows = [figuresRow('training units (learned from: no measure of quality)', r.training)];
  if (r.crossValidation) rows.push(figuresRow(`held out: ${r.crossValidation.folds.length}-fold cross-validation by document`, r.crossValidation));
  for (const c of r.checks) rows.push(figuresRow(`held out: ${c.file}`, c));
  lines.push('', 'before -> after (kappa and accuracy on the primary code; the 70 % most confident units; total variation distance of code shares)');
  lines.push(toTextTable({ name: 'fit', columns: ['units', 'n', 'kappa', 'accuracy', 'kappa, 70 % most confident', 'share distance'], rows }));
  if (r.crossValidation) {
    lines.push('changes made by the fit of each fold (fitted on the other folds):');
    r.crossValidation.folds.forEach((f, i) => {
      const made = [...f.changes.map((c) => `${paramLabel(c.param)} ${c.from} -> ${c.to}`), ...f.added.map((a) => `added ${a.term} (${a.category})`)];
      lines.push(`  fold ${i + 1} (${plural(f.documents.length, 'document')}, ${plural(f.units, 'unit')} held out): ${made.join('; ') || 'no change'}`);
    });
  } else if (options.folds >= 2) lines.push('no cross-validation: the units come from fewer than 2 documents');
  lines.push(`wrote ${options.out} (${r.codebook.name} ${r.version})`);
  return lines.join('\n') + '\n';
}

export function codebookFitCommand(): Command {
  return new Command('fit')
    .description("fit the weights of a codebook's own terms, topics, patterns and rules to human codes; write the fitted codebook as a new version")
    .argument('<codebook>', 'the YAML codebook to start from')
    .argument('<gold...>', 'CSV files of human-coded units: unit_id (or clause_id), doc (or doc_id), text, primary')
    .requiredOption('-o, --out <file>', 'where to write the fitted codebook (a new file)')
    .option('--min-gain <n>', 'least net gain, in units coded right, for a change', String(DEFAULT_FIT.minGain))
    .option('--min-docs <n>', 'least number of documents among the units a change fixes', String(DEFAULT_FIT.minDocs))
    .option('--max-changes <n>', 'most weight changes', String(DEFAULT_FIT.maxChanges))
    .option('--grid <weights>', 'the weights a term may take (0 removes it)', DEFAULT_FIT.grid.join(','))
    .option('--folds <k>', 'folds of the cross-validation by document (0: none)', '5')
    .option('--check <gold...>', 'also measure both versions on these human-coded units (documents the fit did not see)')
    .option('--add-terms', 'also propose new measure terms from the units and add them to the new version, marked "fit: added"')
    .option('--add-min-docs <n>', 'an added term: least number of documents among its units, and where its instrument is the code of most of them', String(DEFAULT_PROPOSE.minDocs))
    .option('--add-min-units <n>', 'an added term: least number of units holding it', String(DEFAULT_PROPOSE.minUnits))
    .option('--add-precision <p>', 'an added term: least share of its units coded with its instrument', String(DEFAULT_PROPOSE.minPrecision))
    .option('--add-lower <p>', 'an added term: least lower bound (Wilson, 95 %) of that share', String(DEFAULT_PROPOSE.minLower))
    .option('--add-weight <w>', 'the weight an added term gets', String(DEFAULT_PROPOSE.weight))
    .option('--add-min-gain <n>', 'an added term: least net gain in units coded right, added alone, fixed units in 2 or more documents (0: no check)', String(DEFAULT_PROPOSE.minGain))
    .addHelpText('after', `
Examples:
  $ policy-code codebook fit codebooks/rothwell-zegveld.zh.yaml my-codes.csv --out mine-fit.yaml
  $ policy-code codebook fit mine.yaml sample-a.csv --check sample-b.csv --out mine-fit.yaml --min-gain 3
  $ policy-code codebook diff mine.yaml mine-fit.yaml corpus/

Only the weights of terms, topics and patterns already in the codebook change, and the weights of
the decision rules; with --add-terms, words of the segmenter whose units carry one instrument in
several documents are added as keywords (docs/codebook-fit.md). Each change is marked in the new file with a "# fit:"
comment. The figures that count are the held-out ones: the cross-validation (each fold of
documents coded by a fit on the others) and the --check files.

Exit code: 0 written, 2 bad input (a gold file without its columns, codes the codebook does not
know, no coded units, an invalid codebook).`)
    .action(
      runAction(async (codebook: string, gold: string[], opts: FitFlags) => {
        refuseStdout('--out', opts.out, 'codebook fit writes the fitted codebook to a file (its report goes to standard output)', 'file');
        refuseInputAsOutput('--out', opts.out, [...gold, ...(opts.check ?? [])]);
        const folds = wholeNumber('--folds', opts.folds, 0);
        const fit = {
          grid: gridOf(opts.grid),
          minGain: wholeNumber('--min-gain', opts.minGain, 1),
          minDocs: wholeNumber('--min-docs', opts.minDocs, 1),
          maxChanges: wholeNumber('--max-changes', opts.maxChanges, 0),
        };
        const report = await fitCodebook({ codebook, gold, out: opts.out, fit, folds, check: opts.check ?? [], addTerms: proposeOptions(opts) });
        process.stdout.write(reportText(report, { folds, out: opts.out }));
        return EXIT.ok;
      }),
    );
}
