import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileCodebook } from '../../src/core/coding/compileCodebook.js';
import { codebookTerms } from '../../src/core/codebook/Codebook.js';
import { prepareDocument } from '../../src/core/prepareDocument.js';
import { pdftotextAvailable } from '../../src/io/extract/resolvePdfEngine.js';
import { loadCodebooks } from '../../src/io/readCodebook.js';
import { addWords, segment } from '../../src/io/segmenter.js';
import { Extractor } from '../../src/pipeline/Extractor.js';
import { CLAUSE_COLUMNS } from '../../src/core/tables/clauseColumns.js';
import { processDocument } from '../../src/pipeline/processDocument.js';
import { REPO_ROOT, sharedDir } from '../sharedDir.js';

const column = (name: string) => CLAUSE_COLUMNS.indexOf(name);

/**
 * Whether `auto` (poppler where installed) may be the default PDF engine: on the real PDFs of
 * ../shared/corpus and the sample corpus, poppler must give the same clauses as pdf-parse (at least
 * 98 % of clause texts identical once white space is removed) and the same codes. OCR is switched
 * off: pages without a usable text layer go to the same pdftoppm and Tesseract whatever the engine,
 * so what is compared is what the engines read, and that both send the same pages to OCR.
 */
const SHARED = sharedDir();
const POPPLER = pdftotextAvailable();
const work = mkdtempSync(join(tmpdir(), 'policy-code-engines-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const folders = [...(SHARED ? [join(SHARED, 'corpus')] : []), join(REPO_ROOT, 'corpus')];
const pdfs = folders.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.pdf')).sort().map((file) => ({ dir, file })));

interface Read {
  status: string;
  warnings: string[];
  engine: string | undefined;
  /** clause text without white space -> primary code and all codes */
  clauses: Array<{ text: string; codes: string }>;
}

async function readAll(engine: 'pdf-parse' | 'poppler'): Promise<Map<string, Read>> {
  const books = await loadCodebooks([join(REPO_ROOT, 'codebooks', 'rothwell-zegveld.zh.yaml')]);
  addWords(codebookTerms(books[0]!.codebook));
  const compiled = [compileCodebook(books[0]!.codebook)];
  const extractor = new Extractor({ pdfEngine: engine, jobs: 2, useCache: false, cacheDir: join(work, engine), tesseract: join(work, 'no-tesseract') });
  const out = new Map<string, Read>();
  try {
    for (const { dir, file } of pdfs) {
      const x = await extractor.extract(dir, file);
      if (!x.outcome.ok) {
        out.set(file, { status: x.outcome.status, warnings: [x.outcome.message], engine: undefined, clauses: [] });
        continue;
      }
      const prepared = prepareDocument(x.outcome.document);
      const doc = processDocument({ docId: 'D001', file, sha256: x.sha256, input: { ok: true, prepared } }, { compiled, io: { segment } });
      const clauses = doc.clauseRows.map((r) => ({ text: String(r[column('text')]).replace(/\s+/g, ''), codes: `${r[column('primary')]} ${r[column('instruments')]}` }));
      out.set(file, { status: doc.summary.status, warnings: x.outcome.document.warnings, engine: x.outcome.document.engine, clauses });
    }
  } finally {
    await extractor.close();
  }
  return out;
}

describe.skipIf(!POPPLER)(`poppler against pdf-parse on real PDFs${POPPLER ? '' : ' (skipped: pdftotext is not installed; apt-get install -y poppler-utils)'}${SHARED ? '' : ' (../shared is absent: the sample corpus only)'}`, () => {
  it('gives at least 98 % identical clause texts, the same codes, and sends the same pages to OCR', async () => {
    const a = await readAll('pdf-parse');
    const b = await readAll('poppler');
    let clauses = 0;
    let identical = 0;
    let sameCodes = 0;
    const differences: string[] = [];
    for (const { file } of pdfs) {
      const x = a.get(file)!;
      const y = b.get(file)!;
      expect(y.engine === 'poppler' || y.status !== 'ok', file).toBe(true);
      // The same status, and the same pages left for OCR (their numbers are in the warning).
      expect([y.status, y.warnings.filter((w) => /not read/.test(w))], file).toEqual([x.status, x.warnings.filter((w) => /not read/.test(w))]);
      const theirs = new Map(y.clauses.map((c) => [c.text, c.codes]));
      const ours = new Set(x.clauses.map((c) => c.text));
      for (const c of x.clauses) {
        clauses++;
        if (!theirs.has(c.text)) continue;
        identical++;
        if (theirs.get(c.text) === c.codes) sameCodes++;
      }
      for (const c of x.clauses) if (!theirs.has(c.text)) differences.push(`${file} pdf-parse: ${c.text.slice(0, 60)}`);
      for (const c of y.clauses) if (!ours.has(c.text)) differences.push(`${file} poppler:   ${c.text.slice(0, 60)}`);
    }
    // Clauses per primary code over the whole set, by engine: what the tables would show.
    const tally = (m: Map<string, Read>) => {
      const t: Record<string, number> = {};
      for (const r of m.values()) for (const c of r.clauses) t[c.codes.split(' ')[0]!] = (t[c.codes.split(' ')[0]!] ?? 0) + 1;
      return t;
    };
    const ta = tally(a);
    const tb = tally(b);
    const codeDiffs = [...new Set([...Object.keys(ta), ...Object.keys(tb)])].sort().filter((k) => ta[k] !== tb[k]).map((k) => `${k} ${ta[k] ?? 0}->${tb[k] ?? 0}`);
    const share = identical / clauses;
    console.log(`pdf engines: ${identical} of ${clauses} clause texts identical (${(share * 100).toFixed(1)} %), codes equal on ${sameCodes} of them; clauses per primary code that differ (pdf-parse->poppler): ${codeDiffs.join(', ') || 'none'}\n${differences.join('\n')}`);
    expect(clauses).toBeGreaterThan(SHARED ? 900 : 80);
    expect(share).toBeGreaterThanOrEqual(0.98);
    expect(sameCodes).toBe(identical);
  }, 20 * 60_000);
});
