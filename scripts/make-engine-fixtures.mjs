#!/usr/bin/env node
/**
 * Writes the fixtures of the PDF engine tests under test/fixtures/pdf-engines/, one folder per case,
 * named as a sentence. Run from the repository root: `node scripts/make-engine-fixtures.mjs`. Needs
 * the devDependency pdfkit and fonts-noto-cjk. The output is committed; the text is a short notice
 * written for this project, not a real policy.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';

const ROOT = join(process.cwd(), 'test', 'fixtures', 'pdf-engines');
const FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const FONT_NAME = 'NotoSansCJKsc-Regular';

/** A text PDF whose pages hold the given lines (fixed dates: the same bytes on every run). */
function textPdf(pages) {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A5', margin: 40, info: { CreationDate: new Date(0), ModDate: new Date(0), Producer: 'policy-code fixtures' } });
    const chunks = [];
    doc.on('data', (c) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.font(FONT, FONT_NAME).fontSize(11);
    pages.forEach((lines, i) => {
      if (i > 0) doc.addPage();
      for (const l of lines) doc.text(l).moveDown(0.5);
    });
    doc.end();
  });
}

const body = [
  '某市人民政府办公室关于推进电子证照应用的通知',
  '各区人民政府，市政府各部门：',
  '一、推进电子证照在政务服务中的共享应用，减少群众重复提交材料。',
  '二、市财政每年安排专项资金，支持电子证照系统建设和运行维护。',
  '三、本通知自印发之日起施行。',
];
const dir = join(ROOT, 'a-text-pdf-whose-last-page-holds-only-the-date');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'notice.pdf'), await textPdf([body, ['2026年1月5日']]));
console.log(`wrote ${dir}/notice.pdf`);
