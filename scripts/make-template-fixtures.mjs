#!/usr/bin/env node
// Writes test/fixtures/ninety-six policies from one template are ninety-six policies: county and
// city copies of one set of measures, as local governments often issue them. The texts differ only
// in a batch number of their title line (no place, date or 文号 in them); what tells the policies
// apart is the researcher's metadata.csv (title, province, year). The per-province counts are the
// source study's (22 provinces, 96 policies, mean 4.36, sd 3.91). One more file, a web copy of the
// first policy that metadata.csv does not list, is a true duplicate. Every text is written by this
// project. Run from the repository root: node scripts/make-template-fixtures.mjs
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(import.meta.dirname, '..', 'test', 'fixtures', 'ninety-six policies from one template are ninety-six policies');

const BODY = [
  '为加快区块链技术创新和产业发展，结合本地实际，制定以下措施。',
  '一、设立区块链产业发展专项资金，对重点项目给予不超过五百万元的资助。',
  '二、对认定的区块链高新技术企业，落实企业所得税优惠政策。',
  '三、支持高校和职业院校开设区块链相关专业，加强人才培养和引进。',
  '四、鼓励企业开展区块链核心技术研发，建设公共技术服务平台。',
  '五、政府部门优先采购区块链应用服务，开展应用示范。',
  '六、本措施自印发之日起施行，由本级发展改革部门负责解释。',
];

const STUDY = [
  ['广东', 16], ['贵州', 11], ['浙江', 10], ['上海', 8], ['北京', 7],
  ['江苏', 5], ['山东', 5], ['四川', 5], ['湖南', 4], ['福建', 4], ['湖北', 3], ['河南', 3],
  ['重庆', 2], ['天津', 2], ['安徽', 2], ['江西', 2], ['陕西', 2],
  ['河北', 1], ['辽宁', 1], ['吉林', 1], ['海南', 1], ['云南', 1],
];

const text = (n) => [`关于加快区块链产业发展的若干措施（第${n}批）`, ...BODY].join('\n') + '\n';

rmSync(dir, { recursive: true, force: true });
mkdirSync(join(dir, '下载'), { recursive: true });
const rows = ['file,title,province,year'];
let n = 0;
for (const [province, count] of STUDY) {
  for (let i = 0; i < count; i++) {
    n++;
    const file = `p${String(n).padStart(3, '0')}.txt`;
    writeFileSync(join(dir, file), text(n));
    rows.push(`${file},${province}第${i + 1}号区块链产业发展措施,${province},${2016 + (n % 8)}`);
  }
}
writeFileSync(join(dir, '下载', 'p001-网页版.txt'), text(1) + '扫一扫在手机打开当前页\n');
writeFileSync(join(dir, 'metadata.csv'), rows.join('\n') + '\n');
console.log(`wrote ${dir} (${n} policies and one web copy)`);
