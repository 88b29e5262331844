import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

/** The package root: two levels above this file, both in src/ and in dist/. */
const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const VERSION: string = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** The default codebook shipped with the package, found relative to the package, not the working directory. */
export const DEFAULT_CODEBOOK = join(PACKAGE_ROOT, 'codebooks', 'rothwell-zegveld.zh.yaml');
