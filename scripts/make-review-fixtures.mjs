#!/usr/bin/env node
/**
 * A study folder for test/cli/reviewChecks.test.ts (docs/review-checks.md): the review workflow as a
 * researcher runs it when the corpus grows between two reviews.
 *
 *   node scripts/make-review-fixtures.mjs <dir>
 *
 * writes <dir>/corpus (two short notices, written for this project, not real policies) and
 * <dir>/corpus-grown (the same two and a third whose file name sorts first, so every document id
 * moves up by one: the clause ids of the first review now name other clauses). Under 2 kB.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Each notice has the same layout, so its clause ids are the same in every notice (D00n-1-1, ...). */
export const REVIEW_NOTICES = {
  'b-subsidy.txt': ['某市人民政府关于支持小微企业发展的通知', '一、市财政每年安排专项资金，对小微企业给予补贴。', '二、对小微企业开展职业技能培训。', '三、本通知自印发之日起施行。'],
  'c-ban.txt': ['某市市场监督管理局关于规范药品销售的通告', '一、禁止销售假药劣药。', '二、建立药品质量信息公开平台。', '三、本通告自发布之日起施行。'],
};

/** The notice added before the second review; its name sorts before the others. */
export const ADDED_NOTICE = {
  'a-procurement.txt': ['某区人民政府关于扩大政府采购的通知', '一、政府采购优先购买本地企业产品。', '二、减免小微企业所得税。', '三、本通知自印发之日起施行。'],
};

export function writeReviewFolder(dir) {
  for (const [folder, notices] of [['corpus', REVIEW_NOTICES], ['corpus-grown', { ...REVIEW_NOTICES, ...ADDED_NOTICE }]]) {
    mkdirSync(join(dir, folder), { recursive: true });
    for (const [name, lines] of Object.entries(notices)) writeFileSync(join(dir, folder, name), lines.join('\n') + '\n');
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node scripts/make-review-fixtures.mjs <dir>');
    process.exit(2);
  }
  writeReviewFolder(dir);
}
