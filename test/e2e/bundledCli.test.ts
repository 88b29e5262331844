import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI } from '../cli.js';
import { REPO_ROOT } from '../sharedDir.js';

/**
 * `npm run build` bundles dist/cli/main.js (scripts/bundleCli.mjs) and keeps tsc's entry beside it
 * as main.modules.js. The bundle must do what the modules do: find the package's codebooks, start
 * the PDF reader processes and coding threads from dist/, load the HTML reader on use, and write
 * the same bytes.
 */
const MODULES = join(REPO_ROOT, 'dist', 'cli', 'main.modules.js');
const bundled = existsSync(MODULES);
if (!bundled) console.warn('bundledCli.test.ts skipped: dist/cli/main.js is not bundled (rolldown not installed, or only tsc ran)');

const work = mkdtempSync(join(tmpdir(), 'policy-code-bundle-'));
const corpus = join(work, 'corpus');
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(entry: string, args: string[], cache: string, threads = 0) {
  const env = { ...process.env, POLICY_CODE_CODING_THREADS: String(threads) };
  const r = spawnSync(process.execPath, [entry, ...args, '--cache-dir', join(work, cache), '--quiet', '--jobs', '2'], { cwd: work, encoding: 'utf8', env, timeout: 300_000 });
  return { code: r.status ?? -1, stderr: r.stderr };
}
const outputs = (out: string) =>
  readdirSync(join(work, out), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(join(work, out).length + 1))
    .filter((f) => f !== 'run.json')
    .sort();
function expectSameOutputs(a: string, b: string) {
  expect(outputs(a)).toEqual(outputs(b));
  expect(outputs(a)).toContain('report.html');
  for (const f of outputs(a)) expect(readFileSync(join(work, a, f)).equals(readFileSync(join(work, b, f))), `${a}/${f} against ${b}/${f}`).toBe(true);
}

beforeAll(() => {
  if (!bundled) return;
  mkdirSync(corpus);
  for (const f of readdirSync(join(REPO_ROOT, 'corpus')).filter((f) => f.endsWith('.pdf')).slice(0, 3)) copyFileSync(join(REPO_ROOT, 'corpus', f), join(corpus, f));
  // An HTML page: its reader (and htmlparser2) is loaded only when a page is read.
  const items = ['第一条　设立专项资金，对企业研发投入给予补贴。', '第二条　实施税收优惠政策，减免高新技术企业所得税。', '第三条　加强人才培养，建设公共服务平台。'];
  writeFileSync(join(corpus, 'notice.html'), `<html><head><meta charset="utf-8"><title>关于支持企业创新的若干措施</title></head><body><h1>关于支持企业创新的若干措施</h1>${items.map((p) => `<p>${p}</p>`).join('')}</body></html>`);
  const text = readFileSync(join(REPO_ROOT, 'codebooks', 'rothwell-zegveld.zh.yaml'), 'utf8');
  writeFileSync(join(work, 'weights.yaml'), text.replace(/weight: (\d+(\.\d+)?)/, (_m, w: string) => `weight: ${Number(w) + 1}`));
}, 60_000);

describe.skipIf(!bundled)('the bundled CLI', () => {
  it('is one module that imports no file of dist/ but its own chunks', () => {
    const main = readFileSync(CLI, 'utf8');
    expect(main.startsWith('#!/usr/bin/env node\n// policy-code: bundled')).toBe(true);
    expect(main).not.toMatch(/from "\.\.\//);
    expect(main).not.toMatch(/from "commander"|from "zod"|from "yaml"/);
    const version = spawnSync(process.execPath, [CLI, '--version'], { encoding: 'utf8' });
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).version);
  });

  it('is the package bin that runs as a program (npx policy-code): executable, run without node in front', () => {
    expect(statSync(CLI).mode & 0o111).toBe(0o111);
    const version = spawnSync(CLI, ['--version'], { encoding: 'utf8' });
    expect([version.error, version.stdout.trim()]).toEqual([undefined, JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).version]);
  });

  it('writes the bytes of the modules: analyze with the pdf-parse reader processes, and a re-code on coding threads', () => {
    for (const [entry, name] of [[CLI, 'bundle'], [MODULES, 'modules']] as const) {
      const r = run(entry, ['analyze', corpus, '--out', join(work, `${name}-cold`), '--pdf-engine', 'pdf-parse'], `${name}-cache`);
      expect(r.code, r.stderr).toBe(0);
    }
    expectSameOutputs('bundle-cold', 'modules-cold');
    expect(readFileSync(join(work, 'bundle-cold', 'documents.csv'), 'utf8')).toContain('notice.html');
    expect(run(CLI, ['recode', corpus, '--out', join(work, 'bundle-recode'), '--codebook', join(work, 'weights.yaml'), '--pdf-engine', 'pdf-parse'], 'bundle-cache', 2).code).toBe(0);
    expect(run(MODULES, ['recode', corpus, '--out', join(work, 'modules-recode'), '--codebook', join(work, 'weights.yaml'), '--pdf-engine', 'pdf-parse'], 'modules-cache', 0).code).toBe(0);
    expect(JSON.parse(readFileSync(join(work, 'bundle-recode', 'run.json'), 'utf8')).coding_threads).toBe(2);
    expectSameOutputs('bundle-recode', 'modules-recode');
  }, 300_000);
});
