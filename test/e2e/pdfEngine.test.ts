import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pdftotextAvailable } from '../../src/io/extract/resolvePdfEngine.js';
import { runCli } from '../cli.js';
import { REPO_ROOT } from '../sharedDir.js';

/** --pdf-engine end to end on the sample corpus (12 text PDFs), each engine in its own part of one cache. */
const POPPLER = pdftotextAvailable();
const corpus = join(REPO_ROOT, 'corpus');
const work = mkdtempSync(join(tmpdir(), 'policy-code-pdf-engine-'));
const cache = join(work, 'cache');
const MISSING = { POLICY_CODE_PDFTOTEXT: join(work, 'no-pdftotext') };
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface RunJson {
  pdf_engine: string;
  options: { pdf_engine: string };
  inputs: Array<{ file: string; pdf_engine?: string }>;
  cache: { extraction: { hits: number; extracted: number } };
}
const runJson = (out: string) => JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as RunJson;
const analyze = (out: string, extra: string[], env: Record<string, string> = {}) => runCli(['analyze', corpus, '--out', join(work, out), '--cache-dir', cache, '--quiet', '--jobs', '2', ...extra], REPO_ROOT, env);

describe('--pdf-engine', () => {
  it('refuses an unknown engine, and poppler where pdftotext is missing, in one line (exit 2)', () => {
    const bad = analyze('bad', ['--pdf-engine', 'xpdf']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe("policy-code: error: --pdf-engine takes auto, pdf-parse, poppler (got 'xpdf')");
    const missing = analyze('missing', ['--pdf-engine', 'poppler'], MISSING);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toMatch(/poppler-utils.*--pdf-engine pdf-parse/);
  });

  it('auto reads with pdf-parse where pdftotext is missing, and run.json says so for every PDF', () => {
    const r = analyze('auto-without-poppler', [], MISSING);
    expect(r.code, r.stderr).toBe(0);
    const run = runJson(join(work, 'auto-without-poppler'));
    expect([run.options.pdf_engine, run.pdf_engine]).toEqual(['auto', 'pdf-parse']);
    expect(run.inputs.filter((i) => i.file.endsWith('.pdf')).map((i) => i.pdf_engine)).toEqual(new Array(12).fill('pdf-parse'));
  });

  it.skipIf(!POPPLER)(`poppler and pdf-parse give the same tables on the sample corpus, each from its own cache entries${POPPLER ? '' : ' (skipped: pdftotext is not installed)'}`, () => {
    const p = analyze('poppler', ['--pdf-engine', 'poppler']);
    expect(p.code, p.stderr).toBe(0);
    const poppler = runJson(join(work, 'poppler'));
    expect(poppler.pdf_engine).toBe('poppler');
    expect(new Set(poppler.inputs.filter((i) => i.file.endsWith('.pdf')).map((i) => i.pdf_engine))).toEqual(new Set(['poppler']));
    // The pdf-parse entries of the earlier test are not poppler's: every document was read.
    expect(poppler.cache.extraction.extracted).toBe(poppler.inputs.length);
    const a = analyze('auto', []);
    expect(runJson(join(work, 'auto')).pdf_engine).toBe('poppler');
    expect(runJson(join(work, 'auto')).cache.extraction.extracted).toBe(0);
    for (const table of ['clauses.csv', 'instruments.csv', 'documents.csv']) {
      expect(readFileSync(join(work, 'poppler', table), 'utf8'), table).toBe(readFileSync(join(work, 'auto-without-poppler', table), 'utf8'));
    }
    expect(a.code).toBe(0);
  });
});
