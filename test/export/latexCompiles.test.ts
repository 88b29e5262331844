import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildTables, type DocumentSummary } from '../../src/core/tables/buildTables.js';
import { outlineOf } from '../../src/core/tables/CodebookOutline.js';
import { PROVINCES } from '../../src/core/metadata/provinces.js';
import { LATEX_PREAMBLE, toLatex } from '../../src/export/latex.js';
import { loadCodebook } from '../../src/io/readCodebook.js';
import { runCli } from '../cli.js';
import { REPO_ROOT } from '../sharedDir.js';

const xelatex = spawnSync('xelatex', ['--version'], { encoding: 'utf8' });
const HAS_XELATEX = xelatex.status === 0 && spawnSync('kpsewhich', ['ctexart.cls'], { encoding: 'utf8' }).stdout.trim() !== '';
const SKIP = 'skipped: xelatex with ctex is not installed (apt-get install texlive-xetex texlive-lang-chinese)';

const tmp = mkdtempSync(join(tmpdir(), 'policy-code-latex-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/**
 * The widest tables policy-code writes: the default codebook (12 instruments, so the crosstabs have
 * 14 columns), 31 provinces with the longest English names, nine years. Counts vary by a fixed rule.
 */
async function widestTables(lang: 'zh' | 'en') {
  const loaded = await loadCodebook(join(REPO_ROOT, 'codebooks', 'rothwell-zegveld.zh.yaml'));
  const outline = outlineOf(loaded.codebook, loaded.sha256);
  const docs: DocumentSummary[] = PROVINCES.slice(0, 31).map((p, i) => {
    const primaryCounts = Object.fromEntries(outline.leaves.map((l, k) => [l.id, ((i + 3) * (k + 5)) % 23]));
    const clauses = Object.values(primaryCounts).reduce((a, b) => a + b, 0);
    return {
      docId: `D${String(i).padStart(3, '0')}`, file: '', sha256: '', title: `${p.name}关于支持区块链发展的若干措施`, province: p.name,
      year: 2015 + (i % 9), level: i % 3 === 0 ? 'prefecture' : 'provincial', pages: 1, chars: 1, clauses, codedClauses: clauses,
      status: 'ok', message: '', primaryCounts, anyCounts: primaryCounts, inScopeClauses: clauses, further: {},
      docNumber: null, issuer: null, date: null, provenance: '',
    };
  });
  return buildTables(docs, [outline], { lang, provinces: 'all' });
}

/** Compiles every table into one ctexart document; returns xelatex's status and log. */
function compile(name: string, tables: string[]): { status: number | null; log: string } {
  const body = tables.map((t) => `${t}\n\\clearpage\n`).join('\n');
  writeFileSync(join(tmp, `${name}.tex`), `\\documentclass{ctexart}\n${LATEX_PREAMBLE.join('\n')}\n\\begin{document}\n${body}\\end{document}\n`);
  const r = spawnSync('xelatex', ['-interaction=nonstopmode', '-halt-on-error', `${name}.tex`], { cwd: tmp, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, log: readFileSync(join(tmp, `${name}.log`), 'utf8') };
}

function expectClean({ status, log }: { status: number | null; log: string }): void {
  expect(status, log.split('\n').filter((l) => l.startsWith('!')).join('\n')).toBe(0);
  expect(log.match(/^Overfull \\hbox.*$/gm) ?? []).toEqual([]);
  expect(log.match(/^Missing character.*$/gm) ?? []).toEqual([]);
  expect(log.match(/Float too large.*$/gm) ?? []).toEqual([]);
}

describe.skipIf(!HAS_XELATEX)(`every LaTeX table compiles with xelatex and ctex and fits its page${HAS_XELATEX ? '' : ` (${SKIP})`}`, () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`${lang}, the widest tables: no error, no overfull box, no float taller than its page, no missing character`, async () => {
      const tables = (await widestTables(lang)).filter((t) => t.latex !== false);
      expect(tables.some((t) => t.columns.length >= 14)).toBe(true);
      expectClean(compile(`tables-${lang}`, tables.map(toLatex)));
    }, 180_000);
  }

  it('the .tex files of a run with a second codebook and labels without English (ids in English tables)', () => {
    const five = join(REPO_ROOT, 'test', 'fixtures', 'five-policies-counted-by-hand');
    const analyzed = runCli(['analyze', join(five, 'corpus'), '--codebook', join(five, 'codebook.yaml'), '--codebook', join(five, 'actions.yaml'), '-q', '--out', join(tmp, 'five')], tmp);
    expect(analyzed.code, analyzed.stderr).toBe(0);
    const en = runCli(['report', join(tmp, 'five'), '--lang', 'en', '--out', join(tmp, 'five-en')], tmp);
    expect(en.code, en.stderr).toBe(0);
    for (const dir of ['five', 'five-en']) {
      const files = readdirSync(join(tmp, dir, 'tables')).filter((f) => f.endsWith('.tex')).sort();
      expect(files).toContain('crosstab_table-fixture_x_actions.tex');
      expectClean(compile(dir, files.map((f) => readFileSync(join(tmp, dir, 'tables', f), 'utf8'))));
    }
  }, 180_000);
});

it.runIf(!HAS_XELATEX)('says why the LaTeX compile test did not run', () => {
  console.warn(SKIP);
});
