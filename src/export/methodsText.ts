import { labelIn, levelLabel, type Lang } from '../core/tables/Language.js';
import type { MethodsFacts, ReliabilityFacts } from '../core/tables/methodsFacts.js';
import { round } from '../core/tables/round.js';

/** A Markdown comment, invisible when rendered: a paper's reader never sees the hint. */
const MISSING_RELIABILITY = '<!-- No reliability figures: run policy-code evaluate --json or agreement --json and pass the file with --reliability. -->';

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
// Rounded as the tables round, so a share quoted here is the share the tables print.
const pct = (part: number, whole: number) => (whole ? round((100 * part) / whole, 1) : '0.0');
const num = (x: number | null, digits = 3) => (x === null ? '' : round(x, digits));

function codebookName(f: MethodsFacts, lang: Lang): string {
  const c = f.codebook;
  if (!c.title) return c.name;
  return lang === 'zh' ? `${labelIn(c.title, c.name, lang)}（${c.name}）` : `${labelIn(c.title, c.name, lang)} (${c.name})`;
}

// agreement takes any number of coders: the paragraph said "two" for three.
const COUNT_EN = ['', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine', 'Ten'];
const COUNT_ZH = ['', '一', '两', '三', '四', '五', '六', '七', '八', '九', '十'];
const codersEn = (n: number | null) => (n === null ? 'The coders' : `${COUNT_EN[n] ?? n} coder${n === 1 ? '' : 's'}`);
const codersZh = (n: number | null) => (n === null ? '编码员' : `${COUNT_ZH[n] ?? `${n} `}名编码员`);

function reliabilityZh(r: ReliabilityFacts | null): string {
  if (!r) return '';
  const parts = [r.percentAgreement !== null ? `一致率 ${pct(r.percentAgreement, 1)}%` : '', r.cohenKappa !== null ? `Cohen's κ = ${num(r.cohenKappa)}` : '', r.krippendorffAlpha !== null ? `Krippendorff's α = ${num(r.krippendorffAlpha)}` : '', r.macroF1 !== null ? `宏平均 F1 = ${num(r.macroF1)}` : ''].filter(Boolean);
  return r.kind === 'coder-vs-human'
    ? `以 ${r.units} 个人工编码条款检验自动编码的效度：${parts.join('，')}。`
    : `${codersZh(r.coders)}独立编码 ${r.units} 个条款的编码员间信度：${parts.join('，')}。`;
}

function reliabilityEn(r: ReliabilityFacts | null): string {
  if (!r) return '';
  const parts = [r.percentAgreement !== null ? `percent agreement ${pct(r.percentAgreement, 1)}%` : '', r.cohenKappa !== null ? `Cohen's κ = ${num(r.cohenKappa)}` : '', r.krippendorffAlpha !== null ? `Krippendorff's α = ${num(r.krippendorffAlpha)}` : '', r.macroF1 !== null ? `macro-averaged F1 = ${num(r.macroF1)}` : ''].filter(Boolean);
  return r.kind === 'coder-vs-human'
    ? `Against ${r.units} clauses coded by hand, the automatic coding reached ${parts.join(', ')}.`
    : `${codersEn(r.coders)} coded ${r.units} clauses independently: ${parts.join(', ')}.`;
}

function levelsText(f: MethodsFacts, lang: Lang): string {
  return Object.entries(f.levels)
    .filter(([, n]) => n > 0)
    .map(([l, n]) => (lang === 'zh' ? (l === 'unknown' ? `层级不明 ${n} 份` : `${levelLabel(l, 'zh')} ${n} 份`) : l === 'unknown' ? `${n} of unknown level` : `${n} ${levelLabel(l, 'en').toLowerCase()}`))
    .join(lang === 'zh' ? '、' : ', ');
}

// How the documents were cut, as docs/counting-policies.md describes the two units (splitClauses).
const UNIT_ZH = {
  item: '按条、项（第X条、一、（一）、1. 等编号）切分，每项连同其标题为一个条款',
  sentence: '按条、项（第X条、一、（一）、1. 等编号）切分，超过 200 字的项再按句末（。！？；）切分',
  unknown: '按条、项（第X条、一、（一）、1. 等编号）切分',
};
const UNIT_EN = {
  item: 'documents were split into their numbered articles and items (第X条, 一、, （一）, 1.), each item whole with its heading,',
  sentence: 'documents were split into their numbered articles and items (第X条, 一、, （一）, 1.), and items over 200 characters at sentence ends (。！？；),',
  unknown: 'documents were split into their numbered articles and items (第X条, 一、, （一）, 1.)',
};

/** The methods paragraph in Chinese: corpus, unit, codebook, procedure, reliability, software, citation. */
export function methodsZh(f: MethodsFacts): string {
  const c = f.codebook;
  const years = f.years ? `${f.years.first}—${f.years.last} 年` : '年份不明';
  const excluded = Object.values(f.excluded).reduce((a, b) => a + b, 0);
  const dims = c.dimensions.map((d) => labelIn(d.label, d.id, 'zh')).join('、');
  return [
    '# 研究方法（由 policy-code 生成）',
    '',
    `本研究的样本为 ${f.documents} 份政策文件（${years}${f.unknownYears ? `，另有 ${f.unknownYears} 份年份不明` : ''}；${levelsText(f, 'zh')}；涉及 ${f.provinces} 个省级行政区${f.national ? `，中央文件 ${f.national} 份` : ''}）${excluded ? `；另有 ${excluded} 份文件因无法读取、重复或非政策文件未纳入统计` : ''}${f.filters.length ? `；样本按 ${f.filters.join('、')} 筛选` : ''}。` +
      `以政策条款为分析单元，${UNIT_ZH[f.unit ?? 'unknown']}，共得到 ${f.clauses} 个条款。` +
      `编码框架为 ${codebookName(f, 'zh')}，版本 ${c.version}（SHA-256：${c.sha256.slice(0, 12)}…），含 ${c.dimensions.length} 个维度（${dims}）、${c.leaves.length} 种政策工具。` +
      `编码由 policy-code ${f.version} 依据编码框架的关键词、正则规则与排除规则自动完成：一个条款可获得多个编码，证据权重之和最高者为主编码（并列时取文中最先出现者）；${f.codedClauses} 个条款（${pct(f.codedClauses, f.clauses)}%）获得编码。` +
      `统计时每一条款按其主编码计一次，政策按其任一条款涉及的政策工具计数。${reliabilityZh(f.reliability)}`,
    '',
    ...(f.reliability ? [`<!-- Reliability figures from ${f.reliability.source}. -->`, ''] : [MISSING_RELIABILITY, '']),
    `引用：policy-code ${f.version}（MIT 许可）；编码框架 ${c.name} ${c.version}，SHA-256 ${c.sha256}。`,
    '',
  ].join('\n');
}

/** The methods paragraph in English. */
export function methodsEn(f: MethodsFacts): string {
  const c = f.codebook;
  const years = f.years ? `${f.years.first}–${f.years.last}` : 'years unknown';
  const excluded = Object.values(f.excluded).reduce((a, b) => a + b, 0);
  const dims = c.dimensions.map((d) => labelIn(d.label, d.id, 'en')).join(', ');
  return [
    '# Methods (generated by policy-code)',
    '',
    `The sample comprises ${plural(f.documents, 'policy document')} (${years}${f.unknownYears ? `, ${f.unknownYears} of unknown year` : ''}; ${levelsText(f, 'en')}; ${plural(f.provinces, 'provincial-level division')}${f.national ? `, ${plural(f.national, 'central document')}` : ''})${excluded ? `; ${excluded} further files were left out as unreadable, duplicates or not policies` : ''}${f.filters.length ? `; documents were selected by ${f.filters.join(', ')}` : ''}. ` +
      `The unit of analysis is the policy clause: ${UNIT_EN[f.unit ?? 'unknown']} into ${f.clauses} clauses. ` +
      `The coding frame is ${codebookName(f, 'en')}, version ${c.version} (SHA-256 ${c.sha256.slice(0, 12)}…), with ${c.dimensions.length} dimensions (${dims}) and ${c.leaves.length} policy instruments. ` +
      `Clauses were coded automatically by policy-code ${f.version} from the codebook's keywords, patterns and exclusion rules: a clause may receive several codes, and its primary code is the one with the largest sum of evidence weights (ties go to the code whose evidence comes first); ${f.codedClauses} clauses (${pct(f.codedClauses, f.clauses)}%) received a code. ` +
      `In the tables each clause counts once, under its primary code, and a policy counts under every instrument any of its clauses carries. ${reliabilityEn(f.reliability)}`,
    '',
    ...(f.reliability ? [`<!-- Reliability figures from ${f.reliability.source}. -->`, ''] : [MISSING_RELIABILITY, '']),
    `Cite as: policy-code ${f.version} (MIT licence); codebook ${c.name} ${c.version}, SHA-256 ${c.sha256}.`,
    '',
  ].join('\n');
}
