import type { ReportClause } from '../core/report/ReportClause.js';
import type { CodebookOutline } from '../core/tables/CodebookOutline.js';
import type { Table } from '../core/tables/Table.js';
import { NONE } from '../core/types.js';
import type { Figure } from './figures.js';
import { escapeHtml, overviewHtml } from './reportOverview.js';
import { REPORT_SCRIPT } from './reportScript.js';
import { REPORT_STYLE } from './reportStyle.js';
import { reportStrings, type ReportLanguage } from './reportStrings.js';

export interface ReportDocument {
  docId: string;
  title: string;
  file: string;
  /** Canonical province (as the tables group it), null when unknown. */
  province: string | null;
  year: number | null;
  status: string;
  message: string;
}

/** Everything on report.html except the clauses, which are streamed in chunks after it. */
export interface ReportOverview {
  lang: ReportLanguage;
  corpus: string;
  /** The main codebook: its categories, labels and colours. */
  codebook: CodebookOutline;
  /** The table filters of the run, as run.json records them; empty for every document. */
  filters: string;
  documents: ReportDocument[];
  tables: Table[];
  figures: Figure[];
}

/** Light, distinct backgrounds (ColorBrewer Set3) for <mark>, one per instrument in codebook order. */
const MARK_COLOURS = ['#8dd3c7', '#ffffb3', '#bebada', '#fb8072', '#80b1d3', '#fdb462', '#b3de69', '#fccde5', '#d9d9d9', '#bc80bd', '#ccebc5', '#ffed6f'];

/** JSON that can sit inside <script>: no `</script>`, no `<!--`, whatever the clause texts hold. */
function scriptJson(value: unknown): string {
  const json = JSON.stringify(value);
  // One test instead of three passes over every clause's text: most texts hold none of the three.
  return /[<\u2028\u2029]/.test(json) ? json.replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029') : json;
}

/** A clause of the clause browser encoded without its document: the JSON of its id, and of the rest of its row. */
export type EncodedClause = [id: string, rest: string];

/**
 * The clause browser's rows: `encode` turns a clause into escaped JSON without its document (a
 * worker thread that codes a document does not know where the page will list it), `row` puts the
 * document's index in the page's document list in, `block` wraps rows into one script element. A
 * page's blocks are `block` of its rows in clauses.csv order, 5,000 at a time (`REPORT_BLOCK`),
 * whoever writes them: from clauses.csv (report, merge) or as the clauses are coded (analyze,
 * recode). JSON.stringify of an array is its elements' JSON joined by commas and the escaping is
 * per character, so rows put together this way are the bytes of the whole array encoded at once.
 */
export function reportRows(codebook: CodebookOutline): { encode(c: ReportClause): EncodedClause; row(c: EncodedClause, doc: number): string; block(rows: readonly string[]): string } {
  const codes = [...codebook.leaves.map((l) => l.id), NONE];
  const codeIndex = new Map(codes.map((c, i) => [c, i]));
  const code = (c: string): number | string => codeIndex.get(c) ?? c;
  return {
    encode(c) {
      const evidence: Array<number | string> = [];
      for (const e of c.evidence) evidence.push(e.start, e.end, code(e.category));
      const others = c.codes.filter((x) => x !== c.primary).map(code);
      const notes = c.evidence.some((e) => e.notes) ? c.evidence.map((e) => (e.notes ?? []).join('; ')) : null;
      // After the document: text, primary, other codes, evidence, manual, automatic primary, confidence, runner-up, rule, notes.
      const rest: unknown[] = [c.text, code(c.primary), others, evidence, c.manual ? 1 : 0, c.autoPrimary === null ? null : code(c.autoPrimary), c.confidence, c.runnerUp === null ? null : code(c.runnerUp), c.rule, notes];
      // Trailing defaults are left out (the script fills them in): a few MB less on a large corpus.
      while (rest.length > 4 && (rest[rest.length - 1] === null || rest[rest.length - 1] === '' || (rest.length === 5 && rest[4] === 0))) rest.pop();
      return [scriptJson(c.id), scriptJson(rest).slice(1)];
    },
    row: (c, doc) => `[${c[0]},${doc},${c[1]}`,
    block: (rows) => (rows.length === 0 ? '' : `<script type="application/json" class="report-clauses">[${rows.join(',')}]</script>\n`),
  };
}

