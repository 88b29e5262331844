/**
 * The text PDFs of the fixture scripts: pages of lines in an embedded Noto CJK font, with fixed
 * dates so that a script writes the same bytes on every run. Needs pdfkit and fonts-noto-cjk.
 */
import PDFDocument from 'pdfkit';

const FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const FONT_NAME = 'NotoSansCJKsc-Regular';

/** A PDF with a real text layer; a running header above each page and a page number below it when asked. */
export function textPdf(pages, { header, pageNumbers = false } = {}) {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A5', margin: 40, info: { CreationDate: new Date(0), ModDate: new Date(0), Producer: 'policy-code fixtures' } });
    const chunks = [];
    doc.on('data', (c) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.font(FONT, FONT_NAME).fontSize(11);
    pages.forEach((lines, i) => {
      if (i > 0) doc.addPage();
      if (header) doc.text(header, { align: 'center' }).moveDown();
      for (const l of lines) doc.text(l).moveDown(0.5);
      if (pageNumbers) doc.text(`— ${i + 1} —`, 40, 500, { align: 'center', lineBreak: false });
    });
    doc.end();
  });
}
