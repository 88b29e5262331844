import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cohenKappa } from '../../src/core/reliability/agreementCoefficients.js';
import { loadCodebook } from '../../src/io/readCodebook.js';
import { codeUnits, describeClauses, type WrittenClause } from '../clauseTables.js';
import { runCli } from '../cli.js';
import { REPO_ROOT, SHARED_DIR, SHARED_MISSING, sharedPath } from '../sharedDir.js';

/**
 * The default codebook (codebooks/rothwell-zegveld.zh.yaml) follows the coding manual's decision
 * rules. Each clause below was written for this test (none is from the gold set) and its code
 * can be checked by hand against ../shared/coding-manual.md.
 */
const RULES: WrittenClause[] = [
  ['basis', '为规范人才公寓管理，根据有关规定，结合本市实际，制定本办法。', 'none'],
  ['effective date', '本办法自2024年1月1日起施行。', 'none'],
  ['effective date of a trial rule', '第二十条 本细则自发布之日起试行，有效期两年。', 'none'],
  ['issuing formula', '现将《实施方案》印发给你们，请认真贯彻执行。', 'none'],
  ['title with addressees', '关于调整住房公积金政策的通知各区住房和城乡建设局：', 'none'],
  ['definition', '本办法所称人才住房，是指政府提供政策支持、面向人才配租配售的住房。', 'none'],
  ['attachment', '附件：1.购房补贴申请表', 'none'],
  ['rule 2, market actor', '房地产开发企业不得捆绑销售车位。', 'legal_regulatory'],
  ['rule 2, department organising', '市住房城乡建设部门应当会同有关部门组织编制住房发展规划。', 'strategic'],
  ['an indicator of an evaluation is the evaluation (考核)', '12.每千名常住人口注册执业医师数 定量 计算方法：注册执业医师总数/常住人口数×1000。 指标来源：卫生健康统计年报。', 'strategic'],
  ['rule 1, a sanction in a subsidy rule', '对弄虚作假骗取补贴的，追回补贴资金并依法追究责任。', 'legal_regulatory'],
  ['rule 3, money to firms', '对新认定的高新技术企业给予一次性奖励20万元。', 'financial'],
  ['rule 3, tax-compensating subsidy', '对购买首套住房的家庭给予契税补贴。', 'financial'],
  ['tax relief', '对符合条件的小微企业免征增值税。', 'taxation'],
  ['rule 4, heading naming a measure', '（三）加大财政支持力度。', 'financial'],
  ['encouragement carrying a measure', '鼓励银行业金融机构加大信贷投放。', 'financial'],
  ['rule 1, encouraging firms is guidance, their business its topic', '鼓励社会力量参与建设养老服务设施。', 'strategic'],
  ['department names are not measures', '省工业和信息化厅、省教育厅牵头，省财政厅配合。', 'strategic'],
  ['trade', '推进跨境贸易便利化，压缩进出口通关时间。', 'commercial'],
  ['registration steps carry a measure, they are not one', '对二手车出口企业的出口车辆，实行注册登记、转让登记和注销登记“联办”。', 'commercial'],
  ['research', '鼓励高校、科研院所与企业共建实验室，开展关键核心技术攻关。', 'scientific_technical'],
  ['public service', '依托政务服务平台推行“一网通办”，让群众办事少跑腿。', 'public_services'],
  ['procurement', '政府采购应优先采购创新产品。', 'procurement'],
  // Rule 1: topic words never code by themselves (issue 11's failures, written anew here).
  ['rule 1, a tax measure in a blockchain policy', '第四条 符合条件的区块链医疗企业，依法享受高新技术企业税收优惠。', 'taxation'],
  ['rule 1, a goal is not overseas', '推动本市人工智能产业整体技术水平达到国际先进水平。', 'strategic'],
  ['rule 1, a topic alone is no instrument', '区块链、人工智能、云计算。', 'none'],
  // Rule 2: who is obliged decides.
  ['rule 2, borrowers obliged among money words', '贷款申请人配偶应作为共同申请人，并承担偿还公积金贷款的连带责任。', 'legal_regulatory'],
  ['rule 2, an object is not the subject', '对违规企业，市场监管部门应当依法开展监督检查。', 'legal_regulatory'],
  ['rule 2, a responsibility tag is no obligation', '落实中央补助资金。（省财政厅负责）', 'financial'],
  // Rule 2 where the text defeats the segmenter (2.6.0, 11m): a modal joined to its neighbour (收款单/位不能,
  // 应分/别提), a subject on the wrapped line before its modal, the basis of a body's act, a slogan.
  ['rule 2, a prohibition the segmenter joins to its subject', '第十条 付款人向收款单位索取票据，收款单位不能拒绝提供。', 'legal_regulatory'],
  ['rule 2, a modal the segmenter joins to its verb', '职工提取住房公积金，应分别提供相应材料。', 'legal_regulatory'],
  ['rule 2, a subject on the wrapped line before its modal', '第十二条 市发展改革委\n应当对行业协会开展年度评估。', 'strategic'],
  ['rule 2, the basis of a body’s act is not its act', '市财政部门应当根据监督检查结果调整完善资金管理政策。', 'strategic'],
  ['rule 2, a slogan obliges nobody', '开展政策宣传解读，确保企业应知尽知、应享尽享。', 'information'],
  // none: significance and background, responsibility tags alone.
  ['none, significance', '推进医疗健康区块链应用，对于提升医疗服务质量具有十分重要的意义。', 'none'],
  ['none, background', '随着数字经济快速发展，数据安全问题日益突出。', 'none'],
  ['none, a responsibility tag alone', '（省卫生健康委牵头，省财政厅、省医保局配合）', 'none'],
  ['none, what a cited document required (basis)', '《国务院关于加快发展养老服务业的若干意见》对完善养老服务体系作出了全面部署。', 'none'],
  // none in other wordings (2.6.0, 11l): significance as 是…的重要X, background opened by 但, a dated past event,
  // figures, which source prevails, and a preamble whose every sentence is one of these; each beside its
  // measure twin, which keeps its code.
  ['none, significance as 是…的重要X', '发展普惠托育服务是保障和改善民生的重要内容，是促进人口长期均衡发展的重要举措。', 'none'],
  ['a heading naming a measure before a significance sentence', '（二）加大财政补贴力度。托育服务是民生的重要内容。', 'financial'],
  ['none, background opened by 但', '但受资金、人才等因素制约，当前基层医疗卫生服务能力不足的问题仍然突出。', 'none'],
  ['background followed by a measure in its sentence', '但当前养老服务供给不足的问题仍然突出，各地要加大养老服务设施建设投入。', 'public_services'],
  ['none, a dated past event', '2021年6月，国务院办公厅印发《关于加快发展保障性租赁住房的意见》，对发展保障性租赁住房作出部署。', 'none'],
  ['a deadline to issue a rule is no past event', '2027年底前出台《养老服务条例》实施细则。', 'public_services'],
  ['none, figures', '全年共发放创业担保贷款1200笔，占全省总量的18.5%。', 'none'],
  ['a share to reach is a goal, not figures', '到2027年，新能源汽车销量占比达到40%以上。', 'strategic'],
  ['none, which source prevails', '2.补贴金额若因政策调整发生变化的，以最新公布的标准为准。', 'none'],
  ['a measure whose detail prevails keeps its code', '申请人按规定领取补贴，具体发放时间以银行到账时间为准。', 'financial'],
  // Units that had no evidence at all (2.6.0, 11l): building by investment, a network of facilities, the price of a land sale.
  ['public enterprise, building by investment', '（二）园区管理机构投资新建、购买、租赁。', 'public_enterprise'],
  ['public enterprise, a distribution network', '（三）建立覆盖城乡的快递末端配送网络。', 'public_enterprise'],
  ['public enterprise, a monitoring network', '完善全省大气环境自动监测网络。', 'public_enterprise'],
  ['regulation, the terms of a land sale', '（五）合理确定土地出让价款缴纳比例和期限。', 'legal_regulatory'],
  ['none, a definition by enumeration', '职业技能培训包括就业技能培训、岗位技能提升培训和创业培训。', 'none'],
  ['what a rule requires a list to include is no definition', '检查对象名录库应当包括辖区内的企业、个体工商户等市场主体。', 'legal_regulatory'],
  ['none, a preamble of formulae', '发展智慧农业是建设农业强国的重要支撑。2023年2月，中共中央、国务院印发《关于做好2023年全面推进乡村振兴重点工作的意见》，提出加快智慧农业发展。为落实相关要求，现就有关事项通知如下：', 'none'],
  // Rule 1: an exception names what the unit does not do.
  ['rule 1, an exception is not what the clause does', '除严禁转让的情形外，对符合条件的企业给予补贴。', 'financial'],
  // none: a list item naming a document to hand in is a procedural step; with a modal it is an obligation.
  ['none, a document to submit that names a subsidy', '（3）享受购房补贴的家庭户口簿复印件；', 'none'],
  ['none, a document to submit that names a contract', '（1）申请人与开发企业签订的购房合同原件；', 'none'],
  ['none, a document to submit that names research', '2.企业上年度研发费用专项审计报告原件及复印件。', 'none'],
  // 2.8.0 (proc): handing in under a modal is a procedural step (`rules.none.handing_in`); 提供…材料 stays rule 2.
  ['handing in a document under a modal is a procedural step', '（五）申请人应当提交身份证复印件。', 'none'],
  // none: the certificates, receipts and cited contracts of such a list as well (2.6.0); an item ending in 的
  // states a condition, and ending a contract is what the unit does.
  ['none, a certificate to submit', '（4）《不动产权证书》；', 'none'],
  ['none, a tax certificate to submit', '（3）个人所得税完税证明；', 'none'],
  ['none, a filing certificate to submit', '（5）购房合同备案证明；', 'none'],
  ['none, a paper to submit after its case', '（2）同时提取配偶住房公积金的，提供结婚证；', 'none'],
  ['a condition of holding a certificate is not a paper to submit', '（3）取得不动产权证书满两年的；', 'legal_regulatory'],
  ['ending a contract is not a paper to submit', '3.经协商一致可提前解除租赁合同；', 'legal_regulatory'],
  // The manual's clarification: a limit on getting a measure is its condition and takes its code (2.6.0);
  // a sanction keeps the words of its misconduct.
  ['a limit on getting a subsidy is its condition', '同一家庭的购房补贴只能享受一次，不得重复申请。', 'financial'],
  ['a limit on applying again for funds is their condition', '获得市级资金支持的项目不得重复申报。', 'financial'],
  ['a limit on claiming an allowance is its condition', '家庭成员只能申领一次租赁补贴。', 'financial'],
  ['a limit on applying again for housing is its condition', '共有产权住房每户只享受一次，期满后不得再申请。', 'public_services'],
  ['a sanction with its misconduct stays regulation', '对弄虚作假骗取补贴的，追回补贴资金，三年内不得申请各类补贴。', 'legal_regulatory'],
  // Rule 1: learners gaining abilities is training, whatever research words name the abilities.
  ['learners gaining abilities', '博士生具备较强的科研组织能力和创新研究能力，能够在科学研究中提出新技术。', 'education'],
  ['learners gaining knowledge, under a research heading', '（二）学生掌握人工智能核心技术与科研方法的基本知识。', 'education'],
  ['learners gaining abilities, in the second sentence of an item', '（三）科研要求。研究生具备独立开展科学研究和技术创新的能力。', 'education'],
  ['supporting learners in research stays research', '支持研究生参与企业关键核心技术研发。', 'scientific_technical'],
  // Rule 1: a regulating act with a market body in its sentence regulates the body; its business is the topic.
  ['rule 1, a body bearing responsibility under supervision', '养老服务机构对其开展的养老服务负主体责任，接受民政部门的监督。', 'legal_regulatory'],
  ['rule 1, a body inspected', '定点医疗机构开展医疗服务，由医保部门进行检查。', 'legal_regulatory'],
  // A topic term (人工智能, 高新技术) inside the application of a technology does not hide the measure.
  ['applying a technology named by its topic', '重视和推广人工智能等高新技术在体育赛事中的应用。', 'scientific_technical'],
  // Strategy is work organised, a plan or a strategy carried out: an organisation named (行业组织), a
  // principle held (坚持…) or a strategy naming the kind of a project is not one (2.6.0).
  ['an organisation named is not organising work', '发挥行业组织作用，开展从业人员职业技能培训。', 'education'],
  ['organising work stays strategy', '市政府组织开展试点工作。', 'strategic'],
  ['a principle held without a measure is none', '坚持问题导向，注重实效。', 'none'],
  ['a principle beside a plan stays strategy', '坚持规划引领，统筹推进园区建设。', 'strategic'],
  ['a strategy naming the kind of a project is its topic', '引进承担国家重大战略项目的高层次人才。', 'education'],
  ['a strategy carried out stays strategy', '实施乡村振兴战略。', 'strategic'],
  // Rule 4 and the words a heading names (2.6.0, 11k): money put in (投入机制, 财政投入) is finance, the
  // integration of domestic and foreign trade is trade; a list entry ending in ； has no heading.
  ['a heading on funding', '（十九）完善相关投入机制。', 'financial'],
  ['money put in by government', '加大财政投入，建立多元化投入机制。', 'financial'],
  ['a heading on domestic and foreign trade', '（五）推动内外贸一体化。培育内外贸一体化试点企业，支持企业拓展国内国际市场。', 'commercial'],
  ['rule 4, a list entry is no heading', '（二）伪造、变造有关证明材料的；', 'legal_regulatory'],
  // The measure a unit names against the generic words around it (2.7.0, 11q): an amount of money given is
  // money (rule 3) whatever pilots or demonstrations name who gets it; fee relief and a sum deducted from taxes
  // are tax relief; money making up a difference, debt risk resolved and trade-in programmes are finance; the
  // courses, resources and majors of schools are education; international exchange is cooperation abroad.
  ['rule 3, an amount of money given beside pilots', '对首次认定的省级示范园区（试点）和示范基地（试点），分别给予最高不超过300万元、200万元奖补。', 'financial'],
  ['rule 3, an amount given to persons', '对到乡镇基层就业的高校毕业生，给予每人3000元一次性安家费。', 'financial'],
  ['fee relief beside a reference to rules', '落实有关规定，免收鲜活农产品运输车辆的通行费。', 'taxation'],
  ['a sum deducted from taxes is tax relief, not a price deducted', '高校毕业生从事个体经营的，按每户每年12000元为限额依次扣减增值税、个人所得税。', 'taxation'],
  ['money making up a difference', '自愿选择低于政策标准安置的，不再补差。', 'financial'],
  ['debt risk resolved is finance', '有序推进企业债务风险处置。', 'financial'],
  ['a heading on a trade-in programme', '（八）推动汽车、家电以旧换新。', 'financial'],
  ['a curriculum built is education', '构建面向产业需求的课程体系。', 'education'],
  ['education resources extended', '推动优质教育资源向农村学校延伸。', 'education'],
  ['the majors of schools', '以先进制造骨干专业为引领，优化专业布局。', 'education'],
  ['international exchange with words between', '吸引国际知名高校来本市开展学术交流。', 'overseas'],
  ['a selection of the best (评选活动, one word to the segmenter) is evaluation', '开展年度优秀企业家评选活动。', 'strategic'],
  ['government buying homes to use as affordable housing is a purchase', '支持国有企业收购存量商品房用作保障性租赁住房。', 'procurement'],
  ['persons encouraged to buy homes stay guidance', '鼓励个人购买存量商住公寓用于居住。', 'strategic'],
  ['rule 3, a subsidy the segmenter keeps whole (财政补助)', '按规定落实企业研发投入财政补助政策。', 'financial'],
  // Generic words that name no measure of their instrument (2.7.0, 11n): innovation is the aim of every
  // instrument, a mechanism or a system is the form of any of them, and expert review is a step of awarding
  // a grant or a title; the measure beside them decides. Alone, a carrier still carries strategy.
  ['innovation is an aim, not a strategic measure', '加快创新绿色金融产品。', 'financial'],
  ['a mechanism built for a fund is finance', '完善创业投资基金退出机制。', 'financial'],
  ['a system built for guarantees is finance', '完善融资担保体系。', 'financial'],
  ['a mechanism alone still carries strategy', '完善工作机制。', 'strategic'],
  ['expert review of applications is no evaluation of work', '（四）对项目申请的评审有失公正的；', 'legal_regulatory'],
  // A department's name is no measure, also before 部门, 主管部门, 行政部门 (2.7.0, 11n).
  ['the planning department plans nothing', '住房城乡建设、规划自然资源部门与税务机关共享房屋交易信息。', 'information'],
  ['the planning department issuing certificates', '规划和自然资源部门负责核发不动产权证书，并及时推送登记信息。', 'legal_regulatory'],
  // Measure words the segmenter keeps inside longer words (2.7.0, 11n), as 业务培训 and 总体规划 before.
  ['vocational training is training', '组织开展职业培训。', 'education'],
  ['sharing of information resources is information', '推进政务信息资源共享。', 'information'],
  ['standardisation is a standard', '提高物流配送标准化水平。', 'legal_regulatory'],
  // An item that only names a category of what follows (2.8.0, heads) is the manual's heading with no measure.
  ['none, a heading that only names a category (方面) is a label', '（一）人才培养方面。', 'none'],
  ['none, a category label before a colon', '二、资金保障方面：', 'none'],
  ['a measure given in a field (方面) is no label', '（二）在资金保障方面给予补贴。', 'financial'],
];

