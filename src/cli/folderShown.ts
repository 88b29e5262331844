/**
 * A folder as the end-of-run line names it: with one trailing slash, however it was given, so that
 * `--out results/` reads `results/`, not `results//`.
 */
export function folderShown(dir: string): string {
  return /[/\\]$/.test(dir) ? dir : `${dir}/`;
}

/** `1 file`, `2 files`: the end-of-run lines count in words a reader does not stumble over. */
export function countOf(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
