import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../core/errors.js';
import { UNREAD_STATUSES } from '../core/types.js';
import type { DocumentSummary } from '../core/tables/buildTables.js';
import { outlineOf } from '../core/tables/CodebookOutline.js';
import { csvHeader } from '../export/csv.js';
import { OutputStage } from '../io/OutputStage.js';
import { loadCodebooks } from '../io/readCodebook.js';
import { runCounts } from './runManifest.js';
import { PART_CLAUSES, PART_INFO, type PartInfo } from './PartInfo.js';
import { clauseColumns } from '../core/tables/clauseColumns.js';
import { markDuplicate } from './markDuplicate.js';
import { runNotes } from '../export/runNotes.js';
import { DuplicateFinder } from '../core/duplicates/findDuplicates.js';
import { writeSummaryOutputs } from './summaryOutputs.js';
import { VERSION } from './version.js';
import type { NotApplied } from './manualOverrides.js';
import { mergeNotApplied } from './mergeNotApplied.js';
import { notAppliedRecord, type NotAppliedRecord } from './NotAppliedRecord.js';
import { writeReportHtml } from './writeReportHtml.js';

export interface MergeOptions {
  parts: string[];
  out: string;
  /** Codebooks to build the tables with (default: the files the shards recorded); must have the same content. */
  codebooks?: string[];
}

/** The codebooks a shard was coded with, the main one first. */
function recorded(info: PartInfo): Array<PartInfo['run']['codebook']> {
  return [info.run.codebook, ...(info.run.further_codebooks ?? [])];
}

function shas(info: PartInfo): string {
  return recorded(info).map((c) => c.sha256).join(' ');
}

async function readPart(dir: string): Promise<PartInfo> {
  let text: string;
  try {
    text = await readFile(join(dir, PART_INFO.file), 'utf8');
  } catch {
    throw new UserError('usage', `${dir}: no ${PART_INFO.file} here (give the --out folders of 'analyze --shard i/n' runs)`);
  }
  let info: PartInfo;
  try {
    info = JSON.parse(text) as PartInfo;
  } catch {
    throw new UserError('input', `${join(dir, PART_INFO.file)}: not valid JSON (was the shard interrupted?)`);
  }
  if (info.format !== PART_INFO.format) throw new UserError('input', `${join(dir, PART_INFO.file)}: format '${info.format}', expected '${PART_INFO.format}'`);
  return info;
}

/** Stops the merge, with every reason at once, unless the parts are the shards of one run. */
function checkParts(parts: ReadonlyArray<{ dir: string; info: PartInfo }>): void {
  const first = parts[0]!.info;
  const problems: string[] = [];
  const seen = new Map<number, string>();
  for (const { dir, info } of parts) {
    if (info.shard.count !== first.shard.count) problems.push(`${dir}: shard ${info.shard.index}/${info.shard.count}, but ${parts[0]!.dir} is one of ${first.shard.count}`);
    const unitOf = (i: PartInfo) => (i.run as { unit?: string }).unit ?? 'sentence';
    if (unitOf(info) !== unitOf(first)) problems.push(`${dir}: cut in unit ${unitOf(info)}, but ${parts[0]!.dir} in unit ${unitOf(first)} (give every shard the same --unit)`);
    if (shas(info) !== shas(first)) problems.push(`${dir}: coded with other codebooks (${recorded(info).map((c) => c.file).join(', ')})`);
    if (info.documents_total !== first.documents_total || info.corpus_files.join('\n') !== first.corpus_files.join('\n')) problems.push(`${dir}: ran on another corpus (or the corpus changed between shards)`);
    if (seen.has(info.shard.index)) problems.push(`${dir}: shard ${info.shard.index}/${info.shard.count} is also in ${seen.get(info.shard.index)}`);
    seen.set(info.shard.index, dir);
  }
  const missing = Array.from({ length: first.shard.count }, (_, i) => i).filter((i) => !seen.has(i));
  if (missing.length > 0) problems.push(`missing shard${missing.length === 1 ? '' : 's'} ${missing.map((i) => `${i}/${first.shard.count}`).join(', ')}`);
  if (problems.length > 0) throw new UserError('input', `cannot merge ${parts.length} partial result${parts.length === 1 ? '' : 's'}`, problems);
}

