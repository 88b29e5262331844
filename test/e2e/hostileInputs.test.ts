import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeHostileFolder } from '../../scripts/make-hostile-fixtures.mjs';
import { runCli, type CliResult } from '../cli.js';
import { runCliMeasured } from '../processTree.js';
import { SHARED_DIR } from '../sharedDir.js';

// Every hostile file in one analyze, next to real policies: each must be listed once with its
// status, the odd encodings read and coded, no stack trace, and the process tree's memory bounded.
const work = mkdtempSync(join(tmpdir(), 'policy-code-hostile-'));
const corpus = join(work, 'corpus');
const REAL = ['re_beijing_2025_radio_rules.pdf', 're_dongguan_2020_hpf_loans.pdf', 'gov_02_financing_guarantee_smes.html', 'mk_anhui_rcep_opening.txt'];
const hasLibreOffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
const LIBREOFFICE_MISSING = 'LibreOffice is not installed (Debian: libreoffice-writer-nogui): the .doc and .wps files are checked as needs_conversion instead';
const MEMORY_LIMIT_MB = 1536;

type Row = Record<string, string>;
let run: CliResult & { peakRssMb: number };
let rows: Map<string, Row>;
let reencoded: Record<string, { source: string; text: string }>;
let clauseText: Map<string, string>;

