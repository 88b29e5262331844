import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeUnits, describeClauses, type WrittenClause } from '../clauseTables.js';

/**
 * The manual's `none` in the forms codebook 2.9.0 (none) added (docs/coding-quality.md, "2.9.0 (none)"): document
 * headers line by line, purpose and basis and the issuing request in other wordings, definitions by 所指 and by
 * kind, what a text will announce later, a repeal dated by the text itself and the transition to it. Each clause
 * was written for this test; each must be `none` decided by the named rule (the first none rule of the codebook
 * that matches names it in `decided_by`), so each fails with codebook 2.8.0, where these wordings were coded by
 * their topic words, or the header's lines kept the issuing formula from deciding the whole unit.
 */
const NONE_FORMS: Array<[id: string, text: string, rule: string]> = [
  [
    'a header of links, title, number and addressees before the issuing formula',
    '原文链接：https://example.org/law/123.html\n某市人民政府办公室关于印发《某市养老服务补贴办法》的通知\n某政办发〔2024〕12号\n各区人民政府，市有关部门：\n现将《某市养老服务补贴办法》印发给你们，请认真贯彻执行。',
    'none.issuing',
  ],
  ['metadata lines before a purpose naming its kind of document', '发布机关: 某省科学技术厅\n发布日期: 2023-05-01\n来源: 某数据库\n为推动科技成果转化，制定本实施方案。', 'none.purpose_basis'],
  [
    'the issuer, the date, a publication note and a title with its years',
    '某省人民政府办公厅\n2024年3月1日\n(此件公开发布)\n某省推进数字政府建设行动方案(2024—2026年)\n为加快数字政府建设，制定本行动方案。',
    'none.purpose_basis',
  ],
  ['a definition by 所指', '本办法所指人才公寓，是由政府筹集、面向人才出租的住房。', 'none.definition'],
  ['a definition by kind', '数字乡村是一种以信息技术为支撑的乡村发展新形态。', 'none.definition_kind'],
  ['what the text will announce later', '具体申报时间另行通知。', 'none.later_notice'],
  ['purpose and basis naming the document made', '为进一步规范住房租赁市场，经市政府同意，市住房城乡建设局会同有关部门制定了住房租赁管理实施意见。', 'none.purpose_made'],
  ['the issuing request in another wording', '根据《某省就业促进条例》，现提出就业创业工作实施方案，请认真组织实施：', 'none.issuing_request'],
  ['a repeal dated by this text', '《某市人才住房管理办法》中有关租金补贴的规定，自本办法施行之日起废止。', 'none.repeal_dated'],
  ['the transition to this text', '本办法施行前已经认定的人才，按原办法执行。', 'none.transition'],
];

describe('the default codebook knows the manual’s `none` in headers, purposes, definitions and dates (2.9.0)', () => {
  let tmp: string;
  let coded: Map<string, Record<string, string>>;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'policy-code-none-'));
    coded = codeUnits(tmp, 'units', NONE_FORMS.map(([unit_id, text]) => ({ unit_id, text })));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it.each(NONE_FORMS)('%s: %s -> none by %s', (id, _text, rule) => {
    expect(coded.get(id)?.primary).toBe('none');
    expect(coded.get(id)?.decided_by).toBe(`none: ${rule}`);
  });
});

/**
 * Their twins: a title, a date, addressees, 制定 and 请…落实 inside a measure keep the measure's code. Written for
 * this test; each has the same code with codebook 2.8.0.
 */
const TWINS: WrittenClause[] = [
  ['a title cited inside a measure', '按照《某市养老服务补贴办法》，对高龄老人给予每月200元补贴。', 'financial'],
  ['a date inside a measure', '2024年12月31日前，完成全市充电设施建设。', 'public_enterprise'],
  ['bodies obliged, ending in a colon', '各区人民政府要加强职业技能培训：', 'education'],
  ['a body obliged to make a plan after a purpose', '为加快人才集聚，各区要制定人才安居实施方案。', 'strategic'],
  ['a request naming the measure to implement', '请各地认真落实创业担保贷款贴息政策。', 'financial'],
  ['a dated measure that repeals nothing', '自2025年1月1日起，对新购新能源汽车给予一次性补贴。', 'financial'],
];

describeClauses('the default codebook keeps a measure beside the 2.9.0 none forms', TWINS, true);

/**
 * Organising, pooling and coordinating (组织, 统筹, 协调) weigh 0.9 (2.9.0 (none)): where they organise a measure of
 * weight 1, the measure decides instead of rule 5's first-named verb; alone, or with a carrier, they carry strategy.
 * Written for this test; with codebook 2.8.0 the first three were strategic; the last three are their twins.
 */
const ORGANISING: WrittenClause[] = [
  ['organising training', '组织开展企业职工技能培训。', 'education'],
  ['coordinating publicity', '协调开展政策宣传。', 'information'],
  ['organising firms at fairs abroad', '组织企业参加境外展会。', 'overseas'],
  ['pooling work alone', '统筹全市各项工作。', 'strategic'],
  ['organisation and leadership', '加强组织领导。', 'strategic'],
  ['coordinating with a carrier', '统筹推进城乡融合发展。', 'strategic'],
];

describeClauses('the default codebook lets the measure an organising verb organises decide', ORGANISING, true);
