import { describeClauses, type WrittenClause } from '../clauseTables.js';

/**
 * The instruments fresh units showed under-coded (codebook 2.8.0, vocab; docs/coding-quality.md): the
 * benefits and assistance citizens receive and how services are delivered to them (public services), the
 * institutions, people, projects and results of research (science and technology), and tax relief in its
 * other forms (a preference beside a tax, a refund, a deferral, a deduction). Each clause was written for
 * this test and its code can be checked by hand against ../shared/coding-manual.md. With codebook 2.7.0
 * the first fourteen were `none` (no evidence) or coded by a generic word (完善, 支持, 推动, 管理, 申请,
 * 登记), or by the expense a tax deduction is for (学历教育); the last four are twins that keep their code: a
 * deduction for a loan's interest, help to firms (no service to citizens: `none` only because 帮扶 of firms is
 * excluded), learners able to do research (trained), and relief for people in difficulty.
 */
const CLAUSES: WrittenClause[] = [
  ['a residence permit that opens services (heading)', '（二）完善居住证制度。', 'public_services'],
  ['care for families in difficulty and children left behind', '加强对困难家庭和留守儿童的关爱帮扶。', 'public_services'],
  ['birth and infant care', '完善生育支持和婴幼儿照护政策。', 'public_services'],
  ['one-window handling of a formality', '推行不动产登记“一窗受理”。', 'public_services'],
  ['appointments for a service', '实行门诊线上预约。', 'public_services'],
  ['a service station for veterans', '在乡镇设立退役军人服务站。', 'public_services'],
  ['research institutes and frontier fields', '支持科研院所开展前沿领域研究。', 'scientific_technical'],
  ['technical development of parts', '推动关键零部件的技术开发。', 'scientific_technical'],
  ['research projects and their funds', '加强科研项目和科研经费管理。', 'scientific_technical'],
  ['a tax named beside a preference', '符合条件的项目可享受税收等方面的优惠。', 'taxation'],
  ['a tax refunded', '退还多缴的个人所得税。', 'taxation'],
  ['a tax paid late by permission', '纳税人因特殊困难可以申请延期缴纳税款。', 'taxation'],
  ['a deduction from taxable income', '纳税人在计算应纳税所得额时减除费用。', 'taxation'],
  ['a deduction outweighs the expense it is for', '子女接受学历教育的支出，由父母分别扣除。', 'taxation'],
  ['a deduction for a loan’s interest', '住房贷款利息支出，由购买住房的纳税人扣除。', 'taxation'],
  ['help to firms is no service to citizens', '加大对中小企业的帮扶力度。', 'none'],
  ['learners able to do research are trained', '研究生应具备独立开展科学研究的能力。', 'education'],
  ['relief for people in difficulty stays a service', '对困难群众开展帮扶救助。', 'public_services'],
];

describeClauses('the default codebook knows the usual names of benefits, service delivery, research and tax relief', CLAUSES);

/**
 * 2.8.0 (noev): a unit in which the segmenter's words find no evidence is read in its characters
 * (`rules.inside_words`). Each clause was written for this test; with 2.7.0 the first four have no evidence
 * (`none`), the last three are their twins: a term inside a name, a term across two words, and a unit whose
 * evidence on the tokens decides.
 */
const INSIDE_WORDS: WrittenClause[] = [
  ['a tax refund named inside 个人所得税', '退还多缴的个人所得税税款。', 'taxation'],
  ['teachers named inside 专任教师', '做好专任教师招录工作。', 'education'],
  ['a heading naming planning inside 统一规划', '（二）统一规划设计。', 'strategic'],
  ['a licence named inside 未经许可', '清理未经许可设置的户外广告。', 'legal_regulatory'],
  ['a term before a department’s name is the name', '报送市规划局审定。', 'none'],
  ['a term across two words is no word (上市 in 以上|市区)', '申请人具有五年以上市区户籍。', 'none'],
  ['evidence on the tokens decides, not the words inside others', '依照个人所得税法确定。', 'legal_regulatory'],
];

describeClauses('the default codebook reads the measure words the segmenter hid where a unit has no other evidence', INSIDE_WORDS);
