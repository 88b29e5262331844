import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { findDocNumbers } from '../../src/core/metadata/docNumber.js';
import { analyzedRealCorpus } from '../realCorpusRun.js';
import { sharedDir } from '../sharedDir.js';

/**
 * Accuracy of province, year, 文号 and level on the real corpus, against what a person read off
 * each document (MANIFEST.tsv). Measured on the documents whose text could be read (not
 * needs_ocr, failed or empty); the floors are what the tool reached, so a regression fails here.
 * Reads the test run's one analyze of the corpus (test/realCorpusRun.ts).
 */
const shared = sharedDir();
const run = inject('realCorpus');
if (!shared) console.warn('metadataAccuracy.test: ../shared/corpus not found, accuracy on the real corpus not measured');

type Row = Record<string, string>;
const UNREAD = new Set(['needs_ocr', 'failed', 'empty', 'skipped']);

/** 广东(东莞市) -> 广东, 国家(国务院) -> 全国. */
export function goldProvince(s: string): string | null {
  if (!s.trim()) return null;
  return s.startsWith('国家') ? '全国' : s.replace(/[(（].*$/, '').trim();
}

/** 2022 and 2023? (a person's best reading) are years; '33 pages, ...' is not. */
export function goldYear(s: string): number | null {
  const m = /^\s*(\d{4})\??\s*$/.exec(s);
  return m ? Number(m[1]) : null;
}

/** The 文号 a title states, when it states exactly one; decrees as 令第N号. */
function goldNumber(title: string): { bracketed?: string; decree?: number } | null {
  const bracketed = findDocNumbers(title);
  const decrees = [...title.matchAll(/令第(\d+)号|第(\d+)号令/g)];
  if (bracketed.length === 1 && decrees.length === 0) return { bracketed: bracketed[0]!.text };
  if (decrees.length === 1 && bracketed.length === 0) return { decree: Number(decrees[0]![1] ?? decrees[0]![2]) };
  return null;
}

/** 国家 -> national; a county or district in the parenthesis -> county; a city or prefecture -> prefecture. */
function goldLevel(s: string): string | null {
  if (!s.trim()) return null;
  if (s.startsWith('国家')) return 'national';
  const inner = /[(（](.*)[)）]/.exec(s)?.[1];
  if (!inner) return 'provincial';
  return /[县区]$/.test(inner) ? 'county' : 'prefecture';
}

interface Score {
  right: number;
  total: number;
  wrong: string[];
}
const score = (): Score => ({ right: 0, total: 0, wrong: [] });
const share = (s: Score) => (s.total ? s.right / s.total : 0);
const show = (name: string, s: Score) => `${name} ${s.right}/${s.total} = ${share(s).toFixed(3)}${s.wrong.length ? `; wrong: ${s.wrong.join(', ')}` : ''}`;

describe.skipIf(!shared || !run)('metadata on ../shared/corpus against MANIFEST.tsv', () => {
  const scores = { province: score(), year: score(), docNumber: score(), level: score() };
  let docs: Row[] = [];

  beforeAll(async () => {
    const r = await analyzedRealCorpus(run!);
    expect([0, 1], r.stderr).toContain(r.code);
    docs = parse(readFileSync(join(run!.out, 'documents.csv'), 'utf8'), { columns: true, bom: true }) as Row[];
    const manifest = parse(readFileSync(join(shared!, 'corpus', 'MANIFEST.tsv'), 'utf8'), { columns: true, delimiter: '\t', relax_quotes: true }) as Row[];
    const byFile = new Map(docs.map((d) => [d.file!, d]));
    for (const m of manifest) {
      const d = byFile.get(m.local_file!);
      if (!d || UNREAD.has(d.status!)) continue;
      const tally = (s: Score, gold: unknown, ok: boolean, got: string) => {
        if (gold === null) return;
        s.total++;
        if (ok) s.right++;
        else s.wrong.push(`${m.local_file} (${got || 'none'} for ${String(gold)})`);
      };
      const p = goldProvince(m.province!);
      tally(scores.province, p, d.province === p, d.province!);
      const y = goldYear(m.year!);
      tally(scores.year, y, Number(d.year) === y, d.year!);
      const n = goldNumber(m.title!);
      const got = d.doc_number!;
      tally(scores.docNumber, n && (n.bracketed ?? n.decree), n?.bracketed ? got === n.bracketed : n?.decree !== undefined && got.endsWith(`令第${n.decree}号`), got);
      const l = goldLevel(m.province!);
      tally(scores.level, l, d.level === l, d.level!);
    }
    console.log(['metadata accuracy on ../shared/corpus (documents with text):', ...Object.entries(scores).map(([k, s]) => show(k, s))].join('\n  '));
  }, 45 * 60_000);

  it('gets the province of at least 95% of the documents with text right', () => {
    expect(scores.province.total).toBeGreaterThanOrEqual(40);
    expect(share(scores.province)).toBeGreaterThanOrEqual(0.95);
  });

  it('gets the year of at least 75% right', () => {
    expect(scores.year.total).toBeGreaterThanOrEqual(35);
    expect(share(scores.year)).toBeGreaterThanOrEqual(0.75);
  });

  it('gets the 文号 of at least 60% of the documents whose title states one', () => {
    expect(scores.docNumber.total).toBeGreaterThanOrEqual(15);
    expect(share(scores.docNumber)).toBeGreaterThanOrEqual(0.6);
  });

  it('gets the administrative level of at least 85% right', () => {
    expect(share(scores.level)).toBeGreaterThanOrEqual(0.85);
  });

  it('lists province, year and 文号 columns and where each came from', () => {
    const dongguan = docs.find((d) => d.file === 're_dongguan_2020_hpf_loans.pdf')!;
    expect(dongguan).toMatchObject({ province: '广东', year: '2020', doc_number: '东公积金委〔2020〕2号', level: 'prefecture', date: '2020-09-22' });
    expect(dongguan.provenance).toMatch(/(^|;)province:text:0\.\d+(;|$)/);
  });

  it('marks the newspaper page not_policy and the penalty table an annex of tables, and finds no false duplicates', () => {
    const paper = docs.find((d) => d.file!.endsWith('_NEWSPAPER.pdf'))!;
    expect(paper.status).toBe('not_policy');
    expect(paper.message).toMatch(/^not a policy document: a newspaper page/);
    const table = docs.find((d) => d.file === 're_beijing_ndrc_penalty_discretion_table.pdf')!;
    expect(table.status).toBe('ok');
    expect(table.message).toMatch(/^table-only annex \(附件\)/);
    expect(docs.filter((d) => d.status === 'duplicate').map((d) => d.file)).toEqual([]);
  });
});