beforeAll(async () => {
  reencoded = writeHostileFolder(corpus, SHARED_DIR ? join(SHARED_DIR, 'corpus2') : undefined);
  if (SHARED_DIR) for (const f of REAL) copyFileSync(join(SHARED_DIR, 'corpus', f), join(corpus, f));
  if (!hasLibreOffice) console.warn(LIBREOFFICE_MISSING);
  if (!SHARED_DIR) console.warn('skipped part: ../shared is absent, so no real policies and no re-encoded ones are in the run');
  run = await runCliMeasured(['analyze', corpus, '--out', join(work, 'out'), '--cache-dir', join(work, 'cache'), '--jobs', '2', '--quiet'], work);
  const documents = parse(readFileSync(join(work, 'out', 'documents.csv'), 'utf8').replace(/^\ufeff/, ''), { columns: true }) as Row[];
  rows = new Map(documents.map((r) => [r.file!, r]));
  const clauses = parse(readFileSync(join(work, 'out', 'clauses.csv'), 'utf8').replace(/^\ufeff/, ''), { columns: true }) as Row[];
  clauseText = new Map();
  for (const c of clauses) clauseText.set(c.doc_id!, (clauseText.get(c.doc_id!) ?? '') + c.text);
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('analyze on a folder of hostile and odd files beside real policies', () => {
  it('lists every file once, exits 1 (some could not be read) and prints no stack trace', () => {
    expect(run.code, run.stderr).toBe(1);
    const files = readdirSync(corpus).sort();
    expect([...rows.keys()].sort()).toEqual(files);
    expect(run.stderr).not.toMatch(/internal error|\n\s+at .+:\d+:\d+|Error: /);
    for (const r of rows.values()) expect(r.message, r.file).not.toContain('\n');
  });

  it('refuses the bombs before inflating them, with the limit that stopped each', () => {
    const expected: Record<string, [string, RegExp]> = {
      'docx-bomb-150mb-of-xml.docx': ['refused', /XML unpacks to 150 MB \(limit 100 MB\); raise the limit with --max-unpacked-mb/],
      'docx-bomb-declaring-4kb.docx': ['refused', /unpacks to more than 100 MB \(the limit\), although the archive declares 5 KB/],
      'docx-with-20000-parts.docx': ['refused', /20000 parts/],
      'pdf-content-stream-bomb-150mb.pdf': ['refused', /compressed stream inflates to more than 100 MB/],
      'pdf-hex-then-flate-bomb-150mb.pdf': ['refused', /compressed stream inflates to more than 100 MB/],
      'html-over-20mb.html': ['refused', /web page of 22 MB \(limit 20 MB .*--max-text-mb/],
      'docx-cut-in-half.docx': ['failed', /not a readable \.docx file/],
      'text-named-docx.docx': ['failed', /not a ZIP archive/],
      'html-nested-100000-deep.html': ['failed', /nested too deeply/],
      'binary-noise.txt': ['failed', /unreadable/],
      'noise-named-doc.doc': ['failed', /not a \.doc file/],
      'empty.doc': ['empty', /0 bytes/],
    };
    for (const [file, [status, message]] of Object.entries(expected)) {
      expect(rows.get(file)?.status, file).toBe(status);
      expect(rows.get(file)?.message, file).toMatch(message);
    }
  });

  it('keeps the memory of the whole process tree under 1.5 GB', () => {
    console.log(`peak resident memory of the process tree: ${Math.round(run.peakRssMb)} MB`);
    expect(run.peakRssMb).toBeGreaterThan(50);
    expect(run.peakRssMb).toBeLessThan(MEMORY_LIMIT_MB);
  });

  it('reads a Big5 policy in Traditional Chinese and splits it at its 第X條 articles', () => {
    const r = rows.get('big5-traditional-policy.txt')!;
    expect(r.status).toBe('ok');
    expect(r.message).toBe('decoded as big5');
    expect(Number(r.clauses)).toBe(6);
    expect(clauseText.get(r.doc_id!)).toContain('市財政每年安排專項資金');
  });

  it('codes a long paragraph without a full stop that would make careless patterns backtrack (a stall fails the run above)', () => {
    const r = rows.get('regex-backtracking.txt')!;
    expect(r.status).toBe('ok');
    expect(Number(r.clauses)).toBeGreaterThan(0);
    expect(clauseText.get(r.doc_id!)).toContain('占27.04%，“企业应当加强管理，');
  });

  it.skipIf(!SHARED_DIR)('reads and codes real policies re-encoded as UTF-8 with BOM, UTF-16 LE and BE with BOM, and GB18030', () => {
    const notes: Record<string, string> = { 'utf-8-with-bom.txt': '', 'utf-16le-with-bom.txt': 'decoded as utf-16le', 'utf-16be-with-bom.txt': 'decoded as utf-16be', 'gb18030.txt': 'decoded as gb18030' };
    for (const [file, note] of Object.entries(notes)) {
      const r = rows.get(file)!;
      expect(r.status, file).toBe('ok');
      expect(r.message.split('; '), file).toContain(note || r.message.split('; ')[0]);
      if (note === '') expect(r.message, file).not.toMatch(/decoded as/);
      expect(Number(r.coded_clauses), file).toBeGreaterThan(0);
      // A run of Chinese from the middle of the original is in the clauses, character for character.
      const runs = reencoded[file]!.text.match(/[\u4e00-\u9fff]{12,}/g)!;
      expect(clauseText.get(r.doc_id!), file).toContain(runs[Math.floor(runs.length / 2)]!.slice(0, 12));
    }
  });

  it.skipIf(!SHARED_DIR)('codes the real policies beside them as usual', () => {
    for (const f of REAL) {
      expect(rows.get(f)?.status, f).toBe('ok');
      expect(Number(rows.get(f)?.coded_clauses), f).toBeGreaterThan(0);
    }
  });

  it.skipIf(!hasLibreOffice)('converts .doc and .wps files with LibreOffice and codes them', () => {
    for (const [f, phrase] of [
      ['policy-saved-as-word-97.doc', '建立技术改造项目库'],
      ['policy-saved-by-wps.wps', '设立技术改造服务窗口'],
    ] as const) {
      const r = rows.get(f)!;
      expect(r.status, f).toBe('ok');
      expect(Number(r.coded_clauses), f).toBeGreaterThan(0);
      expect(clauseText.get(r.doc_id!), f).toContain(phrase);
    }
  });

  it('without LibreOffice, a .doc or .wps file is needs_conversion with the install command', () => {
    const dir = join(work, 'doc-only');
    mkdirSync(dir);
    for (const f of ['policy-saved-as-word-97.doc', 'policy-saved-by-wps.wps']) copyFileSync(join(corpus, f), join(dir, f));
    const r = runCli(['extract', dir, '--out', join(work, 'out-no-lo'), '--cache-dir', join(work, 'cache-no-lo')], work, { POLICY_CODE_SOFFICE: join(work, 'no-such-soffice') });
    const docs = parse(readFileSync(join(work, 'out-no-lo', 'documents.csv'), 'utf8').replace(/^\ufeff/, ''), { columns: true }) as Row[];
    for (const f of ['policy-saved-as-word-97.doc', 'policy-saved-by-wps.wps']) {
      const d = docs.find((x) => x.file === f)!;
      expect(d.status, f).toBe('needs_conversion');
      expect(d.message, f).toContain('apt-get install -y --no-install-recommends libreoffice-writer-nogui');
    }
    expect(r.stderr).toMatch(/needs_conversion \(2\):/);

    // A converter that hangs (here a script that starts a child and sleeps) is stopped at --timeout, child included.
    const hanging = join(work, 'hanging-soffice.sh');
    writeFileSync(hanging, `#!/bin/sh\nsleep 300 &\necho $! > ${join(work, 'hanging-child.pid')}\nwait\n`, { mode: 0o755 });
    const started = Date.now();
    const t = runCli(['extract', dir, '--out', join(work, 'out-hang'), '--cache-dir', join(work, 'cache-hang'), '--timeout', '2'], work, { POLICY_CODE_SOFFICE: hanging });
    expect(Date.now() - started).toBeLessThan(30_000);
    const hung = parse(readFileSync(join(work, 'out-hang', 'documents.csv'), 'utf8').replace(/^\ufeff/, ''), { columns: true }) as Row[];
    for (const d of hung) expect(d.message, d.file).toMatch(/conversion with LibreOffice took longer than 2 s \(--timeout\); abandoned/);
    expect(t.code).toBe(1);
    const child = Number(readFileSync(join(work, 'hanging-child.pid'), 'utf8'));
    // Gone, or a zombie waiting for a container's init to reap it: either way no longer running.
    const state = (() => {
      try {
        const stat = readFileSync(`/proc/${child}/stat`, 'utf8');
        return stat.slice(stat.lastIndexOf(')') + 2)[0];
      } catch {
        return 'gone';
      }
    })();
    expect(['gone', 'Z', 'X']).toContain(state);
  }, 60_000);
});
