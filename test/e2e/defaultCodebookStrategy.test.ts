import { describeClauses, type WrittenClause } from '../clauseTables.js';

/**
 * Strategy against the measure it frames (codebook 2.8.0; docs/coding-quality.md, sections strat, noev and
 * strat2): generic verbs of doing more, a government body's duty to organise, plans referred to by a rule,
 * appraising and urging. Each clause was written for its test, with twins that stay strategy.
 */

/**
 * Strategy coded too often on fresh units (codebook 2.8.0, strat): the generic verbs of doing more or better
 * (推进, 加快, 完善, 健全, 促进, 落实…) frame a measure of any instrument and name none of the manual's
 * strategic measures, so the instrument in their object decides. Each clause was written for this test; with
 * codebook 2.7.0 the first six were coded strategic by their verbs; the last three are their twins: the
 * manual's own wording (鼓励, 规划) and a generic verb with no other measure stay strategy.
 */
const GENERIC_VERBS: WrittenClause[] = [
  ['two generic verbs before a service', '加快推进老旧小区养老服务设施配套。', 'public_services'],
  ['two generic verbs before a training system', '加快完善职业技能培训体系。', 'education'],
  ['two generic verbs before a standard', '健全农产品质量安全标准。', 'legal_regulatory'],
  ['two generic verbs before a utility', '加快推进农村污水处理。', 'public_enterprise'],
  ['two generic verbs before research', '健全完善科研项目管理。', 'scientific_technical'],
  ['two generic verbs before inclusive finance', '促进落实普惠金融服务。', 'financial'],
  ['encouragement of firms stays strategy', '鼓励企业加大研发投入。', 'strategic'],
  ['a plan stays strategy', '制定全市养老服务发展规划。', 'strategic'],
  ['generic verbs with no other measure still carry strategy', '加快推进城乡融合发展。', 'strategic'],
];

describeClauses('the default codebook lets the measure in a generic verb’s object decide', GENERIC_VERBS, true);

/**
 * Rule 2 for a government body (codebook 2.8.0, strat): obliged "to organise, coordinate or evaluate work" it is
 * strategy; obliged to do more or better (要加强, 要做好, 应当完善) the act it is obliged to is the measure, and an
 * enforcement word after the generic verb makes the duty regulation. Written for this test; with the rule's
 * earlier list of organising verbs the first four were strategic; the last two are their twins.
 */
const GOVERNMENT_DUTIES: WrittenClause[] = [
  ['a body obliged to strengthen training', '各地要加强职业技能培训。', 'education'],
  ['a body obliged to do housing support well', '各地要做好困难群众住房保障工作。', 'public_services'],
  ['a body obliged to implement a tax relief', '各区要落实小微企业增值税减免政策。', 'taxation'],
  ['a body obliged to strengthen inspections', '各地要加强对养老机构的监督检查。', 'legal_regulatory'],
  ['a body obliged to coordinate', '各地要统筹推进城乡融合发展。', 'strategic'],
  ['a body obliged to organise', '市商务局负责组织实施全市招商引资工作。', 'strategic'],
];

describeClauses('the default codebook reads rule 2 for a government body by the manual’s verbs of organising', GOVERNMENT_DUTIES, true);

/**
 * A plan referred to by a rule is no plan made (codebook 2.8.0, strat): 规划 weighs 1, as 总体规划 and 空间规划,
 * so the rule around it decides. Written for this test; with 规划 at 2 the first three were strategic; the last
 * two are their twins.
 */
const PLANS: WrittenClause[] = [
  ['a limit set by the planning conditions', '住宅项目的容积率不超过规划条件确定的上限。', 'legal_regulatory'],
  ['a project obliged to meet the plan', '项目的建筑密度和绿地率应当符合规划要求。', 'legal_regulatory'],
  ['floor area counted against the plan', '不超过规划总建筑面积3%的部分不计入容积率。', 'legal_regulatory'],
  ['a plan made stays strategy', '编制国土空间规划。', 'strategic'],
  ['planning named in a heading stays strategy', '（三）加强规划引领。', 'strategic'],
];

describeClauses('the default codebook weighs a plan referred to by a rule as the rule', PLANS, true);

/**
 * 2.8.0 (noev): a government body obliged to organise (rule 2) weighs as one word of strategy (`government_weight` 1,
 * 3 before), so the measure it organises decides. Each clause was written for this test; with 2.7.0 the first two
 * were strategic by the rule alone; the next four are their twins (organising work itself, coordinating a measure
 * (strategic until 2.9.0 (none)), a plan, enforcement), and the last names organisation and coordination in its heading,
 * which nothing but the rule read before 组织协调 was a word.
 */
const GOVERNMENT_ORGANISING: WrittenClause[] = [
  ['a body organising training', '区教育行政部门要组织开展教师培训。', 'education'],
  ['a body organising customs clearance', '市商务部门要会同有关部门做好跨境电商通关服务。', 'commercial'],
  ['a body organising the work itself', '各地要加强组织领导，统筹推进各项工作。', 'strategic'],
  // 2.9.0 (none): strategic before (the duty and 统筹 at 1 each tied 数据共享 at 2, and rule 5 gave the first named); with
  // 统筹 at 0.9 the coordinated measure decides, as the silver coders coded 数据资源主管部门负责统筹协调数据共享工作.
  ['a body coordinating (统筹) a measure', '各区人民政府负责统筹本辖区政务数据共享工作。', 'information'],
  ['a body organising a plan', '市人民政府应当组织编制全市发展规划。', 'strategic'],
  ['a body obliged to enforce', '市卫生健康部门应当加强对医疗机构的监督检查。', 'legal_regulatory'],
  ['a heading of organisation and coordination (组织协调, one word) names strategy', '（二）做好组织协调。各区商务部门要加强与有关部门的信息共享。', 'strategic'],
];

describeClauses('the default codebook codes a government body’s duty by the measure it organises', GOVERNMENT_ORGANISING);

/**
 * 2.8.0 (strat2): appraising, summing up, tracking and urging in general (评价, 总结, 跟踪, 督促) weigh 0.5, so the
 * instrument of their object decides; the manual's words of evaluating and supervising government work (考核, 督查,
 * 评估, 督导, 绩效) keep their weight. Written for this test; with codebook 2.8.0 as on main the first five were
 * strategic; the last five are their twins: evaluation of government work, in a body and in headings, a pilot's
 * experience summed up, and a body urged to do its work stay strategy.
 */
const APPRAISING: WrittenClause[] = [
  ['appraisal of professional titles', '完善职称评价标准。', 'education'],
  ['appraisal of teachers', '完善教师评价标准。', 'education'],
  ['experience summed up to be publicised', '及时总结典型经验，加强宣传推广。', 'information'],
  ['an employer urged to obey the law', '督促用人单位依法签订劳动合同。', 'legal_regulatory'],
  ['regions urged to train', '督促各地加强职业技能培训。', 'education'],
  ['evaluation of the work of districts stays strategy', '对各区工作开展绩效评估。', 'strategic'],
  ['evaluation named in a heading stays strategy', '（四）强化考核评估。', 'strategic'],
  ['tracking evaluation named in a heading stays strategy', '（五）实施跟踪评估。', 'strategic'],
  ['a pilot’s experience summed up stays strategy', '总结推广试点经验。', 'strategic'],
  ['districts urged to do their work stay strategy', '督促各区落实工作责任。', 'strategic'],
];

describeClauses('the default codebook lets the object of appraising, summing up and urging decide', APPRAISING, true);
