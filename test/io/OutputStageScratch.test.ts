import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OutputStage } from '../../src/io/OutputStage.js';

const dir = mkdtempSync(join(tmpdir(), 'policy-code-scratch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('OutputStage scratch files (report.html clause blocks written while coding)', () => {
  it('can be read back once closed, becomes no output, and is gone after commit', async () => {
    const stage = await OutputStage.open(join(dir, 'a'));
    const scratch = stage.scratch('report.html.clauses');
    await scratch.write('块一');
    await scratch.write(Buffer.from('块二'));
    await scratch.close();
    expect(readFileSync(scratch.path, 'utf8')).toBe('块一块二');
    const page = stage.stream('report.html');
    await page.write(readFileSync(scratch.path));
    const outputs = await stage.commit();
    expect(outputs).toEqual([join(dir, 'a', 'report.html')]);
    expect(readFileSync(join(dir, 'a', 'report.html'), 'utf8')).toBe('块一块二');
    expect(existsSync(scratch.path)).toBe(false);
    expect(readdirSync(join(dir, 'a'))).toEqual(['report.html']);
  });

  it('is removed by abort, closed or not', async () => {
    const stage = await OutputStage.open(join(dir, 'b'));
    const open = stage.scratch('one');
    await open.write('x');
    const closed = stage.scratch('two');
    await closed.write('y');
    await closed.close();
    await stage.abort();
    expect(readdirSync(join(dir, 'b'))).toEqual([]);
  });
});
