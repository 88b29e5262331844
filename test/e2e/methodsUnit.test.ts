import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { badInputFolder } from '../cli/badInputFolder.js';

// methods.md is pasted into papers, so it must state the unit the run used (docs/counting-policies.md).
// Regression: it said "split by chapter and article (and sentences within articles)" whatever --unit was.
const { work, run } = badInputFolder();
const methods = (dir: string, file = 'methods.en.md') => readFileSync(join(work, dir, file), 'utf8');

describe('the methods paragraph states the unit of coding', () => {
  it('item: each item whole; sentence: long items cut at sentence ends; report and merge keep the run\'s unit', () => {
    expect(run('analyze', 'corpus', '--unit', 'item', '--out', 'item', '--quiet').code).toBe(0);
    expect(run('analyze', 'corpus', '--unit', 'sentence', '--out', 'sentence', '--quiet').code).toBe(0);
    expect(methods('item')).toContain('numbered articles and items (第X条, 一、, （一）, 1.), each item whole with its heading, into');
    expect(methods('item', 'methods.md')).toContain('每项连同其标题为一个条款');
    expect(methods('sentence')).toContain('and items over 200 characters at sentence ends (。！？；), into');
    expect(methods('sentence', 'methods.md')).toContain('超过 200 字的项再按句末');
    for (const text of [methods('item'), methods('sentence')]) expect(text).not.toContain('sentences within articles');

    expect(run('report', 'sentence', '--lang', 'en', '--out', 'sentence-report').code).toBe(0);
    expect(methods('sentence-report')).toContain('at sentence ends');
    for (const i of [0, 1]) expect(run('analyze', 'corpus', '--unit', 'sentence', '--shard', `${i}/2`, '--out', `parts/${i}`, '--quiet').code).toBe(0);
    expect(run('merge', 'parts/0', 'parts/1', '--out', 'merged').code).toBe(0);
    expect(methods('merged')).toBe(methods('sentence'));
  });
});
