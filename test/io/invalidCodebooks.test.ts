import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCodebookFile } from '../../src/io/readCodebook.js';

// One folder per case, named as a sentence: codebook.yaml and the problems expected, one per line
// as `line: yaml.path: message`.
const dir = join(import.meta.dirname, '..', 'fixtures', 'codebooks');
const cases = readdirSync(dir).sort();

describe('invalid codebooks', () => {
  it('has the cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  it.each(cases)('%s', async (name) => {
    const { codebook, problems } = await checkCodebookFile(join(dir, name, 'codebook.yaml'));
    expect(codebook).toBeNull();
    const expected = readFileSync(join(dir, name, 'expected.txt'), 'utf8').trimEnd().split('\n');
    expect(problems.map((p) => `${p.line}: ${p.path ? `${p.path}: ` : ''}${p.message}`)).toEqual(expected);
  });
});
