#!/usr/bin/env node
/**
 * Draws the units of the silver sets (test/silver/README.md) for blind coding: sentences of the clauses
 * `analyze` cut from ../shared/corpus and ../shared/corpus2 that share no 12 characters with a gold unit
 * (nor, for set 2, with a unit of set 1), a few per document, in an order fixed by a hash, with 40 gold
 * units mixed in to calibrate the coders. Writes <out>/s1 to s8, each units.csv (id, text: what
 * the coders read) and key.csv (id, corpus, doc, gold unit, silver key). The texts stay outside the
 * repository; the codes are kept in test/silver/silver-codes.csv by key.
 *   node --import ./scripts/runTypeScript.mjs scripts/sample-silver.mjs <analyze out of corpus> <of corpus2> <out>
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { compact, silverKey, silverSentences } from '../test/silver/silverUnits.ts';

const [outCorpus, outCorpus2, out] = process.argv.slice(2);
if (!out) {
  console.error('usage: sample-silver.mjs <analyze out of corpus> <analyze out of corpus2> <out dir>');
  process.exit(2);
}
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = [resolve(root, '..', 'shared'), '/work/shared'].find((d) => { try { readFileSync(join(d, 'gold', 'README.md')); return true; } catch { return false; } });
const rd = (f) => parse(readFileSync(f, 'utf8'), { columns: true, bom: true });
const hash = (seed, s) => createHash('sha256').update(seed + s).digest('hex');
const dev = rd(join(shared, 'gold', 'dev-units.csv'));
const dev2 = rd(join(shared, 'gold', 'dev2-units.csv'));

/** Every 12 characters (at steps of 3) of the texts a fresh unit must not share. */
function shingles(texts) {
  const grams = new Set();
  for (const t of texts.map(compact)) for (let i = 0; i + 12 <= t.length; i += 3) grams.add(t.slice(i, i + 12));
  return grams;
}
const overlaps = (grams, text) => { const t = compact(text); for (let i = 0; i + 12 <= t.length; i++) if (grams.has(t.slice(i, i + 12))) return true; return false; };

/** `n` sentences of one analyze, at most `cap` a document, in the order of their hash. */
function draw(seed, grams, dir, corpus, cap, n, taken = new Set()) {
  const sentences = rd(join(dir, 'clauses.csv')).filter((r) => r.in_scope !== 'false')
    .flatMap((r) => silverSentences(r.text).filter((t) => !overlaps(grams, t)).map((text) => ({ doc: r.doc_id, corpus, text })));
  sentences.sort((a, b) => (hash(seed, a.text) < hash(seed, b.text) ? -1 : 1));
  const perDoc = new Map();
  const seen = new Set();
  const picked = [];
  for (const s of sentences) {
    if (picked.length >= n) break;
    const c = perDoc.get(s.doc) ?? 0;
    if (c >= cap || seen.has(compact(s.text)) || taken.has(compact(s.text))) continue;
    perDoc.set(s.doc, c + 1);
    seen.add(compact(s.text));
    picked.push(s);
  }
  return picked;
}

function write(dir, seed, units) {
  const ordered = [...units].sort((a, b) => (hash(seed, 'o' + a.text) < hash(seed, 'o' + b.text) ? -1 : 1));
  ordered.forEach((u, i) => (u.id = 'S' + String(i + 1).padStart(3, '0')));
  const q = (s) => '"' + s.replace(/"/g, '""') + '"';
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'units.csv'), 'id,text\n' + ordered.map((u) => `${u.id},${q(u.text)}`).join('\n') + '\n');
  writeFileSync(join(dir, 'key.csv'), 'id,corpus,doc,gold,key\n' + ordered.map((u) => [u.id, u.corpus, u.doc, u.gold ?? '', silverKey(u.text)].join(',')).join('\n') + '\n');
  return ordered;
}

