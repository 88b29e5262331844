/** `1 file`, `2 files`: the end-of-run lines count in words a reader does not stumble over. */
export function countOf(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
