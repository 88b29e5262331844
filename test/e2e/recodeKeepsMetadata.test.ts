import { mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize } from 'node:v8';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli.js';

/**
 * The prepared cache keeps each document's inferred metadata beside its prepared text, keyed by the
 * file's path and its row of metadata.csv: a re-code takes it from there, and a moved file or an
 * edited row infers it again instead of reusing what no longer holds.
 */
const work = mkdtempSync(join(tmpdir(), 'policy-code-recode-metadata-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const corpus = join(work, 'corpus');
const cache = join(work, 'cache');
const TEXT = '浙江省人民政府办公厅关于推进数字经济发展的实施意见\n浙政办发〔2021〕12号\n一、对数字经济企业给予财政补贴。\n二、加强数据安全监管。\n浙江省人民政府办公厅\n2021年3月5日\n';

const run = (args: string[]) => runCli([...args, '--cache-dir', cache, '--quiet'], work);
const documents = (out: string) => parse(readFileSync(join(work, out, 'documents.csv'), 'utf8'), { bom: true, columns: true }) as Array<Record<string, string>>;
const entries = (): Array<{ metadata?: { key: string } }> => {
  const root = join(cache, 'prepared');
  return readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.v8')).map((f) => deserialize(readFileSync(join(root, f))) as { metadata?: { key: string } });
};

describe('recode with the metadata kept in the prepared cache', () => {
  it('reuses it for the same file and row, and infers again for a moved file or an edited row', () => {
    mkdirSync(corpus, { recursive: true });
    writeFileSync(join(corpus, 'policy.txt'), TEXT);
    expect(run(['analyze', corpus, '--out', join(work, 'cold')]).code).toBe(0);
    const cold = documents('cold')[0]!;
    expect([cold.province, cold.year, cold.doc_number]).toEqual(['浙江', '2021', '浙政办发〔2021〕12号']);
    // The cold run stored the metadata with the prepared entry, under the file's path.
    expect(entries().some((e) => e.metadata?.key === JSON.stringify(['policy.txt', null]))).toBe(true);

    expect(run(['recode', corpus, '--out', join(work, 'same')]).code).toBe(0);
    expect(readFileSync(join(work, 'same', 'documents.csv'), 'utf8')).toBe(readFileSync(join(work, 'cold', 'documents.csv'), 'utf8'));

    const metadata = join(work, 'metadata.csv');
    writeFileSync(metadata, 'file,title,year\npolicy.txt,给定标题,2020\n');
    expect(run(['recode', corpus, '--out', join(work, 'given'), '--metadata', metadata]).code).toBe(0);
    expect([documents('given')[0]!.title, documents('given')[0]!.year]).toEqual(['给定标题', '2020']);

    mkdirSync(join(corpus, '广东'));
    renameSync(join(corpus, 'policy.txt'), join(corpus, '广东', 'policy.txt'));
    expect(run(['analyze', corpus, '--out', join(work, 'moved')]).code).toBe(0);
    expect(documents('moved')[0]!.province).toBe('广东');
  }, 120_000);
});
