import { existsSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** A script to start in a child process or thread, and the node options it needs. */
export interface Script {
  path: string;
  execArgv: string[];
}

/**
 * The script `name` in the folder of the module at `moduleUrl`, in that module's own language: the
 * compiled `.js` when the module runs from dist/, the `.ts` source when it runs from src/ (under
 * vitest), started through scripts/runTypeScript.mjs. So a test runs the reader it tests, not the
 * last build.
 */
export function scriptBeside(moduleUrl: string, name: string): Script {
  const here = fileURLToPath(moduleUrl);
  const fromSource = here.endsWith('.ts');
  const path = join(dirname(here), `${name}${fromSource ? '.ts' : '.js'}`);
  if (!existsSync(path)) throw new Error(`script not found at ${path}: run npm run build`);
  if (!fromSource) return { path, execArgv: [] };
  const root = here.slice(0, here.lastIndexOf(`${sep}src${sep}`));
  return { path, execArgv: ['--import', pathToFileURL(join(root, 'scripts', 'runTypeScript.mjs')).href] };
}
