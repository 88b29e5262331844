import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli.js';
import { REPO_ROOT } from '../sharedDir.js';

const SAMPLE = join(REPO_ROOT, 'corpus');
const work = mkdtempSync(join(tmpdir(), 'show-as-analyze-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const titleLine = (stdout: string) => stdout.split('\n').find((l) => l.startsWith('title: '));

describe('show prints the metadata analyze writes', () => {
  it("applies the corpus folder's metadata.csv", () => {
    const r = runCli(['show', SAMPLE, 'D002']);
    expect(r.code).toBe(0);
    expect(titleLine(r.stdout)).toMatch(/\(metadata\.csv, 1\)$/);
  });

  it("takes the corpus and the metadata.csv of an output folder's run", () => {
    const corpus = join(work, 'corpus');
    mkdirSync(corpus);
    for (const f of ['02-guizhou-2019-pilot.pdf', '05-beijing-2021-data-sharing-guidance.pdf']) copyFileSync(join(SAMPLE, f), join(corpus, f));
    const metadata = join(work, 'titles.csv');
    writeFileSync(metadata, 'file,title\n05-beijing-2021-data-sharing-guidance.pdf,一个只在元数据里的标题\n');
    const out = join(work, 'out');
    expect(runCli(['analyze', corpus, '--out', out, '--metadata', metadata, '-q']).code).toBe(0);
    // Without metadata.csv the title is read from the text; through the run, it is the given one.
    expect(titleLine(runCli(['show', corpus, 'D002']).stdout)).not.toContain('一个只在元数据里的标题');
    const shown = runCli(['show', out, 'D002']);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('file: 05-beijing-2021-data-sharing-guidance.pdf');
    expect(titleLine(shown.stdout)).toBe('title: 一个只在元数据里的标题 (metadata.csv, 1)');
    expect(titleLine(runCli(['show', corpus, 'D002', '--metadata', metadata]).stdout)).toBe('title: 一个只在元数据里的标题 (metadata.csv, 1)');
  });
});
