#!/usr/bin/env node
/**
 * Writes the extraction fixtures under test/fixtures/extract/, one folder per case, named as a sentence.
 * Run from the repository root: `node scripts/make-fixtures.mjs`. Needs the devDependencies
 * (pdfkit, docx), fonts-noto-cjk, qpdf and poppler-utils (pdftoppm). The output is committed; the
 * texts are short notices written for this project, not real policies.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { Document, Packer, Paragraph } from 'docx';
import { textPdf } from './fixturePdf.mjs';

// Only this folder belongs to this script: other fixtures live beside it in test/fixtures.
const ROOT = join(process.cwd(), 'test', 'fixtures', 'extract');

/** A short notice; each fixture carries a phrase of its own so that tests can tell them apart. */
const notice = (phrase) => [
  '某市人民政府办公室关于推进区块链医疗应用的通知',
  '各区人民政府，市政府各部门：',
  `一、${phrase}。`,
  '二、市财政每年安排专项资金，对医疗机构的区块链项目给予补助。',
  '三、本通知自印发之日起施行。',
];

function write(caseName, file, data) {
  const dir = join(ROOT, caseName);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, file), data);
  return join(dir, file);
}

/** A PDF whose only page is a picture of a text page: no text layer, like a scan. */
function imagePdf(png) {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A5', margin: 0, info: { CreationDate: new Date(0), ModDate: new Date(0), Producer: 'policy-code fixtures' } });
    const chunks = [];
    doc.on('data', (c) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.image(png, 0, 0, { fit: [419.53, 595.28] });
    doc.end();
  });
}

rmSync(ROOT, { recursive: true, force: true });
mkdirSync(ROOT, { recursive: true });

// Formats that read.
const header = '某市人民政府公报';
const twoPages = await textPdf([notice('加快电子病历上链存证'), ['四、各区要建立工作台账，按季度报送进展。', '五、市卫生健康委负责解释。']], { header, pageNumbers: true });
write('a-text-pdf-with-a-running-header-on-every-page', 'notice.pdf', twoPages);
write('a-utf-8-text-file-reads', 'notice.txt', notice('推动检验结果互认共享').join('\n') + '\n');
write('a-gbk-text-file-is-detected-and-decoded', 'notice.txt', Buffer.from(execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: notice('建设全市统一的健康档案平台').join('\r\n') + '\r\n' })));
write(
  'a-web-page-gives-its-article-without-navigation-or-scripts',
  'notice.html',
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>某市关于推进区块链医疗应用的通知</title>
<style>p { color: red } .nav { 导航样式: 1 }</style><script>var 脚本 = "不应出现的脚本文字";</script></head>
<body><div class="nav"><a href="/">首页</a> | <a href="/zc">政策文件</a> | <a href="/hd">互动交流</a></div>
<div id="content">${notice('开展医疗数据跨机构共享试点').map((l) => `<p>${l}</p>`).join('\n')}</div>
<div class="footer"><a href="/about">关于我们</a> <a href="/map">网站地图</a> 版权所有：某市人民政府办公室</div></body></html>\n`,
);
const docx = new Document({ creator: 'policy-code fixtures', lastModifiedBy: 'policy-code fixtures', sections: [{ children: notice('建立处方流转区块链平台').map((l) => new Paragraph(l)) }] });
write('a-word-file-reads', 'notice.docx', await Packer.toBuffer(docx));

// A scan: the text PDF rendered to a picture and wrapped in a PDF again.
const tmp = join(tmpdir(), `policy-code-fixtures-${process.pid}`);
mkdirSync(tmp, { recursive: true });
const scanSource = join(tmp, 'scan-source.pdf');
writeFileSync(scanSource, await textPdf([notice('推进医保结算区块链应用')], { pageNumbers: true }));
execFileSync('pdftoppm', ['-r', '150', '-gray', '-png', '-singlefile', scanSource, join(tmp, 'scan')]);
write('a-scan-without-a-text-layer-needs-ocr', 'scan.pdf', await imagePdf(readFileSync(join(tmp, 'scan.png'))));

// Files that must each get a status and a reason, and never stop the run.
write('a-zero-byte-file-is-empty', 'zero.txt', '');
write('a-file-of-blank-lines-is-empty', 'blank.txt', '\n \n\t\n');
write('a-non-pdf-named-pdf-fails', 'fake.pdf', '<html><body>这不是PDF文件，只是改了扩展名。</body></html>\n');
write('a-truncated-pdf-is-reported', 'cut.pdf', twoPages.subarray(0, Math.floor(twoPages.length * 0.4)));
const plain = join(tmp, 'plain.pdf');
writeFileSync(plain, twoPages);
const encrypted = join(tmp, 'encrypted.pdf');
execFileSync('qpdf', ['--static-id', '--encrypt', 'user-secret', 'owner-secret', '256', '--', plain, encrypted]);
write('an-encrypted-pdf-fails-with-a-reason', 'locked.pdf', readFileSync(encrypted));
// Larger than the limit the test sets (--max-file-mb 0.1 = 105 KB; the PDF fixtures are smaller), small enough to commit.
write('a-file-over-the-size-limit-is-not-read', 'huge.txt', notice('这是一个超过大小限制的文件').join('\n').repeat(420) + '\n');
write('a-file-of-another-type-is-skipped', 'table.xlsx', 'not read by policy-code\n');

rmSync(tmp, { recursive: true, force: true });
console.log(`fixtures written to ${ROOT}`);