/**
 * Clauses of genres the gold sets lack (environment, agriculture, transport, energy, culture and
 * tourism, health, social security, employment, emergencies), written for this test the way Chinese
 * policies word them, one or more per instrument. Those marked * were coded wrongly by codebook 2.4.1
 * for want of a general measure word (2.5.0 added it); the others were right already and stay so.
 */
const GENRES: WrittenClause[] = [
  ['environment*', '加快补齐城镇污水收集和处理设施短板，新建、改扩建一批污水处理厂。', 'public_enterprise'],
  ['environment*', '组织开展重点区域大气污染成因与治理关键技术研究。', 'scientific_technical'],
  ['environment*', '每年组织环境执法人员开展业务培训和岗位练兵。', 'education'],
  ['environment', '建立生态环境监测数据共享机制，定期发布环境质量状况。', 'information'],
  ['environment', '对提前完成超低排放改造的钢铁企业给予奖补资金支持。', 'financial'],
  ['environment*', '（五）伪造、篡改或者指使他人伪造、篡改监测数据的；', 'legal_regulatory'],
  ['environment', '全面禁止洋垃圾入境，严厉打击固体废物走私。', 'commercial'],
  ['environment', '支持环保企业参与“一带一路”沿线国家环境基础设施建设。', 'overseas'],
  ['agriculture*', '实施高标准农田建设工程，完善田间灌溉排水设施。', 'public_enterprise'],
  ['agriculture*', '健全基层农业技术推广体系，推广先进适用的农业技术。', 'scientific_technical'],
  ['agriculture*', '开展国家现代农业产业园创建，打造一批农业产业强镇。', 'strategic'],
  ['agriculture*', '对稻谷、小麦继续实行最低收购价政策。', 'procurement'],
  ['agriculture', '扩大农业保险覆盖面，对三大粮食作物完全成本保险给予保费补贴。', 'financial'],
  ['agriculture', '支持农业企业走出去，在境外建设农业生产加工基地。', 'overseas'],
  ['transport*', '加快推进城市轨道交通和综合交通枢纽建设。', 'public_enterprise'],
  ['transport*', '严厉打击非法营运，依法查处超限超载车辆。', 'legal_regulatory'],
  ['transport', '推进交通运输数据资源开放共享，向社会提供实时公交信息查询服务。', 'information'],
  ['transport', '提升港口通关效率，推行进口货物“提前申报”。', 'commercial'],
  ['energy*', '加快建设跨省输电通道和城乡配电网。', 'public_enterprise'],
  ['energy', '集中力量开展储能、氢能等前沿技术攻关。', 'scientific_technical'],
  ['energy', '新建高耗能项目必须通过节能审查，未通过审查的不得开工建设。', 'legal_regulatory'],
  ['energy', '到2030年，非化石能源消费比重达到25%左右。', 'strategic'],
  ['energy', '鼓励党政机关采购使用绿色电力。', 'procurement'],
  ['culture and tourism*', '加强导游队伍建设，开展导游人员业务培训和等级考核。', 'education'],
  ['culture and tourism*', '推进公共图书馆、文化馆免费开放，丰富群众文化生活。', 'public_services'],
  ['culture and tourism', '加强旅游目的地宣传推广，利用新媒体开展旅游营销。', 'information'],
  ['culture and tourism', '对宣传文化单位免征增值税。', 'taxation'],
  ['culture and tourism', '支持文化企业在境外设立分支机构，参加国际性文化展会。', 'overseas'],
  ['health*', '严厉打击非法行医和欺诈骗保行为。', 'legal_regulatory'],
  ['health*', '做实家庭医生签约服务，为重点人群提供健康管理服务。', 'public_services'],
  ['health', '推进药品和医用耗材集中带量采购。', 'procurement'],
  ['social security*', '将符合条件的困难家庭纳入最低生活保障范围，做到应保尽保。', 'public_services'],
  ['social security*', '完善失业保险制度，及时足额发放失业保险金。', 'public_services'],
  ['social security*', '逐步提高城乡居民基础养老金标准。', 'public_services'],
  ['social security*', '阶段性降低失业保险、工伤保险费率。', 'taxation'],
  ['social security', '对招用就业困难人员的企业，按规定给予社会保险补贴。', 'financial'],
  ['employment*', '开发公益性岗位，托底安置就业困难人员。', 'public_services'],
  ['employment*', '举办专场招聘会，为高校毕业生提供职业指导和岗位推荐服务。', 'public_services'],
  ['emergencies*', '加快建设区域应急救援基地和应急物资储备库。', 'public_enterprise'],
  ['industry*', '四季度全省规模以上工业增加值增长6%以上。', 'strategic'],
  ['industry*', '（三）擅自改变项目建设内容的；', 'legal_regulatory'],
  ['taxation*', '对符合条件的小型微利企业，其年应纳税所得额减按25%计入。', 'taxation'],
  ['taxation*', '企业购置环境保护专用设备的投资额，可以按一定比例实行税额抵免。', 'taxation'],
  ['natural resources*', '编制国土空间总体规划，划定生态保护红线。', 'strategic'],
  ['environment*', '建立健全生态环境损害赔偿制度。', 'legal_regulatory'],
  ['food safety*', '开展食品安全宣传周活动，普及食品安全知识。', 'information'],
  ['science*', '支持企业牵头组建创新联合体，承担国家重大科技项目。', 'scientific_technical'],
  ['science*', '落实研发费用加计扣除政策。', 'taxation'],
  ['science*', '实施青年科技人才托举工程。', 'education'],
  ['finance', '发挥政府性融资担保机构作用，降低担保费率。', 'financial'],
  ['government work*', '定期通报各地工作进展情况。', 'strategic'],
  ['justice*', '为群众提供法律援助。', 'public_services'],
  ['justice*', '建立覆盖城乡的公共法律服务体系。', 'public_services'],
];

