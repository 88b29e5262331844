import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlText } from '../../src/io/extract/htmlText.js';
import { sharedDir } from '../sharedDir.js';

const SHARED = sharedDir();

const bytes = (s: string) => new TextEncoder().encode(s);

describe('htmlText', () => {
  it('keeps the article and drops navigation, scripts, styles and the footer', () => {
    const html = readFileSync(new URL('../fixtures/extract/a-web-page-gives-its-article-without-navigation-or-scripts/notice.html', import.meta.url));
    const r = htmlText(new Uint8Array(html));
    expect(r.title).toBe('某市关于推进区块链医疗应用的通知');
    expect(r.text.split('\n')[0]).toBe('某市人民政府办公室关于推进区块链医疗应用的通知');
    expect(r.text).toContain('一、开展医疗数据跨机构共享试点。');
    for (const noise of ['首页', '政策文件', '脚本', '导航样式', '网站地图', '版权所有']) expect(r.text).not.toContain(noise);
  });

  it('decodes a page declared as GBK and entities', () => {
    const gbk = new Uint8Array([...bytes('<html><head><meta charset="gbk"><title>t</title></head><body><p>'), 0xd5, 0xfe, 0xb8, 0xae, ...bytes('&amp;&nbsp;</p></body></html>')]);
    const r = htmlText(gbk);
    expect(r.encoding).toBe('gb18030');
    expect(r.text).toBe('政府&\u00a0'.trim());
  });

  it.skipIf(!SHARED)(`reads the gov.cn pages of the real corpus: title, 文号 and signature, no page furniture${SHARED ? '' : ' (skipped: ../shared is absent)'}`, () => {
    const r = htmlText(new Uint8Array(readFileSync(join(SHARED!, 'corpus', 'gov_01_regulatory_double_random.html'))));
    expect(r.title).toBe('国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见');
    expect(r.text).toContain('国发〔2019〕5号');
    expect(r.text).toContain('（此件公开发布）');
    for (const noise of ['扫一扫在手机打开当前页', '索 引 号', '主题分类']) expect(r.text).not.toContain(noise);
  });
});