/** run.json of the merged output: the first shard's run, with every shard's counts and inputs. */
function mergedRun(parts: ReadonlyArray<{ dir: string; info: PartInfo }>, byIndex: ReadonlyArray<PartInfo['parts'][number]>, documents: readonly DocumentSummary[], manifest: unknown, notApplied: readonly NotApplied[]): Record<string, unknown> {
  const first = parts[0]!.info;
  const manual = manualOf(first);
  return {
    tool: 'policy-code',
    version: VERSION,
    codebook: first.run.codebook,
    further_codebooks: first.run.further_codebooks,
    corpus: first.run.corpus,
    merged_from: parts.map(({ dir, info }) => ({ dir, shard: `${info.shard.index}/${info.shard.count}`, version: info.run.version })),
    counts: {
      ...runCounts(first.corpus_files.length + first.skipped.length, first.skipped.length, documents),
      from_cache: parts.reduce((n, { info }) => n + Number((info.run.counts as { from_cache?: number } | undefined)?.from_cache ?? 0), 0),
      manual_codes_applied: parts.reduce((n, { info }) => n + Number((info.run.counts as { manual_codes_applied?: number } | undefined)?.manual_codes_applied ?? 0), 0),
    },
    // As one run records them; a shard applies only the codes of its own documents.
    ...(manual ? { manual: { file: manual.file, codes: manual.codes, applied: parts.reduce((n, { info }) => n + (manualOf(info)?.applied ?? 0), 0), not_applied: notApplied.map((n) => notAppliedRecord(n, false)) } } : {}),
    inputs: byIndex.map((p) => ({ file: p.summary.file, sha256: p.summary.sha256, ...(p.pdf_engine ? { pdf_engine: p.pdf_engine } : {}) })),
    skipped: first.skipped,
    tables: manifest,
  };
}

/** The manual codes block of a shard's run (absent in parts written before shards kept it). */
function manualOf(info: PartInfo): { file: string | null; codes: number; applied: number; not_applied: NotAppliedRecord[] } | undefined {
  return info.run.manual as ReturnType<typeof manualOf>;
}

/**
 * Combines the partial results of `analyze --shard i/n` runs into the tables one run over the whole
 * corpus writes, byte for byte: summaries are put back in corpus order, every table is built by the
 * same function as in analyze, and clauses.csv is the shards' rows copied in document order.
 */
export async function merge(options: MergeOptions): Promise<{ outputs: string[]; documents: number; problems: number; notes: string; notApplied: NotApplied[] }> {
  if (options.parts.length === 0) throw new UserError('usage', 'merge needs the folders of the shards');
  const parts = await Promise.all(options.parts.map(async (dir) => ({ dir, info: await readPart(dir) })));
  checkParts(parts);
  const first = parts[0]!.info;

  const want = recorded(first);
  const books = await loadCodebooks(options.codebooks ?? want.map((c) => c.file));
  if (books.length !== want.length || books.some((b, i) => b.sha256 !== want[i]!.sha256)) {
    throw new UserError(
      'input',
      `the codebooks given (${books.map((b) => b.file).join(', ')}) are not those the shards used (${want.map((c) => `${c.file}, sha256 ${c.sha256.slice(0, 12)}`).join('; ')}); give those files with --codebook, in the same order`,
    );
  }
  const outlines = books.map((b) => outlineOf(b.codebook, b.sha256));

  // Duplicates are decided here, over the whole corpus in id order, exactly as one run decides them.
  const finder = new DuplicateFinder();
  const byIndex = parts
    .flatMap(({ dir, info }) => info.parts.map((p) => ({ ...p, dir })))
    .sort((a, b) => a.index - b.index)
    .map((p) => {
      const summary = markDuplicate(finder, p.summary, p.duplicate_key);
      if (summary === p.summary) return p;
      return summary.status === 'duplicate' ? { ...p, summary, clauses: [0, 0] as [number, number] } : { ...p, summary };
    });
  const documents = byIndex.map((p) => p.summary);
  const notApplied = mergeNotApplied(parts.map(({ info }) => manualOf(info)?.not_applied ?? []));
  const stage = await OutputStage.open(options.out);
  const handles = new Map(await Promise.all(parts.map(async ({ dir }) => [dir, await open(join(dir, PART_CLAUSES), 'r')] as const)));
  let made: Awaited<ReturnType<typeof writeSummaryOutputs>>;
  try {
    const clauses = stage.stream('clauses.csv');
    await clauses.write(csvHeader(clauseColumns(books.slice(1).map((b) => b.codebook.name)), { bom: first.tables.bom }));
    for (const p of byIndex) {
      const [offset, length] = p.clauses;
      if (length === 0) continue;
      const buf = Buffer.alloc(length);
      const { bytesRead } = await handles.get(p.dir)!.read(buf, 0, length, offset);
      if (bytesRead !== length) throw new UserError('input', `${join(p.dir, PART_CLAUSES)}: shorter than ${PART_INFO.file} says (was the shard interrupted?)`);
      await clauses.write(buf.toString('utf8'));
    }
    made = await writeSummaryOutputs(stage, outlines, documents, first.tables);
    const run = mergedRun(parts, byIndex, documents, made.manifest, notApplied);
    await stage.put('run.json', JSON.stringify(run, null, 2) + '\n');
  } catch (err) {
    await stage.abort();
    throw err;
  } finally {
    await Promise.all([...handles.values()].map((h) => h.close()));
  }
  const outputs = await stage.commit();
  const page = { out: options.out, clausesCsv: join(options.out, 'clauses.csv'), corpus: first.run.corpus, codebooks: outlines, documents, tables: first.tables, built: made.tables };
  outputs.push((await writeReportHtml(page)).file);
  return { outputs, documents: documents.length, problems: documents.filter((d) => UNREAD_STATUSES.includes(d.status)).length, notes: runNotes(documents), notApplied };
}
