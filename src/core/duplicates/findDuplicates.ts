import { FINGERPRINT_SLOTS, fingerprintSimilarity } from './textFingerprint.js';

/** What duplicate detection needs of one document. */
export interface DuplicateCandidate {
  docId: string;
  /** Hash of the file's bytes; '' when the file could not be read. */
  sha256: string;
  /** Province, or null when unknown: the same text issued by two provinces is two policies. */
  province: string | null;
  /** The document's own 文号 in canonical form, or null. */
  docNumber: string | null;
  /** Title (or header) text, where a 修订/修改 version says so. */
  title: string;
  /** textFingerprint of the text; empty when there is no text. */
  fingerprint: readonly number[];
}

export interface DuplicateFinding {
  docId: string;
  /** The earliest document (by id) of the policy this one repeats. */
  originalId: string;
  /** Why, for the message: "same file bytes", "same 文号 ...", "near-identical text, similarity 0.94". */
  reason: string;
}

/** Near-identical: at least this share of MinHash slots agree (estimated Jaccard of 5-grams). */
export const NEAR_DUPLICATE_SIMILARITY = 0.8;
/** Two files with the same 文号 but less alike than this are parts of one document (a notice and its annex), not copies. */
const SAME_NUMBER_MIN_SIMILARITY = 0.3;
/** LSH bands of the fingerprint: 16 bands of 4 slots make pairs above ~0.5 similarity likely candidates. */
const BANDS = 16;
const ROWS = FINGERPRINT_SLOTS / BANDS;

const REVISION = /修订|修改|修正/;

/** A revised version, or the same template adopted by another province, is another policy. */
function isRevisionPair(a: DuplicateCandidate, b: DuplicateCandidate): boolean {
  if (a.province && b.province && a.province !== b.province) return true;
  return REVISION.test(a.title) !== REVISION.test(b.title);
}

/**
 * Finds the documents that repeat an earlier one: the same file bytes, the same 文号, or
 * near-identical text (a PDF and a web page of one policy). A revised version (修订, 修改) of a
 * policy is not a duplicate of it, nor are two texts with different 文号. Documents are added in id
 * order, so a streamed run can decide each document as it comes: the earliest id of a group is its
 * original. Candidate pairs come from exact keys and LSH buckets, so the work stays near-linear in
 * the corpus, and only the small candidates (no text) are kept.
 */
export class DuplicateFinder {
  private readonly bySha = new Map<string, DuplicateCandidate>();
  private readonly byNumber = new Map<string, DuplicateCandidate[]>();
  private readonly buckets = new Map<string, DuplicateCandidate[]>();
  private readonly originalOf = new Map<string, string>();
  private lastId = '';

  /** Adds the next document (ids must increase) and returns its finding when it repeats an earlier one. */
  add(d: DuplicateCandidate): DuplicateFinding | null {
    if (d.docId <= this.lastId) throw new Error(`DuplicateFinder: ${d.docId} added after ${this.lastId}; add documents in id order`);
    this.lastId = d.docId;
    let match: { of: DuplicateCandidate; reason: string } | null = null;
    const sameBytes = d.sha256 ? this.bySha.get(d.sha256) : undefined;
    if (sameBytes) match = { of: sameBytes, reason: 'same file bytes' };

    if (!match && d.docNumber) {
      for (const other of this.byNumber.get(d.docNumber) ?? []) {
        if (isRevisionPair(d, other)) continue;
        const both = d.fingerprint.length > 0 && other.fingerprint.length > 0;
        if (both && fingerprintSimilarity(d.fingerprint, other.fingerprint) < SAME_NUMBER_MIN_SIMILARITY) continue;
        match = { of: other, reason: `same 文号 ${d.docNumber}` };
        break;
      }
    }

    const keys = bandKeys(d.fingerprint);
    if (!match) {
      const seen = new Set<string>();
      let best: { of: DuplicateCandidate; similarity: number } | null = null;
      for (const key of keys) {
        for (const other of this.buckets.get(key) ?? []) {
          if (seen.has(other.docId)) continue;
          seen.add(other.docId);
          if (isRevisionPair(d, other)) continue;
          if (d.docNumber && other.docNumber && d.docNumber !== other.docNumber) continue;
          const similarity = fingerprintSimilarity(d.fingerprint, other.fingerprint);
          if (similarity >= NEAR_DUPLICATE_SIMILARITY && (!best || similarity > best.similarity || (similarity === best.similarity && other.docId < best.of.docId))) {
            best = { of: other, similarity };
          }
        }
      }
      if (best) match = { of: best.of, reason: `near-identical text, similarity ${best.similarity.toFixed(2)}` };
    }

    let finding: DuplicateFinding | null = null;
    if (match) {
      const originalId = this.originalOf.get(match.of.docId) ?? match.of.docId;
      this.originalOf.set(d.docId, originalId);
      finding = { docId: d.docId, originalId, reason: match.reason };
    }
    if (d.sha256 && !this.bySha.has(d.sha256)) this.bySha.set(d.sha256, d);
    if (d.docNumber) listAt(this.byNumber, d.docNumber).push(d);
    for (const key of keys) listAt(this.buckets, key).push(d);
    return finding;
  }
}

/** Every duplicate among `docs`, whatever their order (they are taken by id). */
export function findDuplicates(docs: readonly DuplicateCandidate[]): DuplicateFinding[] {
  const finder = new DuplicateFinder();
  const sorted = [...docs].sort((a, b) => (a.docId < b.docId ? -1 : a.docId > b.docId ? 1 : 0));
  return sorted.flatMap((d) => finder.add(d) ?? []);
}

function listAt<T>(map: Map<string, T[]>, key: string): T[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

function bandKeys(fingerprint: readonly number[]): string[] {
  if (fingerprint.length !== FINGERPRINT_SLOTS) return [];
  const keys: string[] = [];
  for (let b = 0; b < BANDS; b++) keys.push(`${b}:${fingerprint.slice(b * ROWS, (b + 1) * ROWS).join(',')}`);
  return keys;
}

/** The documents.csv message of a duplicate: "duplicate of D003 (same 文号 粤府办〔2020〕12号)". */
export function duplicateMessage(f: DuplicateFinding): string {
  return `duplicate of ${f.originalId} (${f.reason})`;
}
