#!/usr/bin/env node
// Writes the fixtures of metadata, duplicate and classification cases into test/fixtures/<case>/.
// Every text here is written by this project (illustrative, not real policies). Run:
//   node scripts/make-meta-fixtures.mjs
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures');

const NOTICE = [
  '东莞市住房公积金管理委员会文件',
  '东公积金委〔2020〕2号',
  '关于调整住房公积金贷款额度的通知',
  '各住房公积金缴存职工：',
  '经市住房公积金管理委员会审议通过，现就调整住房公积金贷款额度有关事项通知如下：',
  '一、首套住房最高贷款额度由一百万元调整为九十万元，第二套住房最高贷款额度由八十万元调整为五十万元。',
  '二、借款人家庭名下有未结清住房公积金贷款的，不得申请新的住房公积金贷款。',
  '三、本通知自印发之日起施行，《东莞市住房公积金个人住房贷款管理办法》（东府〔2019〕16号）与本通知不一致的，以本通知为准。',
  '东莞市住房公积金管理委员会',
  '2020年9月22日',
];

const MEASURES = [
  '明溪县人民政府文件',
  '明政规〔2021〕3号',
  '明溪县人民政府关于印发明溪县促进房地产市场平稳健康发展若干措施的通知',
  '各乡（镇）人民政府，县各有关单位：',
  '现将《明溪县促进房地产市场平稳健康发展若干措施》印发给你们，请认真贯彻执行。',
  '一、对在县城购买新建商品住房的，按房款总额的百分之一给予购房补贴。',
  '二、对在县城购买新建商品住房的多孩家庭，每套再给予一万元购房补贴。',
  '三、本措施自印发之日起施行，有效期一年。',
  '明溪县人民政府',
  '2021年6月1日',
];

/** A guideline as a database exports it: no red header, no 文号, so only its text can tell it is the same. */
const GUIDELINE = [
  '佛山市关于推进好房子建设的实施指引',
  '一、工作目标',
  '以建设安全、舒适、绿色、智慧的好房子为导向，从规划、设计、建造、服务等方面入手，解决当前住房在安全性、功能性、舒适性等方面存在的普遍性问题，加快推进住房品质提升。',
  '二、主要任务',
  '（一）提高住宅设计标准。新建住宅层高不低于三米，鼓励设置入户花园和阳台，推广装配式装修和全屋智能。',
  '（二）加强质量监管。建立住宅工程质量信息公开制度，对渗漏、开裂等常见问题实行专项治理。',
  '（三）完善物业服务。推行物业服务质量评价，评价结果向社会公布，作为物业企业信用评价的依据。',
  '三、保障措施',
  '各区住房城乡建设部门要加强组织领导，细化工作措施，确保各项任务落到实处。',
];

/** The same measures, revised: a new title with （修订）, a new 文号, and one changed article. */
const REVISED = MEASURES.filter((l) => !l.includes('〔')).map((line) =>
  line
    .replace('若干措施的通知', '若干措施（修订）的通知')
    .replace('百分之一', '百分之二'),
);

/** A one-page PDF whose text is set in the non-embedded STSong-Light font (UniGB-UCS2-H), as Word exports do. */
function pdfOf(lines) {
  const wrapped = lines.flatMap((l) => (l.match(/.{1,36}/gu) ?? ['']));
  const hex = (s) => [...s].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('');
  const content = ['BT', '/F1 14 Tf', '16 TL', '40 800 Td', ...wrapped.map((l) => `<${hex(l)}> Tj T*`), 'ET'].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const CASES = {
  'a policy saved as pdf and as txt is counted once': {
    '佛山好房子实施指引.pdf': pdfOf(GUIDELINE),
    // A web copy: the same text with the site's lines around it, so the bytes and the layout differ.
    '佛山好房子实施指引-网页版.txt': ['首页 > 政务公开 > 政策文件', ...GUIDELINE, '扫一扫在手机打开当前页', '主办单位：佛山市住房和城乡建设局'].join('\n') + '\n',
  },
  // Without 文号 (as exports often are), only the 修订 in the title tells the two versions apart.
  'a revised policy is not a duplicate of the original': {
    '明溪县购房措施.txt': MEASURES.filter((l) => !l.includes('〔')).join('\n') + '\n',
    '明溪县购房措施修订.txt': REVISED.join('\n') + '\n',
  },
  'the same file downloaded twice is counted once': {
    '明溪县购房措施.txt': MEASURES.join('\n') + '\n',
    '下载/明溪县购房措施(1).txt': MEASURES.join('\n') + '\n',
  },
  'the same 文号 with a different layout is counted once': {
    'a-通知.txt': NOTICE.join('\n') + '\n',
    // Another site's copy: a shortened preamble and no signature, but the same 文号.
    'b-通知.txt': [...NOTICE.slice(0, 3), ...NOTICE.slice(5, 8)].join('\n') + '\n',
  },
};

for (const [name, files] of Object.entries(CASES)) {
  const dir = join(root, name);
  rmSync(dir, { recursive: true, force: true });
  for (const [file, body] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), body);
  }
}
console.log(`wrote ${Object.keys(CASES).length} cases to ${root}`);