/** Clauses per block of the clause browser: small enough to stream, few enough blocks to parse fast. */
export const REPORT_BLOCK = 5000;

/**
 * report.html in three parts, so that a writer can stream any number of clauses without holding
 * them: `head` (styles, overview, the page's data), then `chunk` for each batch of clauses in
 * clauses.csv order, then `tail` (the script). Pure: the same inputs give the same bytes.
 */
export function reportPage(o: ReportOverview): { head: string; chunk(clauses: readonly ReportClause[]): string; tail: string } {
  const s = reportStrings(o.lang);
  const leafLabel = (l: { label: { zh: string; en?: string } }) => (o.lang === 'en' ? (l.label.en ?? l.label.zh) : l.label.zh);
  const codes = [...o.codebook.leaves.map((l) => l.id), NONE];
  const docIndex = new Map(o.documents.map((d, i) => [d.docId, i]));
  const dims = o.codebook.dimensions.map((d) => d.id);
  const rows = reportRows(o.codebook);
  const meta = {
    lang: o.lang,
    s,
    codes,
    labels: [...o.codebook.leaves.map(leafLabel), s.none],
    colours: [...o.codebook.leaves.map((_, i) => MARK_COLOURS[i % MARK_COLOURS.length]!), '#eeeeee'],
    codeDim: [...o.codebook.leaves.map((l) => dims.indexOf(l.dimension)), -1],
    dims: o.codebook.dimensions.map((d) => [d.id, leafLabel(d)]),
    docs: o.documents.map((d) => [d.docId, d.title || d.file, d.province ?? '', d.year ?? 0, d.status]),
  };
  const head = [
    '<!DOCTYPE html>',
    `<html lang="${o.lang === 'en' ? 'en' : 'zh-CN'}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // An empty icon: without it a browser may ask the network or the file system for favicon.ico.
    '<link rel="icon" href="data:,">',
    `<title>${escapeHtml(`${s.title}: ${o.codebook.name} ${o.codebook.version}`)}</title>`,
    `<style>${REPORT_STYLE}</style>`,
    '</head><body>',
    `<header><h1>${escapeHtml(s.title)}</h1><nav><button type="button" data-nav="overview">${escapeHtml(s.overview)}</button><button type="button" data-nav="browser">${escapeHtml(s.browser)}</button></nav></header>`,
    '<main>',
    overviewHtml(o, s),
    '<section id="browser">',
    `<h2>${escapeHtml(s.browser)}</h2>`,
    `<noscript>${escapeHtml(s.noScript)}</noscript>`,
    '<form id="filters" autocomplete="off"></form>',
    `<p class="count"><span id="match-count">0</span> ${escapeHtml(s.clausesMatching)}</p>`,
    '<div id="list" tabindex="0"><div id="spacer"></div></div>',
    '</section>',
    '</main>',
    '<div id="docview" hidden></div>',
    `<script type="application/json" id="report-meta">${scriptJson(meta)}</script>`,
    '',
  ].join('\n');
  return {
    head,
    chunk(clauses) {
      const encoded: string[] = [];
      for (const c of clauses) {
        const doc = docIndex.get(c.docId);
        // A clause of a document the report does not list (filtered out of the tables) is not shown.
        if (doc !== undefined) encoded.push(rows.row(rows.encode(c), doc));
      }
      return rows.block(encoded);
    },
    tail: REPORT_TAIL,
  };
}

/** The end of the page: the script, after every block of clauses. */
export const REPORT_TAIL = `<script>${REPORT_SCRIPT}</script>\n</body></html>\n`;

/** The whole page at once, for small runs and tests. */
export function reportHtml(o: ReportOverview, clauses: readonly ReportClause[]): string {
  const page = reportPage(o);
  return page.head + page.chunk(clauses) + page.tail;
}
