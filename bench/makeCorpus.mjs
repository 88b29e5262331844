// Generates a benchmark corpus of any size in which every document is distinct: policy-like notices
// assembled by a seeded PRNG from the sentences of the TXT documents of ../shared (corpus, corpus2)
// and the sample corpus, with their own titles, 文号, articles and dates. A third are rendered as text
// PDFs (pdfkit, the Noto CJK font embedded as a subset, as in real notices), the rest are TXT files.
// The same seed and size give the same files. Not copies: every cache is keyed by content, and no
// document is a near-duplicate of another, so a cold run really reads and codes every one.
import { createWriteStream, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
// The project's own seeded generator (the bench builds dist/ before it runs).
import { seededRandom as prng } from '../dist/core/sampling/seededRandom.js';

/** A TrueType Song face when installed (subsets fast, like the SimSun of real notices), else Noto CJK (CFF, slow to subset). */
const FONTS = [['/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf', undefined], ['/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', 'NotoSerifCJKsc-Regular']];

const PROVINCES = [['广东', '粤'], ['浙江', '浙'], ['江苏', '苏'], ['山东', '鲁'], ['四川', '川'], ['湖南', '湘'], ['湖北', '鄂'], ['河南', '豫'], ['福建', '闽'], ['安徽', '皖'], ['北京', '京'], ['上海', '沪'], ['天津', '津'], ['重庆', '渝'], ['河北', '冀'], ['陕西', '陕'], ['辽宁', '辽'], ['吉林', '吉'], ['江西', '赣'], ['云南', '云'], ['贵州', '黔'], ['广西', '桂'], ['海南', '琼'], ['山西', '晋']];
const KINDS = ['实施方案', '若干措施', '管理办法', '指导意见', '行动计划', '实施细则', '工作方案'];
const ISSUERS = ['人民政府办公厅', '发展和改革委员会', '财政厅', '科学技术厅', '工业和信息化厅', '住房和城乡建设厅', '卫生健康委员会', '人力资源和社会保障厅'];
const CN = '〇一二三四五六七八九';
const chineseNumber = (n) => (n <= 10 ? ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'][n] : n < 20 ? `十${CN[n % 10]}` : `${CN[Math.floor(n / 10)]}十${n % 10 ? CN[n % 10] : ''}`);

/** Sentences (ending in 。) of the TXT documents, without their own numbering. */
export function sentencePool(dirs) {
  const pool = new Set();
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) {
      const text = readFileSync(join(dir, f), 'utf8').replace(/\s+/g, '');
      for (const s of text.split(/(?<=。)/)) {
        const clean = s.replace(/^(第[一二三四五六七八九十百]+[章条节]|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.、．])+/, '');
        if (clean.length >= 12 && clean.length <= 160 && /[\u4e00-\u9fff]{6}/.test(clean) && clean.endsWith('。')) pool.add(clean);
      }
    }
  }
  return [...pool];
}

/** One document: title, 文号, addressees, a preamble, articles in chapters, issuer and date. */
function composeDocument(i, rand, pool) {
  const pick = (a) => a[Math.floor(rand() * a.length)];
  const [province, prefix] = pick(PROVINCES);
  const year = 2015 + Math.floor(rand() * 11);
  const topic = pick(pool).replace(/[，、；：。“”《》（）]/g, '').slice(2, 2 + 6 + Math.floor(rand() * 6));
  const title = `${province}省关于${topic}的${pick(KINDS)}`;
  const lines = [title, `${prefix}府办〔${year}〕${(i % 997) + 1}号`, '各市、县人民政府，省政府各部门：', pick(pool) + pick(pool)];
  const chapters = 1 + Math.floor(rand() * 4);
  let article = 0;
  for (let c = 1; c <= chapters; c++) {
    if (chapters > 1) lines.push(`第${chineseNumber(c)}章 ${pick(pool).slice(0, 4 + Math.floor(rand() * 4)).replace(/[，、；：。]/g, '')}`);
    const articles = 2 + Math.floor(rand() * 7);
    for (let a = 0; a < articles; a++) {
      const sentences = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(pool)).join('');
      lines.push(`第${chineseNumber(++article)}条 ${sentences}`);
    }
  }
  lines.push(`本${title.slice(-4)}自${year}年${1 + Math.floor(rand() * 12)}月1日起施行（编号${i + 1}）。`, `${province}省${pick(ISSUERS)}`, `${year}年${1 + Math.floor(rand() * 12)}月${1 + Math.floor(rand() * 28)}日`);
  return lines;
}

function renderPdf(file, lines, font) {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margins: { top: 80, bottom: 90, left: 80, right: 80 }, info: { CreationDate: new Date(Date.UTC(2026, 0, 1)), ModDate: new Date(Date.UTC(2026, 0, 1)) } });
    const out = createWriteStream(file);
    out.on('finish', resolve);
    out.on('error', reject);
    doc.pipe(out);
    doc.registerFont('cjk', font.data, font.family);
    doc.font('cjk').fontSize(18).text(lines[0], { align: 'center', lineGap: 6 });
    doc.fontSize(13).text(lines[1], { align: 'center' });
    doc.moveDown(0.8);
    for (const line of lines.slice(2)) doc.fontSize(14).text(line, { align: 'justify', indent: 28, lineGap: 8 });
    doc.end();
  });
}

/**
 * Writes `count` distinct documents into `target` (d00001.pdf, d00002.txt, ...): every third a PDF.
 * Returns the file names.
 */
export async function makeCorpus(target, count, { seed = 17, sources }) {
  mkdirSync(target, { recursive: true });
  const found = FONTS.find(([file]) => existsSync(file));
  const font = found ? { data: readFileSync(found[0]), family: found[1] } : null;
  // Only sentences the font can draw: a missing glyph is text lost from the PDF (pdf.js reads NUL, poppler nothing).
  const face = font && fontkit.create(font.data, font.family);
  const pool = sentencePool(sources).filter((s) => !face || [...s].every((ch) => face.hasGlyphForCodePoint(ch.codePointAt(0))));
  if (pool.length < 200) throw new Error(`too few sentences (${pool.length}) in ${sources.join(', ')} to vary the documents`);
  const names = [];
  for (let i = 0; i < count; i++) {
    const rand = prng(seed * 1_000_003 + i);
    const lines = composeDocument(i, rand, pool);
    const pdf = font !== null && i % 3 === 0;
    const name = `d${String(i + 1).padStart(5, '0')}.${pdf ? 'pdf' : 'txt'}`;
    if (pdf) await renderPdf(join(target, name), lines, font);
    else writeFileSync(join(target, name), lines.join('\n') + '\n');
    names.push(name);
  }
  return names;
}
