import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../core/errors.js';

/** Files in the corpus folder that are about the corpus, not part of it. */
const CORPUS_SIDE_FILES = new Set(['metadata.csv']);

/**
 * A folder that holds the outputs of a policy-code run (its run.json says so): an output folder
 * inside the corpus (`analyze corpus -o corpus/results`) is not read as documents by the next run,
 * whose report.html would otherwise be a document of its own corpus.
 */
async function isOutputFolder(dir: string): Promise<boolean> {
  const manifest = await readFile(join(dir, 'run.json'), 'utf8').catch(() => '');
  return /"tool":\s*"policy-code"/.test(manifest.slice(0, 200));
}

/**
 * Every file below `root`, recursively, as paths relative to it with '/' separators, in code-point
 * order so that document ids are the same on every machine. Hidden files and folders, and the output
 * folders of earlier runs, are skipped.
 */
export async function listInputs(root: string): Promise<string[]> {
  let info;
  try {
    info = await stat(root);
  } catch {
    throw new UserError('usage', `corpus folder not found: ${root}`);
  }
  if (!info.isDirectory()) throw new UserError('usage', `not a folder: ${root} (give the folder that holds the documents)`);
  const out: string[] = [];
  // Symbolic links are followed (researchers link documents into a study folder); each real folder is read once.
  const visited = new Set<string>();
  // Paths relative to the root are built name by name (path.relative for each of 1,000 files was
  // a hundredth of a re-code's time).
  const walk = async (dir: string, prefix: string) => {
    const real = await realpath(dir);
    if (visited.has(real)) return;
    visited.add(real);
    const entries = await readdir(dir, { withFileTypes: true });
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const full = join(dir, e.name);
      const target = e.isSymbolicLink() ? await stat(full).catch(() => null) : e;
      if (!target) continue; // a dangling link
      if (target.isDirectory()) {
        if (!(await isOutputFolder(full))) await walk(full, `${prefix}${e.name}/`);
      }
      else if (target.isFile()) out.push(prefix + e.name);
    }
  };
  await walk(root, '');
  return out.filter((f) => !CORPUS_SIDE_FILES.has(f)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
