#!/usr/bin/env node
import { Command } from 'commander';
import { VERSION } from '../pipeline/version.js';
import { analyzeCommand } from './analyze.js';
import { agreementCommand } from './agreement.js';
import { codebookCommand } from './codebook.js';
import { codeUnitsCommand } from './codeUnits.js';
import { evaluateCommand } from './evaluate.js';
import { extractCommand } from './extract.js';
import { kwicCommand } from './kwic.js';
import { reportCommand } from './report.js';
import { reviewCommand } from './review.js';
import { showCommand } from './show.js';
import { endQuietlyOnClosedOutput, reportError } from './exitCodes.js';
import { mergeCommand } from './merge.js';
import { recodeCommand } from './recode.js';

endQuietlyOnClosedOutput();

/** Every subcommand, one file each; add new ones here. */
const COMMANDS = [analyzeCommand, extractCommand, showCommand, codeUnitsCommand, codebookCommand, kwicCommand, evaluateCommand, agreementCommand, reviewCommand, reportCommand, mergeCommand, recodeCommand];

const program = new Command('policy-code')
  .description('Content analysis of Chinese policy texts: extract, split into clauses, code with a codebook, publish tables.')
  .version(VERSION, '-V, --version')
  .showHelpAfterError('(run with --help for usage)')
  .addHelpText(
    'after',
    `
Examples:
  $ policy-code analyze corpus/
  $ policy-code extract corpus/ && policy-code show corpus/ D001
  $ policy-code code-units units.csv -o coded.csv
  $ policy-code codebook check my-codebook.yaml
  $ policy-code kwic 区块链 corpus/
  $ policy-code report output/ --where province=广东 --out output-guangdong/
  $ policy-code <command> --help`,
  );

for (const make of COMMANDS) program.addCommand(make());
program.exitOverride();
// Nested groups (codebook check/show/diff) need the override too, or commander exits by itself.
const override = (c: Command): void => {
  c.exitOverride();
  c.commands.forEach(override);
};
program.commands.forEach(override);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  process.exitCode = reportError(err);
}