/** The same measure under different topics gets the same code (rule 1). */
const TOPICS = ['区块链', '人工智能', '新能源汽车', '养老服务'];

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'policy-code-default-codebook-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function read(file: string): Array<Record<string, string>> {
  return parse(readFileSync(file, 'utf8'), { columns: true, bom: true });
}

describe('the default codebook applies the manual’s decision rules', () => {
  let coded: Map<string, Record<string, string>>;
  beforeAll(() => {
    const topicUnits = TOPICS.map((t) => ({ unit_id: `topic ${t}`, text: `对符合条件的${t}企业给予一次性补贴。` }));
    const genreUnits = GENRES.map(([, text], i) => ({ unit_id: `genre ${i}`, text }));
    const units = [...RULES.map(([unit_id, text]) => ({ unit_id, text })), ...topicUnits, ...genreUnits];
    coded = codeUnits(tmp, 'rules', units);
  });

  it.each(RULES)('%s: %s -> %s', (id, _text, primary) => {
    expect(coded.get(id)?.primary).toBe(primary);
  });

  it.each(GENRES.map(([genre, text, primary], i) => [genre, text, primary, i] as const))(
    'knows the measure words of other genres (%s): %s -> %s',
    (_genre, _text, primary, i) => {
      expect(coded.get(`genre ${i}`)?.primary).toBe(primary);
    },
  );

  it('gives the same measure the same code whatever its topic', () => {
    expect(TOPICS.map((t) => coded.get(`topic ${t}`)?.primary)).toEqual(TOPICS.map(() => 'financial'));
  });

  it('names the rule that decided, with a confidence and a runner-up', () => {
    expect(coded.get('rule 2, borrowers obliged among money words')?.decided_by).toBe('rule 2: obligation.market');
    expect(coded.get('none, significance')?.decided_by).toBe('none: none.significance');
    expect(coded.get('rule 4, heading naming a measure')?.decided_by).toContain('rule 4: heading');
    expect(coded.get('rule 1, a topic alone is no instrument')?.decided_by).toBe('no evidence');
    const strong = Number(coded.get('tax relief')?.confidence);
    const weak = Number(coded.get('rule 1, a topic alone is no instrument')?.confidence);
    expect(strong).toBeGreaterThan(weak);
    expect(coded.get('procurement')?.runner_up).not.toBe('');
  });

  it('reads a list entry ending in ； as a body without a heading (rule 4 is for leads)', () => {
    expect(coded.get('rule 4, a list entry is no heading')?.decided_by).toBe('terms');
    expect(coded.get('a heading on domestic and foreign trade')?.decided_by).toContain('rule 4: heading');
  });

  it('keeps the tax a subsidy compensates as a secondary code (rule 3)', () => {
    expect(coded.get('rule 3, tax-compensating subsidy')?.instruments.split(';')).toContain('taxation');
  });
});

