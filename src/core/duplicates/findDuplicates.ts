import { FINGERPRINT_SLOTS, fingerprintSimilarity, mix } from './textFingerprint.js';

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
  fingerprint: ArrayLike<number>;
  /** Issuing agency, or null when unknown: one 文号 is one policy only within one issuer. */
  issuer?: string | null;
  /** The document's date (YYYY-MM-DD), or null: two dates are two policies. */
  date?: string | null;
  /** What the researcher's metadata.csv says of the document (null where it says nothing). */
  given?: GivenIdentity;
}

/** The fields of metadata.csv that tell two policies apart, as canonical text. */
export interface GivenIdentity {
  title: string | null;
  year: string | null;
  docNumber: string | null;
  province: string | null;
}

export interface DuplicateFinding {
  docId: string;
  /**
   * `duplicate`: the same policy as `originalId`, left out of the counts. `similar`: near-identical
   * text, but something (a title in metadata.csv, a 文号, a date) makes it another policy: counted.
   */
  kind: 'duplicate' | 'similar';
  /** The earliest document (by id) of the policy this one repeats, or the one it resembles. */
  originalId: string;
  /** Why, for the message: "same file bytes", "same 文号 ...", "near-identical text, similarity 0.94". */
  reason: string;
  /** What decided: the same bytes, the same 文号, or near-identical text. */
  cause: 'same file bytes' | 'same 文号' | 'near-identical text';
}

/** Near-identical: at least this share of MinHash slots agree (estimated Jaccard of 5-grams). */
const NEAR_DUPLICATE_SIMILARITY = 0.8;
/** Two files with the same 文号 but less alike than this are parts of one document (a notice and its annex), not copies. */
const SAME_NUMBER_MIN_SIMILARITY = 0.3;
/** LSH bands of the fingerprint: 16 bands of 4 slots make pairs above ~0.5 similarity likely candidates. */
const BANDS = 16;
const ROWS = FINGERPRINT_SLOTS / BANDS;

const REVISION = /修订|修改|修正/;

const differ = (x: string | null | undefined, y: string | null | undefined): boolean => !!x && !!y && x !== y;

/**
 * What makes two near-identical texts two policies, or null when nothing does. A template adopted by
 * many places (a county copy of a provincial measure) has one text and many policies: the
 * researcher's own metadata.csv, or a 文号 or date of the texts, tells them apart.
 */
function toldApart(a: DuplicateCandidate, b: DuplicateCandidate): string | null {
  const checks: Array<[string, string | null | undefined, string | null | undefined]> = [
    ['title in metadata.csv', a.given?.title, b.given?.title],
    ['year in metadata.csv', a.given?.year, b.given?.year],
    ['文号 in metadata.csv', a.given?.docNumber, b.given?.docNumber],
    ['province in metadata.csv', a.given?.province, b.given?.province],
    ['文号', a.docNumber, b.docNumber],
    ['date', a.date, b.date],
    ['province', a.province, b.province],
  ];
  const found = checks.find(([, x, y]) => differ(x, y));
  if (found) return `a different ${found[0]}`;
  return REVISION.test(a.title) !== REVISION.test(b.title) ? 'one is a revised version (修订)' : null;
}

/** Two issuers that are not one agency written two ways (one name contains the other). */
function otherIssuer(a: DuplicateCandidate, b: DuplicateCandidate): boolean {
  const x = a.issuer?.replace(/\s/g, '');
  const y = b.issuer?.replace(/\s/g, '');
  return !!x && !!y && !x.includes(y) && !y.includes(x);
}

/**
 * Finds the documents that repeat an earlier one: the same file bytes, the same 文号 of the same
 * issuer, or near-identical text (a PDF and a web page of one policy) when nothing tells the two
 * apart (toldApart); near-identical texts that something does tell apart are distinct policies,
 * reported as `similar`. Documents are added in id
 * order, so a streamed run can decide each document as it comes: the earliest id of a group is its
 * original. Candidate pairs come from exact keys and LSH buckets, so the work stays near-linear in
 * the corpus, and only the small candidates (no text) are kept.
 */
export class DuplicateFinder {
  private readonly bySha = new Map<string, Kept>();
  private readonly byNumber = new Map<string, Kept[]>();
  /**
   * The documents by band: a number per band and its values (bandKey), so a document costs 16 small
   * integers here instead of 16 strings and 16 arrays (a run keeps every document's candidate until
   * its last document: 6.7 kB each made a cold run's heap grow with the corpus). Two bands may share
   * a key: a document found under one counts only when its band is equal (sameBand).
   */
  private readonly buckets = new Map<number, Kept | Kept[]>();
  private readonly originalOf = new Map<string, string>();
  private lastId = '';

