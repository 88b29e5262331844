import { spawnSync } from 'node:child_process';
import { UserError } from '../../core/errors.js';
import type { PdfEngine, PdfEngineChoice } from './PdfReader.js';

const checked = new Map<string, boolean>();

/** The pdftotext a run uses: $POLICY_CODE_PDFTOTEXT, else pdftotext on PATH. */
export function pdftotextCommand(env: NodeJS.ProcessEnv = process.env): string {
  return env.POLICY_CODE_PDFTOTEXT ?? 'pdftotext';
}

/** Whether pdftotext runs here (checked once per process and executable). */
export function pdftotextAvailable(command = pdftotextCommand()): boolean {
  let ok = checked.get(command);
  if (ok === undefined) {
    ok = spawnSync(command, ['-v'], { stdio: 'ignore', timeout: 30_000 }).status === 0;
    checked.set(command, ok);
  }
  return ok;
}

/**
 * The engine a run reads PDFs with. auto: poppler where pdftotext is installed (the same clauses as
 * pdf-parse, test/e2e/pdfEngineAgreement.test.ts, in a tenth of the time), else the built-in pdf-parse.
 * Asking for poppler without it is a usage error before anything is read.
 */
export function resolvePdfEngine(choice: PdfEngineChoice, command = pdftotextCommand()): PdfEngine {
  if (choice === 'pdf-parse') return 'pdf-parse';
  if (pdftotextAvailable(command)) return 'poppler';
  if (choice === 'poppler') throw new UserError('usage', `--pdf-engine poppler: ${command} is not installed (apt-get install -y poppler-utils), or use --pdf-engine pdf-parse`);
  return 'pdf-parse';
}