/**
 * The manual's `none` in the forms fresh units show (codebook 2.7.0, 11p): scope statements, scope by
 * reference to this text, how long a policy holds, an effective date after its verb, a definition as
 * "term，指…", the kinds of income a tax law covers, a contract's dispute clause, what the text leaves to
 * other rules or repeals, and the papers of a list of documents to submit. Each clause was written for
 * this test; codebook 2.6.0 coded every `none` one below as an instrument, and each twin (a measure in the
 * same words) keeps its code with both.
 */
const NONE_FORMS: WrittenClause[] = [
  ['none, a scope statement', '第二条 本办法适用于本市行政区域内养老服务机构的设立、运营和监督管理。', 'none'],
  ['none, scope as a place', '本规定适用范围为全市各区县。', 'none'],
  ['none, scope as the activities a text applies to', '第二条 本市行政区域内新能源汽车充电设施的规划、建设、运营及其监督管理，适用本办法。', 'none'],
  ['none, others may follow this text', '其他县（市、区）可参照本方案开展养老服务补贴发放工作。', 'none'],
  ['none, a body follows this text', '市属国有企业参照执行。', 'none'],
  ['a measure extended to a second group keeps its code', '对引进的博士给予10万元安家补贴，硕士参照执行。', 'financial'],
  ['a figure taken from one article is the measure’s', '回购价格参照本办法第十条规定的增购价格执行。', 'legal_regulatory'],
  ['none, how long a policy holds', '本市购房补贴政策，有效期为2025年1月1日至2025年12月31日。', 'none'],
  ['the validity a rule sets for a paper stays regulation', '新开具的购房资格证明有效期调整为180天。', 'legal_regulatory'],
  ['none, an effective date after its verb', '试点期限为两年，从本通知印发之日起实施。', 'none'],
  ['none, a definition as term，指…', '第三条 养老服务补贴，指政府向经济困难老年人发放的护理补贴。', 'none'],
  ['none, a definition as term是…，指…', '人才公寓是政府筹集的保障性住房，指面向引进人才配租的住房。', 'none'],
  ['指导 after a comma is no definition', '（一）加强数据共享，指导各地建设政务数据共享平台。', 'information'],
  ['none, a kind of income a tax law covers', '（三）个人从事医疗、培训等服务活动取得的所得；', 'none'],
  ['income exempted is tax relief', '（二）个人转让自用五年以上唯一家庭生活用房取得的所得，免征个人所得税；', 'taxation'],
  ['none, a contract’s dispute clause', '甲乙双方因履行本合同发生争议的，应当协商解决；协商不成的，可以依法向人民法院提起诉讼。', 'none'],
  ['recourse named without a dispute clause stays regulation', '劳动者与用人单位协商不成的，可以依法申请劳动争议仲裁。', 'legal_regulatory'],
  ['none, what the text leaves to other rules', '第四十条 本办法未尽事宜，按照国家和省有关规定执行。', 'none'],
  ['none, a text repealed', '自本通知印发之日起，《市政府办公室关于调整住房公积金贷款政策的通知》（X政办〔2020〕5号）停止执行。', 'none'],
  ['repealing rules as a unit’s act stays regulation', '对违反《公平竞争审查条例》的政策措施，督促起草单位及时修订或废止。', 'legal_regulatory'],
  ['none, certificates of a list of documents to submit', '（四）近两年企业获得的省级以上荣誉证明材料；', 'none'],
  ['none, a paper to submit after its case', '（6）申请人为现役军人的，提供部队出具的身份证明材料（军官证或士兵证）。', 'none'],
  ['handing in papers with a modal stays an obligation', '（6）申请人为现役军人的，应当提供部队出具的身份证明材料。', 'legal_regulatory'],
  ['a certificate introduced is what the unit does', '（三）全面推行电子营业执照和电子证明。', 'legal_regulatory'],
];

