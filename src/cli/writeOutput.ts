import { resolve } from 'node:path';
import { UserError } from '../core/errors.js';
import { writeUserFile } from '../io/writeUserFile.js';

/**
 * `-o -` means standard output, as for other Unix tools, wherever the output is one text table
 * (code-units, kwic, agreement, codebook diff --csv/--counts-csv); a command that writes a folder,
 * a workbook or a file it keeps (the fitted codebook, the manual codes) refuses it (`refuseStdout`)
 * instead of writing a file or folder named "-".
 */
export const STDOUT = '-';

/**
 * Writes one text output to its file (atomically) or, for `-`, to standard output without the
 * byte order mark that Excel needs in a file but that a pipe would pass on as the first column's name.
 */
export async function writeOutput(path: string, text: string): Promise<void> {
  if (path !== STDOUT) return writeUserFile(path, text);
  await new Promise<void>((resolve) => process.stdout.write(text.replace(/^\ufeff/, ''), () => resolve()));
}

/** Where the command's own listing goes: standard error when standard output carries a table. */
export function listingStream(...outputs: Array<string | undefined>): NodeJS.WriteStream {
  if (outputs.filter((o) => o === STDOUT).length > 1) throw new UserError('usage', 'only one output can be standard output (-)');
  return outputs.includes(STDOUT) ? process.stderr : process.stdout;
}

/** One clear line for `-` where the output cannot be standard output: `what` the command writes, a `kind` of name to give. */
export function refuseStdout(option: string, path: string | undefined, what: string, kind: 'folder' | 'file'): void {
  if (path === STDOUT) throw new UserError('usage', `${option} -: ${what}; give a ${kind} name instead of - (standard output takes one table only)`);
}

/**
 * An output named like one of the command's inputs would replace it (`agreement a.csv b.csv -o
 * a.csv` wrote the table over coder A's codes): one line instead, before anything is read.
 */
export function refuseInputAsOutput(option: string, out: string | undefined, inputs: ReadonlyArray<string | undefined>): void {
  if (out === undefined || out === STDOUT) return;
  const input = inputs.find((i) => i !== undefined && resolve(i) === resolve(out));
  if (input !== undefined) throw new UserError('usage', `${option} ${out} is an input of this command (${input}); it would be overwritten: give another name`);
}

/**
 * Outputs written among the documents would be read as documents by the next run (report.html);
 * a folder inside the corpus is fine: the corpus listing skips the output folders of runs.
 */
export function refuseCorpusAsOutput(corpus: string | undefined, out: string): void {
  if (corpus !== undefined && resolve(corpus) === resolve(out)) {
    throw new UserError('usage', `--out ${out} is the corpus folder: the outputs would be read as documents next time; give another folder (one inside the corpus is fine)`);
  }
}
