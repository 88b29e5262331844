import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../cli.js';
import { HAS_OCR, NO_OCR } from '../hasOcr.js';
import { REPO_ROOT } from '../sharedDir.js';

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'extract');
const work = mkdtempSync(join(tmpdir(), 'policy-code-extract-'));
const cache = join(work, 'cache');
const corpus = join(work, 'corpus');

type Row = Record<string, string>;
const readRows = (dir: string): Row[] => parse(readFileSync(join(dir, 'documents.csv'), 'utf8').replace(/^\ufeff/, ''), { columns: true }) as Row[];
const byCase = (rows: Row[]) => new Map(rows.map((r) => [r.file!.split('/')[0]!, r]));

let first: CliResult;
let rows: Map<string, Row>;

beforeAll(() => {
  cpSync(FIXTURES, corpus, { recursive: true });
  first = runCli(['extract', corpus, '--out', join(work, 'out1'), '--cache-dir', cache, '--max-file-mb', '0.1', '--jobs', '2']);
  rows = byCase(readRows(join(work, 'out1')));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('policy-code extract on one fixture per format and per bad file', () => {
  it('reads every format and lists every document, exit 1 because some could not be read', () => {
    expect(first.code).toBe(1);
    const documents = readdirSync(FIXTURES).filter((c) => c !== 'a-file-of-another-type-is-skipped');
    expect([...rows.keys()].sort()).toEqual(documents.sort());
    for (const c of ['a-text-pdf-with-a-running-header-on-every-page', 'a-utf-8-text-file-reads', 'a-gbk-text-file-is-detected-and-decoded', 'a-web-page-gives-its-article-without-navigation-or-scripts', 'a-word-file-reads']) {
      expect(rows.get(c)?.status, c).toBe('ok');
    }
    expect(rows.get('a-gbk-text-file-is-detected-and-decoded')?.message).toBe('decoded as gb18030');
    expect(rows.get('a-web-page-gives-its-article-without-navigation-or-scripts')?.kind).toBe('html');
    expect(rows.get('a-word-file-reads')?.kind).toBe('docx');
  });

  it('gives each bad file a status and a one-line reason', () => {
    const expected: Record<string, [string, RegExp]> = {
      'a-zero-byte-file-is-empty': ['empty', /0 bytes/],
      'a-file-of-blank-lines-is-empty': ['empty', /no text/],
      'a-non-pdf-named-pdf-fails': ['failed', /not a PDF/],
      'a-truncated-pdf-is-reported': ['failed', /not a valid PDF|truncated/],
      'an-encrypted-pdf-fails-with-a-reason': ['failed', /encrypted/],
      'a-file-over-the-size-limit-is-not-read': ['refused', /too large.*--max-file-mb/],
    };
    for (const [c, [status, message]] of Object.entries(expected)) {
      expect(rows.get(c)?.status, c).toBe(status);
      expect(rows.get(c)?.message, c).toMatch(message);
      expect(rows.get(c)?.message, c).not.toContain('\n');
    }
  });

  it('ends with an errors summary grouped by status on stderr', () => {
    // Without OCR the scan is one more problem, between refused and empty.
    const needsOcr = HAS_OCR ? '' : String.raw`needs_ocr \(1\):\n(  D\d+ .*\n){1}`;
    expect(first.stderr).toMatch(new RegExp(String.raw`failed \(3\):\n(  D\d+ .*\n){3}refused \(1\):\n(  D\d+ .*\n){1}${needsOcr}empty \(2\):\n(  D\d+ .*\n){2}`));
    expect(first.stderr).toContain('skipped, not a document type (1): a-file-of-another-type-is-skipped/table.xlsx');
  });

  it.skipIf(!HAS_OCR)(`reads the scan with OCR when Tesseract is installed${HAS_OCR ? '' : ` (${NO_OCR})`}`, () => {
    const scan = rows.get('a-scan-without-a-text-layer-needs-ocr')!;
    expect(scan.status).toBe('ok');
    expect(scan.method).toBe('ocr');
    const shown = runCli(['show', corpus, scan.doc_id!, '--cache-dir', cache]);
    expect(shown.stdout).toContain('推进医保结算区块链应用');
    expect(shown.stdout).toContain('(from the cache)');
  });

  it('takes a second run from the cache, and --no-cache reads everything again', () => {
    const second = runCli(['extract', corpus, '--out', join(work, 'out2'), '--cache-dir', cache, '--max-file-mb', '0.1']);
    const read = [...rows.values()].filter((r) => r.status === 'ok').length;
    expect(second.stderr).toContain(`${read} of ${rows.size} documents read (${read} from the cache)`);
    expect(readFileSync(join(work, 'out2', 'documents.csv'), 'utf8')).toBe(readFileSync(join(work, 'out1', 'documents.csv'), 'utf8'));
    const fresh = runCli(['extract', corpus, '--out', join(work, 'out3'), '--cache-dir', cache, '--max-file-mb', '0.1', '--no-cache']);
    expect(fresh.stderr).not.toContain('from the cache');
  });

  it('uses the cached pages (not the file) while the content is the same, and re-reads a changed file', () => {
    const file = join(corpus, 'a-utf-8-text-file-reads', 'notice.txt');
    const id = rows.get('a-utf-8-text-file-reads')!.sha256!;
    const entry = join(cache, 'extract', readdirSync(join(cache, 'extract'))[0]!, id.slice(0, 2), `${id}.json`);
    writeFileSync(entry, readFileSync(entry, 'utf8').replace('推动检验结果互认共享', '缓存里的文字'));
    expect(runCli(['show', file, '--cache-dir', cache]).stdout).toContain('缓存里的文字');
    writeFileSync(file, readFileSync(file, 'utf8').replace('推动检验结果互认共享', '文件改过了'));
    const changed = runCli(['show', file, '--cache-dir', cache]).stdout;
    expect(changed).toContain('文件改过了');
    expect(changed).not.toContain('(from the cache)');
  });

  it('re-extracts when a cache entry is corrupt', () => {
    const row = rows.get('a-word-file-reads')!;
    const entry = join(cache, 'extract', readdirSync(join(cache, 'extract'))[0]!, row.sha256!.slice(0, 2), `${row.sha256}.json`);
    writeFileSync(entry, '{"extractor":');
    const shown = runCli(['show', corpus, row.doc_id!, '--cache-dir', cache]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('建立处方流转区块链平台');
    expect(shown.stdout).not.toContain('(from the cache)');
  });

  it('reports a scan as needs_ocr with the install command when OCR is not installed', () => {
    const scanDir = join(work, 'scan-only');
    cpSync(join(FIXTURES, 'a-scan-without-a-text-layer-needs-ocr'), scanDir, { recursive: true });
    const r = runCli(['extract', scanDir, '--out', join(work, 'out4'), '--cache-dir', cache, '--no-cache'], REPO_ROOT, { POLICY_CODE_TESSERACT: join(work, 'no-such-tesseract') });
    expect(r.code).toBe(1);
    const row = readRows(join(work, 'out4'))[0]!;
    expect(row.status).toBe('needs_ocr');
    expect(row.message).toContain('apt-get install -y poppler-utils tesseract-ocr tesseract-ocr-chi-sim');
  });

  it.skipIf(!HAS_OCR)(`abandons a document whose OCR takes longer than its time limit, and goes on${HAS_OCR ? '' : ` (${NO_OCR})`}`, () => {
    const dir = join(work, 'slow');
    cpSync(join(FIXTURES, 'a-scan-without-a-text-layer-needs-ocr'), join(dir, 'scan'), { recursive: true });
    cpSync(join(FIXTURES, 'a-utf-8-text-file-reads'), join(dir, 'txt'), { recursive: true });
    const ocr = runCli(['extract', dir, '--out', join(work, 'out5'), '--cache-dir', cache, '--no-cache', '--ocr-timeout', '0.001']);
    expect(ocr.code).toBe(1);
    const [scan, txt] = readRows(join(work, 'out5'));
    expect(scan!.status).toBe('failed');
    expect(scan!.message).toMatch(/OCR took longer than 0.001 s/);
    expect(txt!.status).toBe('ok');
  });

  it('abandons a PDF whose reading takes longer than its time limit', () => {
    const pdf = runCli(['extract', join(corpus, 'a-text-pdf-with-a-running-header-on-every-page'), '--out', join(work, 'out6'), '--cache-dir', cache, '--no-cache', '--timeout', '0.001']);
    expect(readRows(join(work, 'out6'))[0]!.message).toMatch(/PDF reading took longer than/);
    expect(pdf.code).toBe(1);
  });

  it('shows the raw pages beside the normalized text: the running header is only in the raw pages', () => {
    const file = join(corpus, 'a-text-pdf-with-a-running-header-on-every-page', 'notice.pdf');
    const raw = runCli(['show', file, '--raw', '--cache-dir', cache]).stdout;
    const normalized = runCli(['show', file, '--cache-dir', cache]).stdout;
    expect(raw.match(/某市人民政府公报/g)).toHaveLength(2);
    expect(raw).toContain('=== page 2 ===');
    expect(normalized.split('\n\n')[1]).not.toContain('某市人民政府公报');
    expect(normalized).toContain('五、市卫生健康委负责解释。');
  });

  it('says what is wrong when show is given an unknown document', () => {
    const r = runCli(['show', corpus, 'D999', '--cache-dir', cache]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/D999 is neither a doc_id/);
  });
});
