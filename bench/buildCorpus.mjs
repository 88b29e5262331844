// Builds a benchmark (or test) corpus of any size from the text PDFs and TXT files of
// ../shared/corpus: copies under new names, each made unique so that no two documents share a
// content hash (the caches are keyed by content; identical copies would all be cache hits).
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';

/** Text PDFs (not the scans, not the gazettes whose fonts give no text) and the TXT files. */
export function sourceFiles(corpusDir, kinds = ['pdf', 'txt']) {
  return readdirSync(corpusDir)
    .filter((f) => (kinds.includes('txt') && f.endsWith('.txt')) || (kinds.includes('pdf') && f.endsWith('.pdf') && !/SCANNED|GAZETTE/.test(f)))
    .sort();
}

/**
 * Writes `count` documents into `target` (created): source files in turn, named d00001_<source>.
 * A PDF copy gets a comment after its end (readers ignore it); a TXT copy gets a closing line
 * with its number. Returns the list of written names.
 */
export function buildCorpus(corpusDir, target, count, kinds) {
  mkdirSync(target, { recursive: true });
  const sources = sourceFiles(corpusDir, kinds);
  if (sources.length === 0) throw new Error(`no source documents in ${corpusDir}`);
  const names = [];
  for (let i = 0; i < count; i++) {
    const src = sources[i % sources.length];
    const name = `d${String(i + 1).padStart(5, '0')}_${src}`;
    const to = join(target, name);
    const copy = Math.floor(i / sources.length);
    if (src.endsWith('.pdf')) {
      copyFileSync(join(corpusDir, src), to);
      if (copy > 0) appendFileSync(to, `\n%policy-code copy ${copy}\n`);
    } else {
      const text = readFileSync(join(corpusDir, src));
      writeFileSync(to, copy > 0 ? Buffer.concat([text, Buffer.from(`\n（副本${copy}）\n`)]) : text);
    }
    names.push(name);
  }
  return names;
}
