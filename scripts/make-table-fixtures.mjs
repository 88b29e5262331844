#!/usr/bin/env node
// Writes the fixtures of the table tests (test/fixtures/...): tiny TXT policies, a metadata.csv and
// a small codebook whose keywords make every clause's code obvious, so the numbers in the tests can
// be computed by hand. Run from the repository root: node scripts/make-table-fixtures.mjs
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', 'test', 'fixtures');

// One keyword per instrument; a clause's code is whichever keyword it contains.
const CODEBOOK = `# Test codebook of the table fixtures: one keyword per instrument, so codes are checkable by hand.
codebook: table-fixture
version: 1.0.0
mode: multi
categories:
  - id: supply
    label: { zh: 供给型, en: Supply side }
    children:
      - id: education
        label: { zh: 教育培训 }
        keywords: [人才培养]
      - id: scientific_technical
        label: { zh: 科技研发 }
        keywords: [技术研发]
  - id: environment
    label: { zh: 环境型, en: Environment side }
    children:
      - id: financial
        label: { zh: 财政金融 }
        keywords: [专项资金]
      - id: taxation
        label: { zh: 税收优惠 }
        keywords: [税收优惠]
  - id: demand
    label: { zh: 需求型, en: Demand side }
    children:
      - id: procurement
        label: { zh: 政府采购 }
        keywords: [政府采购]
`;

// A second codebook for the codebook x codebook cross-tabulation: what the clause asks to do.
const ACTIONS = `# Second test codebook of the table fixtures: the verb of each clause.
codebook: actions
version: 1.0.0
mode: multi
categories:
  - id: build
    label: { zh: 设立推进 }
    keywords: [设立, 推进]
  - id: implement
    label: { zh: 落实开展 }
    keywords: [落实, 开展]
  - id: strengthen
    label: { zh: 加强 }
    keywords: [加强]
`;

const CLAUSE = {
  financial: '设立专项资金。',
  taxation: '落实税收优惠。',
  taxation_and_financial: '落实税收优惠，统筹专项资金。',
  education: '加强人才培养。',
  scientific_technical: '开展技术研发。',
  procurement: '推进政府采购。',
  none: '做好其他工作。',
};
const NUMERALS = ['一', '二', '三', '四', '五', '六'];

/** A policy: a title line, then one numbered item per clause. No dates, no place names in the text. */
function policyText(title, clauses) {
  return `${title}\n${clauses.map((c, i) => `${NUMERALS[i]}、${CLAUSE[c]}`).join('\n')}\n`;
}

function csvLine(cells) {
  return cells.map((c) => (/[",\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(',');
}

function writeFixture(name, policies) {
  const dir = join(root, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'corpus'), { recursive: true });
  writeFileSync(join(dir, 'codebook.yaml'), CODEBOOK);
  writeFileSync(join(dir, 'actions.yaml'), ACTIONS);
  const lines = [csvLine(['file', 'title', 'province', 'year', 'level'])];
  for (const p of policies) {
    writeFileSync(join(dir, 'corpus', p.file), policyText(p.title, p.clauses));
    lines.push(csvLine([p.file, p.title, p.province, p.year, p.level]));
  }
  writeFileSync(join(dir, 'corpus', 'metadata.csv'), lines.join('\n') + '\n');
}

// Five policies whose every table is computed by hand in test/e2e/tables.test.ts.
writeFixture('five-policies-counted-by-hand', [
  { file: 'g1.txt', title: '关于设立区块链专项资金的通知', province: '广东省', year: 2020, level: 'provincial', clauses: ['financial', 'taxation_and_financial', 'education', 'financial'] },
  { file: 'g2.txt', title: '关于推进区块链应用的实施方案', province: '广东', year: 2021, level: 'prefecture', clauses: ['procurement', 'scientific_technical'] },
  { file: 'z1.txt', title: '关于支持区块链发展的若干措施', province: 'Zhejiang', year: 2021, level: 'provincial', clauses: ['financial', 'none'] },
  { file: 'n1.txt', title: '关于加快区块链技术应用的指导意见', province: '全国', year: 2020, level: 'national', clauses: ['education', 'scientific_technical', 'procurement'] },
  { file: 'u1.txt', title: '关于区块链试点工作的通知', province: '', year: '', level: '', clauses: ['taxation', 'procurement'] },
]);

// The source study's policies per province: 22 provinces, 96 policies, mean 4.36, sample sd 3.91;
// Guangdong 16, Guizhou 11, Zhejiang 10, Shanghai 8, Beijing 7, five provinces with one policy. The
// twelve counts in between are one solution of sum 39 and sum of squares 145 (which gives sd 3.91).
const STUDY = [
  ['广东', 16], ['贵州', 11], ['浙江', 10], ['上海', 8], ['北京', 7],
  ['江苏', 5], ['山东', 5], ['四川', 5], ['湖南', 4], ['福建', 4], ['湖北', 3], ['河南', 3],
  ['重庆', 2], ['天津', 2], ['安徽', 2], ['江西', 2], ['陕西', 2],
  ['河北', 1], ['辽宁', 1], ['吉林', 1], ['海南', 1], ['云南', 1],
];
// Spellings a researcher's spreadsheet mixes: short, full, English. The tables must count them as one.
const SPELLING = { 广东: ['广东省', '广东', 'Guangdong'], 贵州: ['贵州省', 'Guizhou'], 北京: ['北京市', 'Beijing'] };
const KINDS = ['financial', 'taxation', 'education', 'scientific_technical', 'procurement', 'none'];
const policies = [];
let n = 0;
for (const [province, count] of STUDY) {
  for (let i = 0; i < count; i++, n++) {
    const spellings = SPELLING[province] ?? [province];
    policies.push({
      file: `p${String(n + 1).padStart(3, '0')}.txt`,
      title: `关于推进区块链应用的通知（第${n + 1}号）`,
      province: spellings[i % spellings.length],
      year: 2016 + (n % 8),
      level: i % 3 === 2 ? 'prefecture' : 'provincial',
      clauses: [KINDS[n % KINDS.length], KINDS[(n + 2) % KINDS.length]],
    });
  }
}
// Central documents are not a province: they must not enter the per-province statistics.
policies.push({ file: 'n001.txt', title: '关于区块链应用的指导意见', province: '全国', year: 2019, level: 'national', clauses: ['education', 'procurement'] });
policies.push({ file: 'n002.txt', title: '关于区块链发展的规划', province: '国家', year: 2021, level: 'national', clauses: ['financial'] });
writeFixture('twenty-two-provinces-as-in-the-source-study', policies);
console.log(`wrote ${root}/five-policies-counted-by-hand and twenty-two-provinces-as-in-the-source-study (${policies.length} policies)`);