  /**
   * Adds the next document (ids must increase) and returns its finding: a duplicate of an earlier
   * document, a distinct policy whose text resembles an earlier one, or null.
   */
  add(d: DuplicateCandidate): DuplicateFinding | null {
    if (d.docId <= this.lastId) throw new Error(`DuplicateFinder: ${d.docId} added after ${this.lastId}; add documents in id order`);
    this.lastId = d.docId;
    const keys = bandKeys(d.fingerprint);
    const finding = this.sameBytes(d) ?? this.sameNumber(d) ?? this.nearIdentical(d, keys);
    if (finding?.kind === 'duplicate') this.originalOf.set(d.docId, finding.originalId);
    // Kept with its fingerprint in 256 bytes (the slots are 32-bit), not 64 numbers.
    const kept: Kept = { ...d, fingerprint: Uint32Array.from(d.fingerprint) };
    if (d.sha256 && !this.bySha.has(d.sha256)) this.bySha.set(d.sha256, kept);
    if (d.docNumber) listAt(this.byNumber, d.docNumber).push(kept);
    for (const key of keys) {
      const held = this.buckets.get(key);
      if (held === undefined) this.buckets.set(key, kept);
      else if (Array.isArray(held)) held.push(kept);
      else this.buckets.set(key, [held, kept]);
    }
    return finding;
  }

  private duplicateOf(d: DuplicateCandidate, of: DuplicateCandidate, cause: DuplicateFinding['cause'], reason: string): DuplicateFinding {
    return { docId: d.docId, kind: 'duplicate', originalId: this.originalOf.get(of.docId) ?? of.docId, reason, cause };
  }

  private sameBytes(d: DuplicateCandidate): DuplicateFinding | null {
    const other = d.sha256 ? this.bySha.get(d.sha256) : undefined;
    return other ? this.duplicateOf(d, other, 'same file bytes', 'same file bytes') : null;
  }

  /** The same 文号 of the same issuer is one policy, unless one is a revision or the texts are a notice and its annex. */
  private sameNumber(d: DuplicateCandidate): DuplicateFinding | null {
    if (!d.docNumber) return null;
    for (const other of this.byNumber.get(d.docNumber) ?? []) {
      if (otherIssuer(d, other) || differ(d.province, other.province) || REVISION.test(d.title) !== REVISION.test(other.title)) continue;
      const both = d.fingerprint.length > 0 && other.fingerprint.length > 0;
      if (both && fingerprintSimilarity(d.fingerprint, other.fingerprint) < SAME_NUMBER_MIN_SIMILARITY) continue;
      return this.duplicateOf(d, other, 'same 文号', `same 文号 ${d.docNumber}`);
    }
    return null;
  }

  /** The most similar earlier text that nothing tells apart (a duplicate), else the most similar one that something does. */
  private nearIdentical(d: DuplicateCandidate, keys: readonly number[]): DuplicateFinding | null {
    const seen = new Set<string>();
    const best: Record<'same' | 'apart', { of: DuplicateCandidate; similarity: number; why: string } | null> = { same: null, apart: null };
    for (let band = 0; band < keys.length; band++) {
      const held = this.buckets.get(keys[band]!);
      for (const other of held === undefined ? [] : Array.isArray(held) ? held : [held]) {
        if (seen.has(other.docId) || !sameBand(d.fingerprint, other.fingerprint, band)) continue;
        seen.add(other.docId);
        const similarity = fingerprintSimilarity(d.fingerprint, other.fingerprint);
        if (similarity < NEAR_DUPLICATE_SIMILARITY) continue;
        const why = toldApart(d, other);
        const slot = why ? 'apart' : 'same';
        const held = best[slot];
        if (!held || similarity > held.similarity || (similarity === held.similarity && other.docId < held.of.docId)) best[slot] = { of: other, similarity, why: why ?? '' };
      }
    }
    if (best.same) return this.duplicateOf(d, best.same.of, 'near-identical text', `near-identical text, similarity ${best.same.similarity.toFixed(2)}`);
    if (!best.apart) return null;
    const { of, similarity, why } = best.apart;
    return { docId: d.docId, kind: 'similar', originalId: of.docId, reason: `near-identical text, similarity ${similarity.toFixed(2)}, but ${why}`, cause: 'near-identical text' };
  }
}

/** Every finding among `docs` (duplicates, and distinct policies with a similar text), whatever their order (they are taken by id). */
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

/** A DuplicateCandidate as the finder keeps it until the end of a run. */
type Kept = Omit<DuplicateCandidate, 'fingerprint'> & { fingerprint: Uint32Array };

/** Per band, a 30-bit number of the band's index and values (a small integer: no allocation as a Map key); none for an empty fingerprint. */
function bandKeys(fingerprint: ArrayLike<number>): number[] {
  if (fingerprint.length !== FINGERPRINT_SLOTS) return [];
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = mix(b + 1);
    for (let r = b * ROWS; r < (b + 1) * ROWS; r++) h = mix(h ^ fingerprint[r]!);
    keys.push(h & 0x3fffffff);
  }
  return keys;
}

/** Whether two fingerprints have the same values in `band` (its key alone may be shared by another band). */
function sameBand(a: ArrayLike<number>, b: ArrayLike<number>, band: number): boolean {
  for (let r = band * ROWS; r < (band + 1) * ROWS; r++) if (a[r] !== b[r]) return false;
  return true;
}

/** The documents.csv message of a duplicate: "duplicate of D003 (same 文号 粤府办〔2020〕12号)". */
export function duplicateMessage(f: DuplicateFinding): string {
  return `duplicate of ${f.originalId} (${f.reason})`;
}
