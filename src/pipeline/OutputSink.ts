/** Writes one output file (OutputStage.put). */
export type PutFile = (name: string, content: string | Uint8Array) => Promise<void>;

/** A file this large is written before the next is made: its string can go at once. */
const LARGE = 256 * 1024;

/**
 * Where a run's table files go as they are made. Without `put` they are kept (`files`), for a caller
 * that writes them itself. With it each is written at once: a large one is waited for, so that a
 * run of 5,000 documents does not hold its 20 MB of table files (summaries.json, documents.csv,
 * the 编码表 in four formats, ...) at the same time beside nodejieba's dictionary; small ones are
 * written side by side (fifty one after the other waited for each write's round trip). `settle`
 * waits for every write and then throws the first failure: a failed run aborts only once every
 * temporary file is there to be removed.
 */
export class OutputSink {
  readonly files = new Map<string, string | Uint8Array>();
  private readonly pending: Array<Promise<void>> = [];
  private failure: { error: unknown } | null = null;

  constructor(private readonly put?: PutFile) {}

  async add(name: string, content: string | Uint8Array): Promise<void> {
    if (!this.put) {
      this.files.set(name, content);
      return;
    }
    const written = this.put(name, content).catch((error: unknown) => {
      this.failure ??= { error };
    });
    if (content.length >= LARGE) await written;
    else this.pending.push(written);
  }

  async settle(): Promise<void> {
    await Promise.all(this.pending);
    if (this.failure) throw this.failure.error;
  }
}
