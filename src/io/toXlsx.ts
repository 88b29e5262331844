import type { Table } from '../core/tables/Table.js';
import { formatCell, headings, paperColumns } from '../export/formatCell.js';
import { zipFiles } from './zipFiles.js';

/** A fixed date for the workbook's properties and zip entries: same tables, same bytes. */
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Cell styles (cellXfs in styles.xml): plain, bold header, and the number formats of the kinds. */
const STYLE = { plain: 0, header: 1, share: 2, decimal2: 3, decimal3: 4, pvalue: 5 } as const;
const STYLES = `${XML}<styleSheet xmlns="${MAIN}"><numFmts count="3"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="0.000"/><numFmt numFmtId="166" formatCode="[&lt;0.001]&quot;&lt; 0.001&quot;;0.000"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** Excel sheet names: at most 31 characters, none of []:*?/\, unique ignoring case. */
function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31);
  let candidate = base;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) candidate = `${base.slice(0, 31 - String(i).length - 1)}~${i}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** Text for XML: the five entities escaped, the control characters XML cannot hold removed. */
function xmlText(text: string): string {
  return text.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g, '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** A1-style column letters of a 0-based column index. */
function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** The workbook's strings, each once (sharedStrings.xml), in order of first use. */
class SharedStrings {
  private readonly index = new Map<string, number>();
  private uses = 0;

  of(text: string): number {
    this.uses++;
    let i = this.index.get(text);
    if (i === undefined) this.index.set(text, (i = this.index.size));
    return i;
  }

  xml(): string {
    const items = [...this.index.keys()].map((s) => `<si><t${/^\s|\s$/.test(s) ? ' xml:space="preserve"' : ''}>${xmlText(s)}</t></si>`);
    return `${XML}<sst xmlns="${MAIN}" count="${this.uses}" uniqueCount="${this.index.size}">${items.join('')}</sst>`;
  }
}

type XlsxCell = string | number | null;

/** One row of cells (strings shared, an empty one too; numbers as numbers; null left empty) with their styles. */
function rowXml(r: number, cells: readonly XlsxCell[], styles: readonly number[], strings: SharedStrings): string {
  const xml = cells.map((v, k) => {
    if (v === null) return '';
    const ref = `${columnLetters(k)}${r}`;
    const s = styles[k] ? ` s="${styles[k]}"` : '';
    return typeof v === 'number' ? `<c r="${ref}"${s}><v>${v}</v></c>` : `<c r="${ref}"${s} t="s"><v>${strings.of(v)}</v></c>`;
  });
  return `<row r="${r}">${xml.join('')}</row>`;
}

/**
 * A table's sheet as the paper formats show it (headings in the table's language, id columns left
 * out, notes under the table) with numbers as numbers: shares as proportions shown in percent
 * format and p as "< 0.001" below 0.001, both unrounded (the paper formats round them once), other
 * numbers rounded as in the CSV files; the header row bold and frozen; columns as wide as their text.
 */
function sheetXml(table: Table, strings: SharedStrings): string {
  const shown = paperColumns(table);
  const head = headings(table, 'paper');
  const kindStyle = (i: number) => {
    const kind = table.kinds?.[table.columns[i]!];
    return kind === 'share' ? STYLE.share : kind === 'decimal2' ? STYLE.decimal2 : kind === 'decimal3' ? STYLE.decimal3 : kind === 'pvalue' ? STYLE.pvalue : STYLE.plain;
  };
  const styles = shown.map(kindStyle);
  const rows = [rowXml(1, shown.map((i) => head[i]!), shown.map(() => STYLE.header), strings)];
  for (const row of table.rows) {
    const cells = shown.map((i): XlsxCell => {
      const cell = row[i] ?? '';
      if (typeof cell === 'string') return formatCell(table, i, cell, 'paper');
      if (!Number.isFinite(cell)) return null;
      // Shares and p are kept whole: Excel rounds what it shows, and a share rounded to four decimals
      // first would show 54.6% for 6/11 (0.5455) where the Markdown and LaTeX print 54.5%.
      const kind = table.kinds?.[table.columns[i]!];
      return kind === 'share' || kind === 'pvalue' ? cell : Number(formatCell(table, i, cell, 'data'));
    });
    rows.push(rowXml(rows.length + 1, cells, styles, strings));
  }
  if (table.notes?.length) {
    rows.push(`<row r="${rows.length + 1}"/>`);
    for (const note of table.notes) rows.push(rowXml(rows.length + 1, [note], [STYLE.plain], strings));
  }
  const cols = shown.map((i, k) => {
    const cells = [head[i]!, ...table.rows.map((r) => String(r[i] ?? ''))];
    const width = Math.min(60, Math.max(8, Math.max(...cells.map((c) => c.length * (/[^\x00-\xff]/.test(c) ? 2 : 1))) + 2));
    return `<col min="${k + 1}" max="${k + 1}" width="${width}" customWidth="1"/>`;
  });
  const pane = '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>';
  return `${XML}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">${pane}<sheetFormatPr defaultRowHeight="15"/>${cols.length ? `<cols>${cols.join('')}</cols>` : ''}<sheetData>${rows.join('')}</sheetData></worksheet>`;
}

/** The package parts around the sheets: content types, relationships, workbook, properties. */
function packageParts(names: readonly string[]): Array<[string, string]> {
  const date = FIXED_DATE.toISOString().replace('.000Z', 'Z');
  const sheetTypes = names.map((_, k) => `<Override PartName="/xl/worksheets/sheet${k + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('');
  return [
    ['[Content_Types].xml', `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheetTypes}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`],
    ['_rels/.rels', `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/></Relationships>`],
    ['docProps/app.xml', `${XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>policy-code</Application></Properties>`],
    ['docProps/core.xml', `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>policy-code</dc:creator><cp:lastModifiedBy>policy-code</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified></cp:coreProperties>`],
    ['xl/workbook.xml', `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets>${names.map((n, k) => `<sheet name="${xmlText(n)}" sheetId="${k + 1}" r:id="rId${k + 1}"/>`).join('')}</sheets></workbook>`],
    ['xl/_rels/workbook.xml.rels', `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names.map((_, k) => `<Relationship Id="rId${k + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${k + 1}.xml"/>`).join('')}<Relationship Id="rId${names.length + 1}" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId${names.length + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`],
    ['xl/styles.xml', STYLES],
  ];
}

/**
 * tables.xlsx: one sheet per table, named after it (sheetXml). The SpreadsheetML is written here
 * (exceljs took 0.5 s to load and 0.3 s to write the workbook of 1,000 documents; this takes a few
 * hundredths), with fixed dates: the same tables give the same bytes.
 */
export function toXlsx(tables: readonly Table[]): Uint8Array {
  const taken = new Set<string>();
  const names = tables.map((t) => sheetName(t.name, taken));
  const strings = new SharedStrings();
  const sheets = tables.map((t, k): [string, string] => [`xl/worksheets/sheet${k + 1}.xml`, sheetXml(t, strings)]);
  const parts = [...packageParts(names), ...sheets, ['xl/sharedStrings.xml', strings.xml()] as [string, string]];
  return zipFiles(parts.map(([name, xml]) => ({ name, data: Buffer.from(xml, 'utf8') })), FIXED_DATE);
}
