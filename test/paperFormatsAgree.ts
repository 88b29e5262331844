import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readCsv } from './recountTables.js';

// Compares the paper formats of a run (tables/*.md, tables/*.tex, tables.xlsx, report.html) with
// each other and with the CSV files, cell by cell, and lists where they differ.

/** A Markdown table: its heading and rows of cells as printed. */
export function readMarkdown(file: string): { head: string[]; rows: string[][] } {
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.startsWith('|'));
  const cells = (l: string) => l.slice(1, -1).split(' | ').map((c) => c.trim().replace(/\\\|/g, '|'));
  return { head: cells(lines[0]!), rows: lines.slice(2).map(cells) };
}

/** The body rows of a LaTeX table, as printed (escapes undone), without its heading rows. */
function readLatex(file: string): string[][] {
  const rows = readFileSync(file, 'utf8').split('\n').filter((l) => / \\\\$/.test(l) && l.includes(' & '))
    .map((l) => l.replace(/ \\\\$/, '').split(' & ').map((c) => c.trim().replace(/\\([%&_#$])/g, '$1')));
  const head = JSON.stringify(rows[0]);
  return rows.filter((r) => JSON.stringify(r) !== head);
}

const isNumber = (s: string) => /^-?\d+(\.\d+)?(e-?\d+)?$/.test(s);

/** A CSV value as the paper formats print it: a share as a percentage to one decimal, else to the printed decimals. */
function agrees(csv: string, paper: string, isShare: boolean): boolean {
  if (paper === '< 0.001') return Number(csv) < 0.001;
  if (isShare) return Math.abs(Number(csv) * 100 - Number(paper)) <= 0.05 + 1e-9;
  const decimals = paper.split('.')[1]?.length ?? 0;
  return Math.abs(Number(csv) - Number(paper)) <= 0.5 * 10 ** -decimals + 1e-9;
}

/** Markdown against the CSV: per row, the numbers in order (the paper formats drop id columns, never numbers). */
function markdownAgainstCsv(dir: string, name: string, problems: string[]): void {
  const md = readMarkdown(join(dir, 'tables', `${name}.md`));
  const csv = readCsv(dir, `${name}.csv`);
  if (md.rows.length !== csv.length) problems.push(`${name}.md: ${md.rows.length} rows, ${name}.csv ${csv.length}`);
  csv.forEach((row, i) => {
    const fromCsv = Object.entries(row).filter(([, v]) => isNumber(v) || v === '');
    const shown = (md.rows[i] ?? []).map((c, j) => [c, md.head[j]!] as const).filter(([c]) => isNumber(c) || c === '' || c === '< 0.001');
    // Empty text cells (a label the CSV leaves empty) are not numbers: compare only where both sides have a value.
    const values = fromCsv.filter(([, v]) => v !== '');
    const printed = shown.filter(([c]) => c !== '');
    if (values.length !== printed.length) {
      problems.push(`${name}.md row ${i + 1}: ${printed.length} numbers printed, ${values.length} in the CSV`);
      return;
    }
    values.forEach(([col, v], k) => {
      const [cell, heading] = printed[k]!;
      if (!agrees(v, cell, heading.endsWith('(%)'))) problems.push(`${name}.md row ${i + 1} ${heading}: ${cell}, ${name}.csv ${col}: ${v}`);
    });
  });
}

/** A number as Excel displays it to `decimals`: its 15 significant digits, rounded half away from zero. */
function excelFixed(v: number, decimals: number): string {
  const [digits, exponent] = Math.abs(v).toExponential(14).split('e');
  const scaled = BigInt(digits!.replace('.', '')); // v = scaled * 10^(exponent - 14)
  const shift = Number(exponent) - 14 + decimals;
  const whole = shift >= 0 ? scaled * 10n ** BigInt(shift) : (scaled + 5n * 10n ** BigInt(-shift - 1)) / 10n ** BigInt(-shift);
  const text = whole.toString().padStart(decimals + 1, '0');
  return `${v < 0 && whole > 0n ? '-' : ''}${decimals ? `${text.slice(0, -decimals)}.${text.slice(-decimals)}` : text}`;
}

/** A workbook cell as its number format shows it in Excel. */
function shownInSheet(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (typeof v !== 'number') return v === null || v === undefined ? '' : String(v);
  const format = cell.numFmt ?? 'General';
  if (format.includes('"< 0.001"') && v < 0.001) return '< 0.001';
  if (format === '0.0%') return excelFixed(v * 100, 1);
  const decimals = /0\.(0+)$/.exec(format)?.[1]?.length;
  return decimals ? excelFixed(v, decimals) : String(v);
}

/** Every mismatch between the CSV files, the Markdown, the LaTeX, the workbook and the page of a run. */
export async function paperFormatsAgree(dir: string): Promise<string[]> {
  const problems: string[] = [];
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(join(dir, 'tables.xlsx'));
  const html = existsSync(join(dir, 'report.html')) ? readFileSync(join(dir, 'report.html'), 'utf8') : '';
  const htmlText = html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
  const names = readdirSync(join(dir, 'tables')).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3)).sort();
  for (const name of names) {
    if (name !== 'coding_table') markdownAgainstCsv(dir, name, problems);
    const md = readMarkdown(join(dir, 'tables', `${name}.md`));
    if (name !== 'coding_table') {
      const tex = readLatex(join(dir, 'tables', `${name}.tex`));
      if (JSON.stringify(tex) !== JSON.stringify(md.rows)) problems.push(`${name}.tex rows differ from ${name}.md: ${JSON.stringify(tex)} vs ${JSON.stringify(md.rows)}`);
    }
    // Sheet names are cut to Excel's 31 characters (two long names become name and name~2): any sheet of the prefix.
    const sheets = book.worksheets.filter((w) => w.name === name || (name.length > 31 && w.name.startsWith(name.slice(0, 28))));
    const bodies = sheets.map((sheet) => {
      const rows: string[][] = [];
      sheet.eachRow((r) => rows.push(md.head.map((_, j) => shownInSheet(r.getCell(j + 1)))));
      const at = rows.findIndex((r) => JSON.stringify(r) === JSON.stringify(md.head));
      return at < 0 ? null : rows.slice(at + 1, at + 1 + md.rows.length);
    });
    if (!bodies.some((body) => JSON.stringify(body) === JSON.stringify(md.rows))) problems.push(`tables.xlsx has no sheet ${name} as ${name}.md: ${JSON.stringify(bodies)} vs ${JSON.stringify(md.rows)}`);
    // The page shows some of the tables (those whose caption it has), with the Markdown's numbers, row by row.
    const caption = readFileSync(join(dir, 'tables', `${name}.md`), 'utf8').split('\n')[0]!.replace(/\*\*/g, '');
    const onPage = name !== 'coding_table' && htmlText.includes(caption);
    for (const row of onPage ? md.rows : []) {
      const numbers = row.filter(isNumber).join(' ');
      if (numbers && !htmlText.includes(numbers)) problems.push(`report.html has no row with ${numbers} (${name}: ${row.join(' | ')})`);
    }
  }
  return problems;
}