describeClauses('the default codebook knows the manual’s `none` in other forms (scope, references, papers)', NONE_FORMS);

/**
 * Education, information, public services and regulation told apart (codebook 2.6.0). Each clause was
 * written for this test; codebook 2.5.0 coded all but the last two wrongly, which stay as they were.
 */
const CONFUSIONS: WrittenClause[] = [
  ['the name of a training body is no training (rule 1)', '培训机构和评价机构对其开展的培训和评价活动负主体责任，接受人力资源社会保障部门的监督。', 'legal_regulatory'],
  ['publicity names information as training names education', '开展惠企政策培训和宣传，通过新闻媒体广泛宣传政策内容。', 'information'],
  ['public cultural services', '优化线上公共文化服务，丰富网络课程资源。', 'public_services'],
  ['a service to citizens named by its field', '推动社区卫生服务中心提供康复服务和护理服务，落实家庭病床行动。', 'public_services'],
  ['the qualities learners gain', '（二）综合素质方面。具有良好的职业道德，恪守科研诚信，严守学术规范。', 'education'],
  ['admission is education', '探索将科技竞赛成绩纳入高校招生录取评价体系。', 'education'],
  ['fraud the segmenter cuts apart (欺|诈骗|保)', '加强对定点医药机构欺诈骗保行为的大数据筛查。', 'legal_regulatory'],
  ['宣传 first in a list of departments is a department', '建立健全与宣传、网信、公安等部门的沟通协调机制。', 'strategic'],
  ['training by a training body stays training', '支持培训机构开展职业技能培训。', 'education'],
  ['a service industry is no service to citizens', '大力发展文化服务业和体育服务业。', 'strategic'],
];

