#!/usr/bin/env node
/**
 * Writes the fixtures of the PDF engine tests under test/fixtures/pdf-engines/, one folder per case,
 * named as a sentence. Run from the repository root: `node scripts/make-engine-fixtures.mjs`. Needs
 * the devDependency pdfkit and fonts-noto-cjk. The output is committed; the text is a short notice
 * written for this project, not a real policy.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { textPdf } from './fixturePdf.mjs';

const ROOT = join(process.cwd(), 'test', 'fixtures', 'pdf-engines');


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
