import type { Table } from '../core/tables/Table.js';
import type { Figure } from './figures.js';
import { formatCell, headings, isNumericColumn } from './formatCell.js';
import type { ReportDocument, ReportOverview } from './reportHtml.js';
import type { ReportStrings } from './reportStrings.js';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The tables the overview shows, in this order; the others are in the CSV files beside the page. */
const OVERVIEW_TABLES = ['instruments', 'dimensions', 'province_summary', 'years'];

/** A cell that filters the clause browser when clicked: the ids of instruments and dimensions. */
function linkFor(table: Table, column: string, cell: string): string | null {
  if (column === 'instrument' && table.name === 'instruments') return `#instrument=${encodeURIComponent(cell)}`;
  if (column === 'dimension' && (table.name === 'instruments' || table.name === 'dimensions')) return `#dimension=${encodeURIComponent(cell)}`;
  if (column === 'year' && table.name === 'years') return `#year=${encodeURIComponent(cell)}`;
  return null;
}

/** A table as the paper formats print it (its own headings, shares as percentages), each cell tagged with its column id. */
function tableHtml(table: Table): string {
  const head = headings(table, 'paper');
  const numeric = table.columns.map((_, i) => isNumericColumn(table, i));
  const rows = table.rows.map((r) => {
    const cells = r.map((cell, i) => {
      const column = table.columns[i]!;
      const text = formatCell(table, i, cell, 'paper');
      const link = linkFor(table, column, text);
      const inner = link ? `<a href="${escapeHtml(link)}">${escapeHtml(text)}</a>` : escapeHtml(text);
      return `<td data-col="${escapeHtml(column)}"${numeric[i] ? ' class="num"' : ''}>${inner}</td>`;
    });
    return `<tr>${cells.join('')}</tr>`;
  });
  return [
    `<table class="data" data-table="${escapeHtml(table.name)}">`,
    table.title ? `<caption>${escapeHtml(table.title)}</caption>` : '',
    `<thead><tr>${head.map((h, i) => `<th${numeric[i] ? ' class="num"' : ''}>${escapeHtml(h)}</th>`).join('')}</tr></thead>`,
    `<tbody>${rows.join('\n')}</tbody></table>`,
  ].join('\n');
}

/** Documents by status, then each document that is not counted with its reason. */
function statusHtml(docs: readonly ReportDocument[], s: ReportStrings): string {
  const byStatus = new Map<string, number>();
  for (const d of docs) byStatus.set(d.status, (byStatus.get(d.status) ?? 0) + 1);
  const statuses = [...byStatus.entries()].sort(([a], [b]) => (a === 'ok' ? -1 : b === 'ok' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  const notCounted = docs.filter((d) => d.status !== 'ok');
  const rows = notCounted.map(
    (d) => `<tr><td>${escapeHtml(d.docId)}</td><td>${escapeHtml(d.title || d.file)}</td><td>${escapeHtml(d.status)}</td><td>${escapeHtml(d.message)}</td></tr>`,
  );
  return [
    `<h3>${escapeHtml(s.documentsByStatus)}</h3>`,
    `<table class="data" data-table="status"><thead><tr><th>${escapeHtml(s.status)}</th><th class="num">${escapeHtml(s.documents)}</th></tr></thead><tbody>`,
    ...statuses.map(([st, n]) => `<tr><td data-col="status">${escapeHtml(st)}${st === 'ok' ? ` (${escapeHtml(s.counted)})` : ''}</td><td data-col="documents" class="num">${n}</td></tr>`),
    '</tbody></table>',
    notCounted.length === 0
      ? ''
      : `<details><summary>${escapeHtml(s.notCounted)} (${notCounted.length})</summary><table class="data" data-table="not-counted"><thead><tr><th>id</th><th>${escapeHtml(s.document)}</th><th>${escapeHtml(s.status)}</th><th>${escapeHtml(s.message)}</th></tr></thead><tbody>${rows.join('\n')}</tbody></table></details>`,
  ].join('\n');
}

function figuresHtml(figures: readonly Figure[]): string {
  // The SVGs are our own (svgCharts.ts escapes every text), so they go in as they are.
  return figures.map((f) => `<figure data-figure="${escapeHtml(f.name)}">${f.svg.replace(/^<\?xml[^>]*>\s*/, '')}</figure>`).join('\n');
}

/** The overview section: corpus, codebook, documents by status, the main tables and the figures. */
export function overviewHtml(o: ReportOverview, s: ReportStrings): string {
  const shown = OVERVIEW_TABLES.map((name) => o.tables.find((t) => t.name === name)).filter((t): t is Table => t !== undefined);
  return [
    '<section id="overview">',
    `<h2>${escapeHtml(s.overview)}</h2>`,
    '<dl class="facts">',
    `<dt>${escapeHtml(s.corpus)}</dt><dd>${escapeHtml(o.corpus)}</dd>`,
    `<dt>${escapeHtml(s.codebook)}</dt><dd id="codebook">${escapeHtml(o.codebook.name)} ${escapeHtml(o.codebook.version)}</dd>`,
    `<dt>${escapeHtml(s.filters)}</dt><dd>${escapeHtml(o.filters || s.noFilters)}</dd>`,
    '</dl>',
    statusHtml(o.documents, s),
    `<h3>${escapeHtml(s.tables)}</h3>`,
    ...shown.map((t) => tableHtml(t)),
    `<h3>${escapeHtml(s.figures)}</h3>`,
    `<div class="figures">${figuresHtml(o.figures)}</div>`,
    '</section>',
  ].join('\n');
}