describeClauses('the default codebook tells education, information, public services and regulation apart', CONFUSIONS);

/**
 * Requirements stated without a modal (codebook 2.7.0): the language of a technical standard (a physical
 * quantity to meet, the material to use), the form of a document set by a department, and an enumerated
 * case of a rule with no other evidence are regulation (the manual's "standards" and "rules"). Each clause
 * was written for this test; the first six were `none` (no evidence) with 2.6.0, the four twins keep their
 * code: a limit on money or a share limits a measure, interpretation is none, a case naming a measure takes
 * the measure's code.
 */
const REQUIREMENTS: WrittenClause[] = [
  ['a physical quantity to meet', '室外活动场地照明灯具安装高度不低于2.5米。', 'legal_regulatory'],
  ['a recommended quantity (宜)', '地下车库通道净宽不宜小于5.5米。', 'legal_regulatory'],
  ['the material to use', '室内给水管道采用不锈钢或铜质材料。', 'legal_regulatory'],
  ['the form of a document set by a department', '纳税申报表格式由市税务局统一制定。', 'legal_regulatory'],
  ['an enumerated case of a restriction', '（二）在本市拥有3套及以上住房的家庭；', 'legal_regulatory'],
  ['an enumerated case of a sanction', '（三）连续两年未报送年度报告的；', 'legal_regulatory'],
  ['a limit on money limits the measure', '对新购住房的家庭给予补贴，每套最高不超过2万元。', 'financial'],
  ['a share limits the measure', '个人购买首套住房的，首付款比例不低于20%。', 'financial'],
  ['interpretation is none', '本办法由市住房城乡建设局负责解释。', 'none'],
  ['a case naming a measure takes its code', '（二）已享受购房补贴的；', 'financial'],
];

