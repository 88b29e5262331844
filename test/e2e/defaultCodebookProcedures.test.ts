import { describeClauses, type WrittenClause } from '../clauseTables.js';

/**
 * The cases of a rule, the procedure of applying, the conditions of a measure and references to other rules
 * (codebook 2.8.0; docs/coding-quality.md, sections noev and proc). Each clause was written for its test.
 */

/**
 * 2.8.0 (noev): an enumerated case of a rule (an item from its number to 的) weighs 1, as the word of a measure, so a
 * case of misuse or exit that names the housing it concerns is the rule's case. Written for this test: with 2.7.0 the
 * first was public services by 公租房; the second, a case that names a subsidy, stays the subsidy's (the clarification).
 */
const CASES: WrittenClause[] = [
  ['a case of an exit rule naming the housing', '（三）连续三个月未在公租房居住的；', 'legal_regulatory'],
  ['a case naming a subsidy is the subsidy’s condition', '（四）已享受购房补贴的；', 'financial'],
];

describeClauses('the default codebook reads an enumerated case of a rule as the rule', CASES);

/**
 * 2.8.0 (proc): procedures, conditions and obligations of applicants. Written for this test: with main before proc
 * (2.8.0 as merged) the first was coded otherwise (education: 申请 anywhere in the sentence silenced rule 2), and so were
 * the three steps of handing in (regulation by rule 2: the manual's procedural steps, `rules.none.handing_in`); the
 * three twins keep their code with both (a condition before the modal, a body reporting, proof provided). Eligibility
 * (具备, 符合) before the modal is a condition word too: two firms obliged after meeting a condition of a reward were
 * regulation before; a firm obliged to meet a standard (符合 after the modal) stays regulation.
 */
const PROCEDURES: WrittenClause[] = [
  ['rule 2, applying after the modal is what the body must do', '培训机构应当在期满前三个月提出继续开展培训的申请。', 'legal_regulatory'],
  ['a condition of applying before the modal stays the service’s', '申请人才公寓的，应当在本市缴纳社会保险满一年。', 'public_services'],
  ['handing in a report by a deadline is a procedural step', '项目单位应于每年3月底前提交年度执行报告。', 'none'],
  ['binding the papers is a procedural step', '申请人应当将申请材料按顺序装订成册，一式三份。', 'none'],
  ['filling in a form is a procedural step', '运营企业应当如实填写租赁登记信息。', 'none'],
  ['a government body reporting is no procedural step of an application', '各区人民政府应于每年12月底前将工作总结报送市发展改革委。', 'strategic'],
  ['providing proof under a modal stays an obligation', '申请人应当提供收入证明材料。', 'legal_regulatory'],
  ['eligibility before the modal is the reward’s condition (具备)', '具备相应资质的企业，须在园区内注册，给予一次性奖励10万元。', 'financial'],
  ['eligibility before the modal is the reward’s condition (符合)', '符合本办法规定条件的企业，须于当年完成注册，给予一次性奖励10万元。', 'financial'],
  ['meeting a standard after the modal stays an obligation', '生产企业应当符合国家安全标准。', 'legal_regulatory'],
  // Papers sent to a place (`rules.none.papers_sent_to`): public services by 窗口 and regulation by 申请, 审核 before.
  ['papers sent to a window are the address of a procedural step', '项目申报材料统一报送至市科技局三楼服务窗口。', 'none'],
  ['papers handed to a sub-district office are a procedural step', '申请人将申请资料提交到所在街道办事处，由街道初审后报区住房保障部门审核。', 'none'],
];

describeClauses('the default codebook reads the procedure of applying and the conditions of a measure', PROCEDURES);

/**
 * 2.8.0 (proc): a reference to other rules at a sentence's end (按照有关规定执行) is no evidence (`rules.ignore.rules_referred_to`).
 * Written for this test: the first was regulation by 依照, 规定 and 办理 before; the twins keep the measure and rule 2.
 */
const REFERENCES: WrittenClause[] = [
  ['a unit that only refers to other rules names no rule', '第十二条 本细则未涉及的事项，依照国家相关规定办理。', 'none'],
  ['a measure followed by a reference keeps its code', '对符合条件的企业给予贴息补助，具体按照有关规定执行。', 'financial'],
  ['a market actor obliged to follow the rules stays rule 2', '经营者应当按照有关规定执行。', 'legal_regulatory'],
];

describeClauses('the default codebook reads a reference to other rules as no rule', REFERENCES);
