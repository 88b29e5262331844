import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { codebookTerms } from '../../src/core/codebook/Codebook.js';
import { compileCodebook, type CompiledCodebook } from '../../src/core/coding/compileCodebook.js';
import { codeClauses } from '../../src/core/coding/codeClauses.js';
import { loadCodebook } from '../../src/io/readCodebook.js';
import { addWords, segment } from '../../src/io/segmenter.js';
import { REPO_ROOT } from '../sharedDir.js';

// The shipped domains codebook on one hand-written clause per area, each in an article about blockchain.
let compiled: CompiledCodebook;
beforeAll(async () => {
  const { codebook } = await loadCodebook(join(REPO_ROOT, 'codebooks', 'healthcare-blockchain-domains.zh.yaml'));
  addWords(codebookTerms(codebook));
  compiled = compileCodebook(codebook);
});

const code = (article: string[]) =>
  codeClauses(article.map((text, i) => ({ id: `c${i}`, article: 'a', document: 'd', tokens: segment(text) })), compiled).map((c) => c.primary);

describe('healthcare-blockchain-domains codebook', () => {
  it.each([
    ['ehr_data_sharing', '利用区块链推动电子病历在医疗机构之间共享调阅。'],
    ['clinical_research', '探索区块链在临床试验数据存储和受试者管理中的应用。'],
    ['pharma_supply_chain', '建立基于区块链的药品追溯体系，实现疫苗全程可追溯。'],
    ['insurance_payment', '依托区块链实现商业健康保险快速理赔和医保直接结算。'],
    ['digital_identity', '运用区块链开展医务人员数字身份认证。'],
    ['patient_monitoring_iot', '推动区块链与可穿戴设备结合，开展慢病患者远程监测。'],
    ['sector_governance', '运用区块链加强医疗监管，保障数据安全和隐私保护。'],
  ])('codes %s', (id, text) => {
    expect(code([text])).toEqual([id]);
  });

  it('codes the items of an article whose lead sentence names blockchain, and nothing outside it', () => {
    expect(code(['（三）推进区块链医疗应用。', '1.推动电子病历共享。'])).toEqual(['none', 'ehr_data_sharing']);
    const outside = codeClauses([{ id: 'x', article: 'b', document: 'd', tokens: segment('推动电子病历共享。') }], compiled)[0]!;
    expect(outside).toMatchObject({ inScope: false, primary: 'none' });
  });

  it('needs a medical partner for the generic supply-chain term, and does not take 标准 in 收费标准 as governance', () => {
    expect(code(['利用区块链发展供应链金融。'])).toEqual(['none']);
    expect(code(['利用区块链优化医药供应链管理。'])).toEqual(['pharma_supply_chain']);
    expect(code(['区块链服务收费标准由市场确定。'])).toEqual(['none']);
  });
});
