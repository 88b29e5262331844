import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readRerunSettings } from './rerunSettings.js';

/** Where a project keeps its manual codes, relative to the project folder. */
export const MANUAL_CODES_FILE = join('codings', 'manual.csv');

/** codings/manual.csv in the folder that holds the output folder `out`: a project's corpus/, output/ and codings/ sit side by side. */
export function manualFileBeside(out: string): string {
  return join(dirname(resolve(out)), MANUAL_CODES_FILE);
}

/**
 * The manual codes a run into `out` applies when --manual is not given: codings/manual.csv in the
 * working folder, else the one beside the output folder (where `review import` stores them when
 * it is run from another folder).
 */
export function manualCodesFile(out: string): string {
  return [MANUAL_CODES_FILE, manualFileBeside(out)].find((f) => existsSync(f)) ?? MANUAL_CODES_FILE;
}

/**
 * Where `review import` stores codes when --manual is not given: the file the analysis in `from`
 * applied (its run.json), so that recode and the next analyze apply them too; else
 * codings/manual.csv beside that output folder. Never a folder that depends on where import runs.
 */
export function importTarget(from: string): string {
  return readRerunSettings(from)?.manual ?? manualFileBeside(from);
}
