import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { writeFileAtomic } from './atomicWrite.js';
import { sha256 } from './hash.js';

const require = createRequire(import.meta.url);

/** Bump when what is stored changes. */
const FORMAT = 1;
let parserId: string | null = null;

/** The yaml package's version: another parser may turn the same text into other data. */
function yamlVersion(): string {
  parserId ??= String((require('yaml/package.json') as { version?: unknown }).version);
  return parserId;
}

/**
 * The data of YAML texts that parsed without an error (the parser's `toJS()`), by the sha256 of the
 * text and the yaml package's version, in V8's serialization (NaN, infinities and key order kept).
 * A codebook's 60 ms of parsing were a twentieth of a re-code of 1,000 documents; its data read
 * back takes a millisecond. Only data is kept: a text whose data is found is validated as usual,
 * and one that fails is parsed again to locate its problems by line. A damaged entry is a miss.
 */
export class YamlDataCache {
  constructor(
    private readonly dir: string,
    /** false (--no-cache): nothing is read; what is parsed is still stored. */
    private readonly readEntries = true,
  ) {}

  private entryPath(text: string): string {
    return join(this.dir, 'yaml', `v${FORMAT}`, `${sha256(`${yamlVersion()}\n${text}`)}.v8`);
  }

  get(text: string): { data: unknown } | null {
    if (!this.readEntries) return null;
    try {
      const entry = deserialize(readFileSync(this.entryPath(text))) as { text?: unknown; data?: unknown };
      // The text itself is kept beside its data: a hash is never taken for the text.
      return entry.text === text ? { data: entry.data } : null;
    } catch {
      return null;
    }
  }

  async put(text: string, data: unknown): Promise<void> {
    try {
      await writeFileAtomic(this.entryPath(text), serialize({ text, data }));
    } catch {
      // A cache that cannot be written only costs the next run the parsing.
    }
  }
}