describeClauses('the default codebook reads requirements stated without a modal', REQUIREMENTS);

describe('the default codebook reads requirements stated without a modal: patterns stay linear', () => {
  // The case pattern first ended 的\s*[；;。]?\s*$, whose two runs of spaces backtracked quadratically when the unit
  // did not end there (6 s for 50,000 spaces); every pattern must stay linear on such runs.
  it('runs every pattern in linear time on long runs of spaces, line breaks, digits and 的', async () => {
    const { codebook } = await loadCodebook(join(REPO_ROOT, 'codebooks', 'rothwell-zegveld.zh.yaml'));
    const n = 50_000;
    const hostile = ['（一）拥有的' + ' '.repeat(n) + 'x', '（一）拥有的' + '\n'.repeat(n) + 'x', '不低于' + '1'.repeat(n) + 'x', '（一）' + '的'.repeat(n) + 'x'];
    for (const leaf of codebook.leaves) {
      for (const p of leaf.patterns) {
        const regex = new RegExp(p.pattern, 'gu');
        for (const text of hostile) {
          const start = performance.now();
          regex.lastIndex = 0;
          for (let m = regex.exec(text); m !== null; m = regex.exec(text)) if (m[0].length === 0) regex.lastIndex++;
          expect(performance.now() - start, `${leaf.id} /${p.pattern}/`).toBeLessThan(500);
        }
      }
    }
  });
});

/**
 * Short units and headings, and the supply-side measures they name (codebook 2.7.0, 11r). Each clause was
 * written for this test; codebook 2.6.0 coded all but the twin (新业态 as what statistics monitor) wrongly,
 * most of them `none` for lack of evidence.
 */
const SUPPLY_AND_HEADINGS: WrittenClause[] = [
  ['a heading fostering new business forms of an industry', '（五）拓展文旅融合新业态。', 'strategic'],
  ['new business forms monitored are no industrial measure', '健全新业态新模式统计监测制度。', 'information'],
  ['a heading attracting investment and talent', '8.深入实施“双招双引”工程。', 'strategic'],
  ['a heading on infrastructure under a carrier verb', '（七）统筹城乡基础设施建设。', 'public_enterprise'],
  ['broadband and fibre networks are infrastructure', '加快农村光纤宽带网络覆盖。', 'public_enterprise'],
  ['internet access is infrastructure', '提升偏远地区互联网接入能力。', 'public_enterprise'],
  ['information matched between supply and demand', '促进供需双方信息的有效对接。', 'information'],
  ['the resources of education', '扩大优质教育资源供给。', 'education'],
  ['a heading on a trade-in scheme', '（十）实施汽车以旧换新。', 'financial'],
  ['an import and export fair', '办好第138届广交会。', 'commercial'],
  ['international exchange and cooperation with words between', '加强与国际友好城市的交流合作。', 'overseas'],
];

describeClauses('the default codebook codes short units and headings by the supply-side measure they name', SUPPLY_AND_HEADINGS);

/**
 * The usual names of each instrument's measures (codebook 2.7.0, 11s): words a coder recognises from the
 * manual's definitions that the codebook lacked, or that the segmenter keeps whole so that the keyword inside
 * them never matched (职业培训教材, 教育资源). Each clause was written for this test; with the codebook before
 * this change the first twenty were `none` (no evidence) or coded by a generic word (推进, 支持,
 * 建设, 有关规定). The two twins keep their code: a place of a service (幼儿园, a topic term) does not outweigh the
 * measure beside it, and a housing trade-in (selling the old home to buy a new one) is no subsidised trade-in of goods.
 */