const calibration = (seed, from, to) => [dev, dev2].flatMap((set) =>
  [...set].sort((a, b) => (hash(seed, a.unit_id) < hash(seed, b.unit_id) ? -1 : 1)).slice(from, to).map((g) => ({ doc: g.doc, corpus: 'gold', text: g.text, gold: g.unit_id })));

const gold = [...dev, ...dev2].map((g) => g.text);
const s1Grams = shingles(gold);
const s1 = write(join(out, 's1'), 'silver1', [
  ...draw('silver1', s1Grams, outCorpus, 'corpus', 4, 130), ...draw('silver1', s1Grams, outCorpus2, 'corpus2', 6, 90), ...calibration('silver1', 0, 20)]);
const s2Grams = shingles([...gold, ...s1.map((u) => u.text)]);
const s2 = write(join(out, 's2'), 'silver2', [
  ...draw('silver2', s2Grams, outCorpus, 'corpus', 6, 240), ...draw('silver2', s2Grams, outCorpus2, 'corpus2', 10, 160), ...calibration('silver2', 20, 40)]);
const s3Grams = shingles([...gold, ...s1.map((u) => u.text), ...s2.map((u) => u.text)]);
const s3 = write(join(out, 's3'), 'silver3', [
  ...draw('silver3', s3Grams, outCorpus, 'corpus', 8, 240), ...draw('silver3', s3Grams, outCorpus2, 'corpus2', 12, 160), ...calibration('silver3', 40, 60)]);
/**
 * Set `n`, drawn after the `earlier` sets: no sentence sharing 12 characters with a gold unit or an earlier
 * unit, nor the exact text of an earlier unit (a sentence of 10-13 characters has no 12 characters at the
 * shingles' steps, README). `draws`: [analyze out, corpus, cap a document, units]; `calibrate`: the slice
 * of gold units mixed in. With `acrossCorpora`, a later corpus also leaves out the set's own earlier draws
 * (set 5 drew one sentence from both corpora before this was asked for).
 */
function laterSet(n, earlier, draws, [from, to], acrossCorpora = false) {
  const grams = shingles([...gold, ...earlier.flat().map((u) => u.text)]);
  const taken = new Set(earlier.flat().map((u) => compact(u.text)));
  const units = [];
  for (const [dir, corpus, cap, count] of draws) {
    const leftOut = acrossCorpora ? new Set([...taken, ...units.map((u) => compact(u.text))]) : taken;
    units.push(...draw(`silver${n}`, grams, dir, corpus, cap, count, leftOut));
  }
  return write(join(out, `s${n}`), `silver${n}`, [...units, ...calibration(`silver${n}`, from, to)]);
}

const s4 = laterSet(4, [s1, s2, s3], [[outCorpus, 'corpus', 8, 240], [outCorpus2, 'corpus2', 12, 160]], [60, 80]);
// Set 5 is a second tuning set, larger, for reading errors on units set 1's fixes never saw.
const s5 = laterSet(5, [s1, s2, s3, s4], [[outCorpus, 'corpus', 10, 360], [outCorpus2, 'corpus2', 16, 240]], [80, 100]);
// Set 6 is a check measured once, at the end of 2.8.0.
const s6 = laterSet(6, [s1, s2, s3, s4, s5], [[outCorpus, 'corpus', 10, 240], [outCorpus2, 'corpus2', 16, 160]], [100, 120], true);
// Sets 7 and 8, from ../shared/corpus only (corpus2 has no sentence left), for the next round: set 7 to
// decide that round's changes, set 8 to be measured once at its end.
const s7 = laterSet(7, [s1, s2, s3, s4, s5, s6], [[outCorpus, 'corpus', 10, 400]], [120, 140]);
laterSet(8, [s1, s2, s3, s4, s5, s6, s7], [[outCorpus, 'corpus', 10, 400]], [140, 160]);
console.log(`wrote ${['s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8'].map((s) => join(out, s)).join(', ')}`);
