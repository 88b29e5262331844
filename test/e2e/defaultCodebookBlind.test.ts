import { describeClauses, type WrittenClause } from '../clauseTables.js';

/**
 * 2.10.0 (blind): measure words written from the manual alone, before any coded unit was read
 * (docs/blind-vocabulary.md, docs/coding-quality.md). Each clause was written for this test and its code can
 * be checked by hand against ../shared/coding-manual.md. With codebook 2.9.0 the first twenty-four are `none`
 * (no evidence) or coded by a carrier (推进, 完善, 支持) or by a word inside the measure (建设 in 自贸试验区建设,
 * 扣除 in 价格扣除); the last three are twins that keep their code: encouraging firms is still guidance (rule 1's
 * encouragement), and a word of the list beside a stronger measure does not decide.
 */
const CLAUSES: WrittenClause[] = [
  ['renewal of old housing estates', '推进城镇老旧小区改造。', 'public_services'],
  ['maternal and child care, community care for the old', '加强妇幼保健和社区养老。', 'public_services'],
  ['emergency rescue', '完善应急救援体系。', 'public_services'],
  ['a local government investment company', '支持城投公司市场化转型。', 'public_enterprise'],
  ['a special research programme and technical upgrading', '实施科技专项，推动企业技改。', 'scientific_technical'],
  ['technology commissioners sent to villages', '选派科技特派员服务乡村。', 'scientific_technical'],
  ['joint innovation of universities and firms', '支持高校与企业协同创新。', 'scientific_technical'],
  ['a system of professional qualifications', '完善执业资格制度。', 'education'],
  ['attracting and fostering talent', '实施引才育才工程。', 'education'],
  ['running schools', '支持社会力量办学。', 'education'],
  ['a risk compensation fund', '设立风险补偿金。', 'financial'],
  ['special bonds of local government', '用好地方政府专项债。', 'financial'],
  ['fee relief for small firms', '对小微企业实行减费让利。', 'taxation'],
  ['national and industry standards', '制定国家标准和行业标准。', 'legal_regulatory'],
  ['audits of enforcement', '开展稽查。', 'legal_regulatory'],
  ['a road map and timetable', '制定路线图和时间表。', 'strategic'],
  ['lists of tasks and responsibilities', '明确任务清单和责任清单。', 'strategic'],
  ['chain leaders', '实行链长制。', 'strategic'],
  ['securing the factors of production', '加强要素保障。', 'strategic'],
  ['a procurement procedure', '采用竞争性谈判方式。', 'procurement'],
  ['a price deduction for small firms in procurement', '给予小微企业价格扣除。', 'procurement'],
  ['customs declaration', '简化报关手续。', 'commercial'],
  ['a pilot free-trade zone', '加快自贸试验区建设。', 'commercial'],
  ['international research cooperation', '开展国际科技合作。', 'overseas'],
  ['encouraging firms to acquire abroad stays guidance', '鼓励企业境外并购。', 'strategic'],
  ['a subsidy beside a facility run by concession stays money', '对采用特许经营方式建设的垃圾处理设施给予运营补贴。', 'financial'],
  ['a deferred repayment of a loan stays financial', '对延期还本付息的贷款给予贴息支持。', 'financial'],
];

describeClauses('the default codebook knows the measure words written from the manual alone', CLAUSES);
