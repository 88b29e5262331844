import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scriptBeside } from '../../src/io/scriptBeside.js';
import { REPO_ROOT } from '../sharedDir.js';

const url = (...parts: string[]) => pathToFileURL(join(REPO_ROOT, ...parts)).href;

describe('scriptBeside: reader processes run the code as it is, not the last build', () => {
  it('starts the TypeScript source beside a module that runs from src/, through scripts/runTypeScript.mjs', () => {
    const s = scriptBeside(url('src', 'io', 'extract', 'PdfPool.ts'), 'pdfWorker');
    expect(s.path).toBe(join(REPO_ROOT, 'src', 'io', 'extract', 'pdfWorker.ts'));
    expect(s.execArgv).toEqual(['--import', url('scripts', 'runTypeScript.mjs')]);
  });

  it('starts the compiled script beside a module that runs from dist/, with no loader', () => {
    const s = scriptBeside(url('dist', 'io', 'extract', 'PdfPool.js'), 'pdfWorker');
    expect(s).toEqual({ path: join(REPO_ROOT, 'dist', 'io', 'extract', 'pdfWorker.js'), execArgv: [] });
  });

  it('says what is missing instead of starting nothing', () => {
    expect(() => scriptBeside(url('src', 'io', 'extract', 'PdfPool.ts'), 'noSuchWorker')).toThrow(/script not found at .*noSuchWorker\.ts/);
  });

  it('lets plain node run sources that import each other as .js and carry types', () => {
    const s = scriptBeside(url('src', 'io', 'extract', 'PdfPool.ts'), 'pdfWorker');
    const code = `import { normalizeText } from ${JSON.stringify(url('src', 'core', 'text', 'normalizeText.ts'))};
      console.log(JSON.stringify(normalizeText([{ number: 1, text: '第一条　总则\\r\\n' }]).text));`;
    const r = spawnSync(process.execPath, [...s.execArgv, '--input-type=module', '-e', code], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toContain('第一条');
  });
});
