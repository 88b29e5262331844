#!/usr/bin/env node
// Writes test/fixtures/fourteen-files-recounted-by-hand: eleven short TXT policies and three files
// that must not count (second copies of two policies, a newspaper page), a metadata.csv and a codebook
// whose keywords make every clause's code obvious. test/e2e/recountTables.test.ts counts every
// published table again from clauses.csv and documents.csv, and checks a few numbers by hand.
// Run from the repository root: node scripts/make-recount-fixtures.mjs
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(import.meta.dirname, '..', 'test', 'fixtures', 'fourteen-files-recounted-by-hand');

// Six instruments in three dimensions, one keyword each.
const CODEBOOK = `# Test codebook of the recount fixture: one keyword per instrument, so codes are checkable by hand.
codebook: recount-fixture
version: 1.0.0
mode: multi
categories:
  - id: supply
    label: { zh: 供给型, en: Supply side }
    children:
      - id: education
        label: { zh: 教育培训, en: Education }
        keywords: [人才培养]
      - id: scientific_technical
        label: { zh: 科技研发, en: Research }
        keywords: [技术研发]
  - id: environment
    label: { zh: 环境型, en: Environment side }
    children:
      - id: financial
        label: { zh: 财政金融, en: Finance }
        keywords: [专项资金]
      - id: taxation
        label: { zh: 税收优惠, en: Taxation }
        keywords: [税收优惠]
  - id: demand
    label: { zh: 需求型, en: Demand side }
    children:
      - id: procurement
        label: { zh: 政府采购, en: Procurement }
        keywords: [政府采购]
      - id: public_services
        label: { zh: 公共服务, en: Public services }
        keywords: [公共服务]
`;

const CLAUSE = {
  fin: '设立专项资金。',
  tax: '落实税收优惠。',
  tax_fin: '落实税收优惠，统筹专项资金。',
  edu: '加强人才培养。',
  sci: '开展技术研发。',
  proc: '推进政府采购。',
  svc: '完善公共服务。',
  none: '做好其他工作。',
};
const NUMERALS = ['一', '二', '三', '四', '五', '六'];
const text = (title, clauses) => `${title}\n${clauses.map((c, i) => `${NUMERALS[i]}、${CLAUSE[c]}`).join('\n')}\n`;

// Province spellings mixed as in a researcher's sheet; two central documents; one without province,
// one without year, one without level; a policy with no coded clause; years with gaps (2023).
const POLICIES = [
  ['a1.txt', '关于设立数字经济专项资金的通知', '广东省', 2019, 'provincial', ['fin', 'fin', 'edu', 'none']],
  ['a2.txt', '关于推进数字政府采购的实施方案', '广东', 2020, 'prefecture', ['tax', 'proc']],
  ['a3.txt', '关于支持数字产业发展的若干措施', 'Guangdong', 2022, 'county', ['tax_fin', 'sci']],
  ['b1.txt', '关于加强数字人才培养的意见', '浙江', 2019, 'provincial', ['edu', 'edu', 'proc', 'none']],
  ['b2.txt', '关于数字公共服务的通知', '浙江省', '', '', ['svc', 'edu']],
  ['c1.txt', '关于开展数字技术研发的通知', '北京市', 2020, 'provincial', ['sci', 'fin']],
  ['c2.txt', '关于完善数字公共服务的方案', '四川', 2021, 'prefecture', ['proc', 'svc']],
  ['d1.txt', '关于做好数字经济工作的通知', '江苏', 2018, 'provincial', ['none', 'none']],
  ['n1.txt', '关于加快数字技术应用的指导意见', '全国', 2020, 'national', ['edu', 'sci', 'fin']],
  ['n2.txt', '关于数字经济税收优惠的公告', '国家', 2022, 'national', ['tax']],
  ['u1.txt', '关于数字经济试点工作的通知', '', 2024, 'county', ['fin', 'none']],
];
// Not counted again: the same bytes as a2 under a name that sorts after it, and as c2 under a name
// that sorts before it (the copy is kept, with c2's row of metadata.csv); a newspaper page about a fund.
const COPIES = [['a2（下载）.txt', 'a2.txt'], ['c2-copy.txt', 'c2.txt']];
const NEWS = '本报记者 王明\n2021年3月3日 星期三\n责任编辑：李华\n我省设立专项资金支持数字经济。\n';

rmSync(dir, { recursive: true, force: true });
mkdirSync(join(dir, 'corpus'), { recursive: true });
writeFileSync(join(dir, 'codebook.yaml'), CODEBOOK);
const meta = ['file,title,province,year,level'];
for (const [file, title, province, year, level, clauses] of POLICIES) {
  writeFileSync(join(dir, 'corpus', file), text(title, clauses));
  meta.push([file, title, province, year, level].join(','));
}
for (const [copy, of] of COPIES) {
  const [, title, , , , clauses] = POLICIES.find((p) => p[0] === of);
  writeFileSync(join(dir, 'corpus', copy), text(title, clauses));
}
writeFileSync(join(dir, 'corpus', 'news.txt'), NEWS);
writeFileSync(join(dir, 'corpus', 'metadata.csv'), meta.join('\n') + '\n');
console.log(`wrote ${dir} (${POLICIES.length} policies, ${COPIES.length} copies and a newspaper page)`);
