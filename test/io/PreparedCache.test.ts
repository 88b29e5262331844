import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { afterAll, describe, expect, it } from 'vitest';
import { clausesOf, prepareDocument } from '../../src/core/prepareDocument.js';
import { FileHashes } from '../../src/io/FileHashes.js';
import { sha256 } from '../../src/io/hash.js';
import { PreparedCache, preparingCodeHash } from '../../src/io/PreparedCache.js';
import { CLAUSE_COLUMNS } from '../../src/core/tables/clauseColumns.js';
import { processDocument } from '../../src/pipeline/processDocument.js';
import { validateCodebook } from '../../src/core/codebook/validateCodebook.js';
import { compileCodebook } from '../../src/core/coding/compileCodebook.js';

const dir = mkdtempSync(join(tmpdir(), 'policy-code-prepared-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const text = '关于推进区块链医疗应用的通知\n第一条 对试点项目给予财政补贴。\n第二条 加强数据安全监管。\n第三条 本办法自发布之日起施行。\n';
const doc = { kind: 'txt' as const, method: 'plain' as const, pages: [{ number: 1, text }], warnings: [] };
const SHA = 'ab'.repeat(32);

describe('prepareDocument', () => {
  it('keeps clauses without a document id until clausesOf gives them one', () => {
    const p = prepareDocument(doc);
    expect(p.classification.kind).toBe('policy');
    expect(p.clauses.map((c) => c.id)).toEqual(['-0-1', '-0-2', '-0-3']);
    expect(clausesOf(p, 'D042').map((c) => [c.id, c.docId])).toEqual([['D042-0-1', 'D042'], ['D042-0-2', 'D042'], ['D042-0-3', 'D042']]);
    expect(p.fingerprint).toHaveLength(64);
  });

  it('codes a prepared document read back from JSON (as the cache stores it) exactly as the fresh one', () => {
    const r = validateCodebook({ codebook: 't', version: '1', categories: [{ id: 'fin', label: { zh: '金融' }, keywords: ['补贴'] }, { id: 'reg', label: { zh: '法规' }, keywords: ['监管'] }] });
    if (!r.ok) throw new Error('codebook');
    const compiled = [compileCodebook(r.codebook)];
    const io = { segment: (t: string) => t.split(/(补贴|监管)/).filter(Boolean) };
    const fromPages = processDocument({ docId: 'D001', file: 'a.txt', sha256: SHA, input: { ok: true, prepared: prepareDocument(doc) } }, { compiled, io });
    const fromPrepared = processDocument({ docId: 'D001', file: 'a.txt', sha256: SHA, input: { ok: true, prepared: JSON.parse(JSON.stringify(prepareDocument(doc))) } }, { compiled, io });
    expect(fromPrepared).toEqual(fromPages);
    expect(fromPages.clauseRows.map((row) => [row[CLAUSE_COLUMNS.indexOf('clause_id')], row[CLAUSE_COLUMNS.indexOf('primary')]])).toEqual([['D001-0-1', 'fin'], ['D001-0-2', 'reg'], ['D001-0-3', 'none']]);
  });
});

describe('PreparedCache', () => {
  it('returns what was put, under the hash of the preparing code', async () => {
    expect(preparingCodeHash()).toMatch(/^[0-9a-f]{64}$/);
    const cache = new PreparedCache(dir);
    expect(await cache.get(SHA)).toBeNull();
    const p = prepareDocument(doc);
    await cache.put(SHA, p);
    expect(await new PreparedCache(dir).get(SHA)).toEqual({ prepared: p });
    expect(readdirSync(join(dir, 'prepared'))[0]).toMatch(new RegExp(`-${preparingCodeHash().slice(0, 16)}-f2$`));
    // --no-cache reads nothing
    expect(await new PreparedCache(dir, false).get(SHA)).toBeNull();
  });

  it('stores the clauses without their texts (spans of the document text) and gives them back in place', async () => {
    const cache = new PreparedCache(dir);
    const p = prepareDocument(doc);
    const sha = '12'.repeat(32);
    await cache.put(sha, p);
    const folder = join(dir, 'prepared', readdirSync(join(dir, 'prepared'))[0]!);
    const stored = deserialize(readFileSync(join(folder, '12', `${sha}.v8`))) as { prepared: { clauses: Array<{ text: string | null }> } };
    expect(stored.prepared.clauses.map((c) => c.text)).toEqual([null, null, null]);
    const back = (await cache.get(sha))!.prepared;
    expect(back.clauses.map((c) => c.text)).toEqual(p.clauses.map((c) => c.text));
    expect(back.clauses.map((c) => Object.keys(c))).toEqual(p.clauses.map((c) => Object.keys(c)));
    // A span outside the text: the entry is a miss, not clauses with wrong texts.
    stored.prepared.clauses[2] = { ...stored.prepared.clauses[2]!, end: p.text.length + 1 } as { text: null };
    writeFileSync(join(folder, '12', `${sha}.v8`), serialize(stored));
    expect(await cache.get(sha)).toBeNull();
  });

  it('treats a damaged entry or one stored under another hash as missing', async () => {
    const cache = new PreparedCache(dir);
    await cache.put('cd'.repeat(32), prepareDocument(doc));
    const folder = join(dir, 'prepared', readdirSync(join(dir, 'prepared'))[0]!);
    writeFileSync(join(folder, 'cd', `${'cd'.repeat(32)}.v8`), serialize({ sha256: 'cd'.repeat(32), prepared: prepareDocument(doc) }).subarray(0, 40));
    expect(await cache.get('cd'.repeat(32))).toBeNull();
    await cache.put('ef'.repeat(32), prepareDocument(doc));
    writeFileSync(join(folder, 'ef', `${'ef'.repeat(32)}.v8`), serialize({ sha256: '00'.repeat(32), prepared: prepareDocument(doc) }));
    expect(await cache.get('ef'.repeat(32))).toBeNull();
  });
});

describe('FileHashes', () => {
  it('remembers a settled file by size, time and inode, and hashes a changed one again', async () => {
    const file = join(dir, 'policy.txt');
    writeFileSync(file, '第一条 给予补贴。');
    const old = new Date(Date.now() - 60_000);
    utimesSync(file, old, old);
    const hashes = await FileHashes.open(dir);
    expect(await hashes.sha256Of(file)).toBe(sha256('第一条 给予补贴。'));
    await hashes.save();

    // Same size and time but other bytes: the remembered hash is returned (that is the bargain, as in git).
    writeFileSync(file, '第一条 给予奖励。');
    utimesSync(file, old, old);
    expect(await (await FileHashes.open(dir)).sha256Of(file)).toBe(sha256('第一条 给予补贴。'));
    // A new modification time: read and hashed again.
    const later = new Date(Date.now() - 30_000);
    utimesSync(file, later, later);
    expect(await (await FileHashes.open(dir)).sha256Of(file)).toBe(sha256('第一条 给予奖励。'));
    // Without the cache (--no-cache) nothing remembered is used.
    utimesSync(file, old, old);
    expect(await (await FileHashes.open(dir, false)).sha256Of(file)).toBe(sha256('第一条 给予奖励。'));
  });

  it('does not remember a file modified just now, and gives null for a missing file', async () => {
    const file = join(dir, 'fresh.txt');
    writeFileSync(file, 'a');
    const hashes = await FileHashes.open(dir);
    expect(await hashes.sha256Of(file)).toBe(sha256('a'));
    await hashes.save();
    writeFileSync(file, 'b');
    utimesSync(file, statSync(file).atime, statSync(file).mtime);
    expect(await (await FileHashes.open(dir)).sha256Of(file)).toBe(sha256('b'));
    expect(await hashes.sha256Of(join(dir, 'missing.txt'))).toBeNull();
  });
});
