import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OutputStage } from '../../src/io/OutputStage.js';

const dir = mkdtempSync(join(tmpdir(), 'policy-code-stage-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('OutputStage', () => {
  it('leaves the previous outputs untouched until commit, and untouched after abort', async () => {
    writeFileSync(join(dir, 'clauses.csv'), 'old');
    const stage = await OutputStage.open(dir);
    const s = stage.stream('clauses.csv');
    await s.write('new, ');
    await stage.put('documents.csv', 'docs');
    expect(readFileSync(join(dir, 'clauses.csv'), 'utf8')).toBe('old');
    await stage.abort();
    expect(readdirSync(dir)).toEqual(['clauses.csv']);
    expect(readFileSync(join(dir, 'clauses.csv'), 'utf8')).toBe('old');

    const next = await OutputStage.open(dir);
    await next.stream('clauses.csv').write('new');
    await next.commit();
    expect(readFileSync(join(dir, 'clauses.csv'), 'utf8')).toBe('new');
  });

  it('removes temporary files of a run that no longer exists', async () => {
    // pid 2^22+1 is above Linux's pid_max default range, so no such process is running.
    writeFileSync(join(dir, `.clauses.csv.${2 ** 22 + 1}.tmp`), 'half');
    await OutputStage.open(dir);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