const VOCABULARY: WrittenClause[] = [
  ['telecom lines a government builds', '加快推进农村光纤宽带网络覆盖。', 'public_enterprise'],
  ['utilities a government supplies', '提升城市供水、供气、供热保障能力。', 'public_enterprise'],
  ['a trade-in programme is a subsidy (heading)', '（六）实施汽车以旧换新。', 'financial'],
  ['the national import and export fairs', '组织企业参加广交会、进博会。', 'commercial'],
  ['foreign-trade firms', '支持外贸企业拓展多元化市场。', 'commercial'],
  ['care services for the old', '发展社区助餐和日间照料。', 'public_services'],
  ['resettlement housing', '推进棚户区改造和安置房建设。', 'public_services'],
  ['apprenticeships and teaching materials', '推行中国特色学徒制，编写新职业培训教材。', 'education'],
  ['levels of education and their resources', '统筹高等教育和基础教育资源。', 'education'],
  ['briefings and press conferences', '组织政策宣讲，召开新闻发布会。', 'information'],
  ['upgrading plants by technology', '支持企业开展智能化改造和数字化改造。', 'scientific_technical'],
  ['technology firms and technology markets', '培育科技型企业，活跃技术市场和技术交易。', 'scientific_technical'],
  ['a fee named beside its relief', '按照有关规定免收通行费。', 'taxation'],
  ['going abroad', '支持企业抱团出海。', 'overseas'],
  ['resolving debts is finance', '稳妥化解企业债务风险。', 'financial'],
  ['the organisation of medical care', '推进医联体建设和分级诊疗。', 'public_services'],
  ['the disciplines a school builds', '加强学科专业建设，优化专业设置。', 'education'],
  ['foreign investors', '推动外商来华投资。', 'commercial'],
  ['remote medical care', '发展远程医疗。', 'public_services'],
  ['tendering by a word the segmenter keeps whole', '项目建设一律实行公开招标。', 'procurement'],
  ['a kindergarten beside a standard stays regulation', '新建住宅小区按规定配建幼儿园。', 'legal_regulatory'],
  ['a housing trade-in is a market arrangement, no subsidy', '（五）推进住房“以旧换新”。', 'strategic'],
];

describeClauses('the default codebook knows the usual names of each instrument’s measures', VOCABULARY, true);

/**
 * Found by reading the corpus clauses 2.7.0 changed (the review of the merged codebook): aims are no measure
 * of the instrument their words name, and a goal is a state to reach by a year. Each clause was written for
 * this test; with the codebook before the review the first five were coded by the aim's words, the last two
 * are their twins.
 */
const REVIEWED: WrittenClause[] = [
  ['sharing in the slogan of social governance', '鼓励企业开展管理创新，营造共建共治共享的发展环境。', 'strategic'],
  ['an ecosystem said to be open is a goal', '到2025年，产业创新生态更加开放。', 'strategic'],
  ['a level to reach by a year is a goal, even of standardisation', '到2025年，物流作业标准化水平明显提升。', 'strategic'],
  ['a state to reach by a year is a goal', '到2027年，基本建成覆盖城乡的养老服务网络。', 'strategic'],
  ['government debt to control is no support given', '坚决遏制新增政府隐性债务。', 'none'],
  ['a standard of standardisation is regulation', '制定物流设施设备标准化规范。', 'legal_regulatory'],
  ['the risk of firms’ debts resolved is finance', '积极化解中小企业债务风险。', 'financial'],
];

describeClauses('the default codebook reads aims and goals as no measure of the words they use', REVIEWED);

if (!SHARED_DIR) console.warn(`defaultCodebook.test: ${SHARED_MISSING}`);

/**
 * Kappa of the default codebook on both development gold sets, on the whole set, on each half split
 * by document, and on the 70 % most confident clauses. The floors sit a little under the figures
 * measured with codebook 2.8.0 (dev 0.873, halves 0.843/0.901, top 70 % 0.942; dev2 0.762, halves
 * 0.703/0.815, top 70 % 0.845); dev2's kappa floor is the issue's target, 0.75. A change that loses
 * agreement on either set, or orders clauses worse by confidence, fails here.
 */
const GOLD_FLOORS = [
  { set: 'dev-units', units: 225, kappa: 0.85, half: 0.81, confident: 0.91 },
  { set: 'dev2-units', units: 274, kappa: 0.75, half: 0.69, confident: 0.83 },
];

describe.skipIf(!SHARED_DIR).each(GOLD_FLOORS)('the default codebook against the adjudicated gold $set', (floor) => {
  let rows: Array<Record<string, string>>;
  beforeAll(() => {
    const out = join(tmp, `${floor.set}-coded.csv`);
    const r = runCli(['code-units', sharedPath('gold', `${floor.set}.csv`), '-o', out], tmp);
    expect(r.stderr).toBe('');
    rows = read(out);
  });
  const kappaOf = (units: Array<Record<string, string>>) => cohenKappa(units.map((u) => [u.input_primary!, u.primary!])).value;

  it(`reaches Cohen’s kappa ${floor.kappa} on the primary code`, () => {
    expect(rows).toHaveLength(floor.units);
    expect(kappaOf(rows)).toBeGreaterThanOrEqual(floor.kappa);
  });

  it(`does not depend on a few documents: each half of the documents stays above ${floor.half}`, () => {
    const docs = [...new Set(rows.map((r) => r.doc!))].sort();
    const half = new Map(docs.map((d, i) => [d, i % 2]));
    for (const h of [0, 1]) expect(kappaOf(rows.filter((r) => half.get(r.doc!) === h))).toBeGreaterThanOrEqual(floor.half);
  });

  it(`agrees better where it is confident: the 70 % most confident clauses reach ${floor.confident}`, () => {
    const ranked = rows.map((r, i) => ({ r, i })).sort((a, b) => Number(b.r.confidence) - Number(a.r.confidence) || a.i - b.i);
    const confident = ranked.slice(0, Math.round(rows.length * 0.7)).map((x) => x.r);
    expect(kappaOf(confident)).toBeGreaterThanOrEqual(floor.confident);
    expect(kappaOf(confident)).toBeGreaterThan(kappaOf(rows));
  });
});
