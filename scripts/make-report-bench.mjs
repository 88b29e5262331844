#!/usr/bin/env node
// Writes a synthetic analyze output folder (summaries.json + clauses.csv, nothing else) of any size,
// for measuring report.html on large corpora: `policy-code report <dir>` then builds the page.
// Clauses are made of the default codebook's own keywords between filler text, with the evidence
// at the right offsets, and the summaries count exactly those clauses, so the page's tables and its
// clause browser agree as they do after a real run. Deterministic (seeded).
// Needs the build (npm run build). Usage, from the repository root:
//   node scripts/make-report-bench.mjs <dir> <clauses> [documents]    (default documents: clauses / 70)
import { mkdirSync, createWriteStream, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCodebooks } from '../dist/io/readCodebook.js';
import { outlineOf } from '../dist/core/tables/CodebookOutline.js';
import { serializeSummaries } from '../dist/core/tables/summariesFile.js';
import { csvHeader, csvRows } from '../dist/export/csv.js';
import { CLAUSE_COLUMNS } from '../dist/core/tables/clauseColumns.js';

// The coder's confidence, runner-up and deciding rule (issue 11), whether or not this build writes them.
const COLUMNS = [...new Set([...CLAUSE_COLUMNS, 'confidence', 'runner_up', 'decided_by', 'auto_primary'])];

const [dir, clausesArg, docsArg] = process.argv.slice(2);
if (!dir || !clausesArg) {
  console.error('usage: node scripts/make-report-bench.mjs <dir> <clauses> [documents]');
  process.exit(2);
}
const total = Number(clausesArg);
const docCount = Number(docsArg ?? Math.max(1, Math.round(total / 70)));
const [book] = await loadCodebooks([join(import.meta.dirname, '..', 'codebooks', 'rothwell-zegveld.zh.yaml')]);
const outline = outlineOf(book.codebook, book.sha256);
const leaves = book.codebook.leaves.map((l) => ({ id: l.id, dimension: l.dimension, terms: l.keywords.map((k) => k.term).filter((t) => t.length >= 2).slice(0, 12) }));
const provinces = ['广东', '浙江', '江苏', '北京', '上海', '山东', '四川', '湖北', '福建', '河南', '贵州', '海南'];
const filler = '各地区各部门要结合实际认真贯彻落实推动医疗健康领域高质量发展进一步优化服务流程提升群众获得感'.split('');

let seed = 20240601;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (xs) => xs[Math.floor(random() * xs.length)];
const fill = (n) => Array.from({ length: n }, () => pick(filler)).join('');

mkdirSync(dir, { recursive: true });
const out = createWriteStream(join(dir, 'clauses.csv'));
out.write(csvHeader(COLUMNS, { bom: true }));
const documents = [];
for (let d = 0; d < docCount; d++) {
  const docId = `D${String(d + 1).padStart(Math.max(3, String(docCount).length), '0')}`;
  const n = Math.floor(total / docCount) + (d < total % docCount ? 1 : 0);
  const primaryCounts = {};
  const anyCounts = {};
  const rows = [];
  let coded = 0;
  for (let k = 0; k < n; k++) {
    const codes = random() < 0.15 ? [] : [pick(leaves), ...(random() < 0.5 ? [pick(leaves)] : [])];
    let text = fill(10 + Math.floor(random() * 30));
    const matches = [];
    for (const leaf of codes) {
      const term = pick(leaf.terms);
      matches.push(`${term}@${text.length}(${leaf.id}${random() < 0.2 ? ' [heading]' : ''})`);
      text += term + fill(10 + Math.floor(random() * 25));
    }
    text += '。';
    const ids = [...new Set(codes.map((c) => c.id))];
    const ordered = leaves.filter((l) => ids.includes(l.id));
    const primary = codes[0]?.id ?? 'none';
    primaryCounts[primary] = (primaryCounts[primary] ?? 0) + 1;
    for (const c of ordered) anyCounts[c.id] = (anyCounts[c.id] ?? 0) + 1;
    if (primary !== 'none') coded++;
    const dims = [...new Set(ordered.map((l) => l.dimension))];
    const cells = {
      clause_id: `${docId}-1-${k + 1}`, doc_id: docId, chapter: 1, article: k + 1, item: '', text, primary, instruments: ordered.map((l) => l.id).join(';'),
      dimensions: dims.join(';'), matched_terms: matches.join(';'), in_scope: 'true', code_source: 'auto', auto_primary: primary,
      confidence: primary === 'none' ? 0.9 : Math.round(random() * 1000) / 1000, runner_up: codes[1] && codes[1].id !== primary ? codes[1].id : '', decided_by: primary === 'none' ? 'no evidence' : 'terms',
    };
    rows.push(COLUMNS.map((c) => cells[c] ?? ''));
  }
  if (!out.write(csvRows({ name: 'clauses', columns: [], rows }))) await new Promise((r) => out.once('drain', r));
  documents.push({
    docId, file: `${docId}.txt`, sha256: '0'.repeat(64), title: `关于推进第${d + 1}号试点工作的通知`, province: provinces[d % provinces.length], year: 2015 + (d % 10),
    level: 'provincial', pages: 1, chars: 0, clauses: n, codedClauses: coded, status: 'ok', message: '', primaryCounts, anyCounts,
    docNumber: null, issuer: null, date: null, provenance: '', inScopeClauses: n, further: {},
  });
}
await new Promise((r) => out.end(r));
writeFileSync(join(dir, 'summaries.json'), serializeSummaries([outline], documents));
writeFileSync(join(dir, 'run.json'), JSON.stringify({ corpus: `synthetic: ${total} clauses in ${docCount} documents` }, null, 2) + '\n');
console.log(`${dir}: ${total} clauses in ${docCount} documents`);
