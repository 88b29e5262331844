#!/usr/bin/env node
// Writes the fixture of `codebook fit --add-terms` (test/cli/codebookFitAddTerms.test.ts): a codebook
// that lacks three measure words, and units coded by hand in which each of them carries one
// instrument in three documents, beside a place name, a word of two documents and a word the
// codebook already has, which must not be added. Run from the repository root:
// node scripts/make-fit-terms-fixture.mjs
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(import.meta.dirname, '..', 'test', 'fixtures', 'a-fit-adds-the-words-coders-read-as-one-instrument');

// information keeps a block list, financial a flow list, public services has patterns only: the
// three places an added term can be written.
const CODEBOOK = `# A codebook that lacks 宣讲 (a briefing), 贴息 (an interest subsidy) and 助餐 (meals for the old).
codebook: three-missing-words
version: 1.0.0
categories:
  - id: supply
    label: { zh: 供给型 }
    children:
      - id: information
        label: { zh: 信息服务 }
        topics: [数据]
        keywords:
          - 信息共享
          - 政务公开  # publishing government information
  - id: environment
    label: { zh: 环境型 }
    children:
      - id: financial
        label: { zh: 金融支持 }
        weight: 2
        keywords: [补贴]  # money given
      - id: strategic
        label: { zh: 策略性措施 }
        keywords:
          - 规划
  - id: demand
    label: { zh: 需求型 }
    children:
      - id: public_services
        label: { zh: 公共服务 }
        patterns:
          - 公共服务
`;

const UNITS = [
  ['B1', 'a.txt', '组织开展宣讲活动。', 'information'],
  ['B2', 'b.txt', '社区开展宣讲。', 'information'],
  ['B3', 'c.txt', '举办宣讲。', 'information'],
  ['M1', 'a.txt', '对贷款给予贴息。', 'financial'],
  ['M2', 'b.txt', '按规定贴息。', 'financial'],
  ['M3', 'c.txt', '实行贴息。', 'financial'],
  ['S1', 'a.txt', '提供助餐服务。', 'public_services'],
  ['S2', 'b.txt', '为老人助餐。', 'public_services'],
  ['S3', 'c.txt', '推行助餐。', 'public_services'],
  // A place name in three documents, all strategy: no measure.
  ['P1', 'a.txt', '北京市编制规划。', 'strategic'],
  ['P2', 'b.txt', '北京市落实规划。', 'strategic'],
  ['P3', 'c.txt', '北京市做好规划。', 'strategic'],
  // A word of two documents only.
  ['T1', 'a.txt', '开展试点。', 'strategic'],
  ['T2', 'd.txt', '扩大试点。', 'strategic'],
  ['T3', 'd.txt', '总结试点。', 'strategic'],
];

rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'codebook.yaml'), CODEBOOK);
writeFileSync(join(dir, 'codes.csv'), ['unit_id,doc,text,primary', ...UNITS.map((u) => u.join(','))].join('\n') + '\n');
