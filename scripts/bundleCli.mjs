// node scripts/bundleCli.mjs (run by `npm run build` after tsc): rewrites dist/cli/main.js, as tsc
// emitted it, into one module with the project's own code and the small pure-JavaScript packages
// every command loads (commander, zod, yaml, csv-stringify, csv-parse). Node then resolves and
// compiles a few modules instead of about 250: start-up of any command 0.26 s -> 0.12 s.
//
// What must stay true:
// - Every other file of dist/ stays as tsc wrote it: the PDF reader processes and coding threads
//   start dist/io/extract/pdfWorker.js and dist/pipeline/codeWorkerThread.js, and
//   io/PreparedCache.ts hashes the files of dist/core.
// - `import.meta.url` keeps meaning the module's own file in dist/ (scriptBeside, PACKAGE_ROOT,
//   createRequire of nodejieba): each module's is rewritten to its path relative to the bundle.
// - Packages with native code or that are loaded only by some commands stay outside (nodejieba,
//   pdf-parse, exceljs, resvg, mammoth, htmlparser2, ...), loaded from node_modules as before.
// - Without rolldown (an install without dev dependencies) dist/ stays as tsc wrote it, which runs
//   the same; so does a dist/cli/main.js that is already a bundle (this script run twice).
import { chmodSync, existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const MAIN = join(DIST, 'cli', 'main.js');
const MARK = '// policy-code: bundled by scripts/bundleCli.mjs';
const CHUNK = 'main-chunk-';
/** tsc's dist/cli/main.js, which imports the modules of dist/ one by one. */
const MODULES = 'main.modules.js';
const INSIDE = ['commander', 'zod', 'yaml', 'csv-stringify', 'csv-parse'];

const inside = (id) => INSIDE.some((p) => id === p || id.startsWith(`${p}/`));

/** Each module of dist/ gets its own import.meta.url back, relative to the bundle's. */
const ownUrl = {
  name: 'own-import-meta-url',
  transform(code, id) {
    if (!id.startsWith(DIST + sep)) return null;
    // Only import.meta.url is rewritten: the others would silently name the bundle's folder.
    const other = /import\.meta\.(dirname|filename|resolve)\b/.exec(code);
    if (other) this.error(`${relative(ROOT, id)} uses import.meta.${other[1]}: the bundled CLI supports import.meta.url only (scripts/bundleCli.mjs)`);
    if (!code.includes('import.meta.url')) return null;
    const rel = relative(join(DIST, 'cli'), id).split(sep).join('/');
    return code.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, import.meta.url).href`);
  },
};

async function main() {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} missing: run tsc -p tsconfig.json first`);
  if (readFileSync(MAIN, 'utf8').split('\n', 2).includes(MARK)) return console.log('bundleCli: dist/cli/main.js is already a bundle');
  let rolldown;
  try {
    ({ rolldown } = await import('rolldown'));
  } catch {
    return console.log('bundleCli: rolldown is not installed; dist/cli/main.js stays as tsc wrote it (it runs the same, slower to start)');
  }
  const out = join(DIST, 'cli', '.bundle');
  rmSync(out, { recursive: true, force: true });
  const bundle = await rolldown({
    input: MAIN,
    platform: 'node',
    // Only relative imports of dist/ and the packages named above are bundled.
    external: (id, importer) => !(id.startsWith('.') || id.startsWith('/') || (importer !== undefined && inside(id))) || id.startsWith('node:'),
    plugins: [ownUrl],
    logLevel: 'warn',
  });
  // Modules loaded on use (csv-parse, the HTML reader and htmlparser2) stay so, in chunks beside it.
  await bundle.write({ dir: out, format: 'esm', banner: (chunk) => (chunk.isEntry ? MARK : ''), entryFileNames: 'main.js', chunkFileNames: `${CHUNK}[name]-[hash].js` });
  await bundle.close();
  const here = join(DIST, 'cli');
  for (const f of readdirSync(here)) if (f.startsWith(CHUNK)) rmSync(join(here, f));
  // tsc's entry is kept beside the bundle (test/e2e/bundledCli.test.ts runs both on the same corpus).
  renameSync(MAIN, join(here, MODULES));
  for (const f of readdirSync(out)) renameSync(join(out, f), join(here, f));
  rmSync(out, { recursive: true, force: true });
}

await main();
// The package's bin: `npx policy-code` runs the file itself, and tsc and rolldown write it without the executable bit.
chmodSync(MAIN, 0o755);
