#!/usr/bin/env node
/**
 * Renders the illustrative sample corpus: each text in scripts/sample-corpus/*.txt becomes a PDF in
 * corpus/, laid out like a Chinese government notice (centred title and 文号, body, signature, and a
 * running page number "— n —" in the footer), and corpus/metadata.csv lists them.
 *
 * The texts were written by the policy-code project for demonstration; they are NOT real policies.
 * Needs the devDependency pdfkit and Debian's fonts-noto-cjk. Run: node scripts/make-sample-corpus.mjs
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync, createWriteStream } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = join(root, 'scripts', 'sample-corpus');
const outDir = join(root, 'corpus');
const FONT_FILE = '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc';
const FONT_NAME = 'NotoSerifCJKsc-Regular';

/** file stem -> metadata a researcher would record (province, year, level). */
const META = {
  '01-guangdong-2020-implementation-plan': ['广东', 2020, 'provincial'],
  '02-guizhou-2019-pilot': ['贵州', 2019, 'provincial'],
  '03-zhejiang-2021-administrative-measures': ['浙江', 2021, 'provincial'],
  '04-shanghai-2022-support-measures': ['上海', 2022, 'provincial'],
  '05-beijing-2021-data-sharing-guidance': ['北京', 2021, 'provincial'],
  '06-shenzhen-2022-e-prescription': ['广东', 2022, 'prefecture'],
  '07-sichuan-2023-drug-traceability': ['四川', 2023, 'provincial'],
  '08-shandong-2020-insurance-settlement': ['山东', 2020, 'provincial'],
  '09-changsha-2022-talent-training': ['湖南', 2022, 'prefecture'],
  '10-hainan-2023-cross-border': ['海南', 2023, 'provincial'],
  '11-chongqing-2024-fund-and-tax': ['重庆', 2024, 'provincial'],
  '12-national-2021-guiding-opinions': ['全国', 2021, 'national'],
};

const isDocNumber = (line) => /〔\d{4}〕\d+号$/.test(line);
const isSignatureOrDate = (line) => /^\d{4}年\d{1,2}月\d{1,2}日$/.test(line) || (/(委员会|局|政府|厅)$/.test(line) && line.length <= 20);

function render(stem, text) {
  const lines = text.trim().split('\n');
  const [title, ...rest] = lines;
  const file = join(outDir, `${stem}.pdf`);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 80, bottom: 90, left: 80, right: 80 },
    // Fixed dates so that re-running the script gives the same file.
    info: { Title: title, Author: 'policy-code sample corpus (illustrative, not a real policy)', CreationDate: new Date(Date.UTC(2026, 0, 1)), ModDate: new Date(Date.UTC(2026, 0, 1)) },
    bufferPages: true,
  });
  doc.pipe(createWriteStream(file));
  doc.registerFont('cjk', FONT_FILE, FONT_NAME);
  doc.font('cjk');
  doc.fontSize(18).text(title, { align: 'center', lineGap: 6 });
  doc.moveDown(0.6);
  for (const line of rest) {
    if (isDocNumber(line)) {
      doc.fontSize(13).text(line, { align: 'center' });
      doc.moveDown(0.8);
    } else if (isSignatureOrDate(line)) {
      doc.fontSize(14).text(line, { align: 'right', lineGap: 6 });
    } else {
      doc.fontSize(14).text(line, { align: 'justify', indent: 28, lineGap: 8 });
    }
  }
  // Running page numbers in the footer, as on printed notices: "— 1 —".
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.fontSize(12).text(`— ${i + 1} —`, 0, doc.page.height - 50, { align: 'center', width: doc.page.width });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return { file: `${stem}.pdf`, title };
}

mkdirSync(outDir, { recursive: true });
const rows = [['file', 'title', 'province', 'year', 'level']];
for (const name of readdirSync(sourceDir).filter((f) => f.endsWith('.txt')).sort()) {
  const stem = name.replace(/\.txt$/, '');
  const meta = META[stem];
  if (!meta) throw new Error(`no metadata for ${stem}: add it to META`);
  const { file, title } = render(stem, readFileSync(join(sourceDir, name), 'utf8'));
  rows.push([file, title, ...meta.map(String)]);
}
const csv = rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n') + '\n';
writeFileSync(join(outDir, 'metadata.csv'), '\ufeff' + csv);
console.log(`wrote ${rows.length - 1} PDFs and metadata.csv to ${outDir}`);
