/**
 * A folder as the end-of-run line names it: with one trailing slash, however it was given, so that
 * `--out results/` reads `results/`, not `results//`.
 */
export function folderShown(dir: string): string {
  return /[/\\]$/.test(dir) ? dir : `${dir}/`;
}
