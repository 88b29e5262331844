import { describe, expect, it } from 'vitest';
import { validateCodebook } from '../../../src/core/codebook/validateCodebook.js';
import { compileCodebook } from '../../../src/core/coding/compileCodebook.js';
import { codeClause } from '../../../src/core/coding/codeClause.js';
import { headingSpan, ignoredSpans, type CompiledRules } from '../../../src/core/coding/decisionRules.js';
import { uncertainFirst } from '../../../src/core/review/uncertainFirst.js';
import { agreementByConfidence } from '../../../src/core/reliability/agreementByConfidence.js';

/** A tiny codebook with every kind of decision rule; tokens are given by hand (no segmenter in core). */
const raw = {
  codebook: 'tiny',
  version: '1',
  rules: {
    none: [{ id: 'effective_date', manual: 'none', pattern: '自[^。]{0,20}起施行' }],
    heading: { manual: 'rule 4', weight: 3 },
    obligation: {
      manual: 'rule 2', modals: ['应当'], prohibitions: ['不得'], market: ['企业'], government: ['部门'],
      enforcement: ['检查'], organising: ['组织'], objects: ['对'], market_category: 'law', government_category: 'plan', weight: 3,
    },
    money: { manual: 'rule 3', givers: ['给予', '安排'], money: ['补贴'], category: 'fund', weight: 2 },
    encouragement: { manual: 'rule 1', verbs: ['鼓励'], actors: ['企业'], others: ['银行', '各地'], category: 'plan', weight: 3 },
    regulation: { manual: 'rule 1', acts: ['责令', '整改', '监管'], actors: ['机构'], names: ['局'], reach: 10, category: 'law', weight: 3 },
  },
  categories: [
    { id: 'env', label: { zh: '环境' }, children: [
      { id: 'fund', label: { zh: '金融' }, keywords: ['补贴', '资金'], topics: ['区块链'] },
      { id: 'law', label: { zh: '法规' }, keywords: ['规范'] },
      { id: 'plan', label: { zh: '策略' }, keywords: ['规划', { term: '推进', weight: 0.5 }], topics: ['人工智能'], patterns: ['人工智能[^。]{0,6}中的应用'] },
    ] },
    { id: 'supply', label: { zh: '供给' }, children: [{ id: 'train', label: { zh: '培训' }, keywords: [{ term: '培训', weight: 2 }] }] },
  ],
};

/** A tiny codebook (`raw`, or a variant of it) validated and compiled. */
function compiled(codebook: unknown = raw) {
  const r = validateCodebook(codebook);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return compileCodebook(r.codebook);
}
const code = (tokens: string[]) => codeClause('u', tokens, compiled());

describe('decision rules in the coder', () => {
  it('a topic term alone codes nothing; beside a measure of its category it adds weight (rule 1)', () => {
    expect(code(['区块链', '人工智能', '。']).primary).toBe('none');
    const c = code(['推进', '区块链', '资金', '。']);
    expect(c.primary).toBe('fund');
    expect(c.scores.fund).toBe(2);
  });

  it('a topic term inside a pattern of its category does not hide the pattern: the text counts once, for the measure', () => {
    const c = code(['人工智能', '在', '养老', '中', '的', '应用', '。']);
    expect([c.primary, c.scores.plan]).toEqual(['plan', 1]);
    expect(c.matches.map((m) => m.term)).toEqual(['人工智能在养老中的应用']);
  });

  it('a market actor obliged is regulation, a department obliged to organise is strategy (rule 2)', () => {
    const market = code(['企业', '应当', '使用', '补贴', '资金', '。']);
    expect([market.primary, market.decidedBy]).toEqual(['law', 'rule 2: obligation.market']);
    const gov = code(['部门', '应当', '组织', '推进', '。']);
    expect([gov.primary, gov.decidedBy]).toEqual(['plan', 'rule 2: obligation.government']);
    const enforce = code(['部门', '应当', '检查', '。']);
    expect(enforce.decidedBy).toBe('rule 2: obligation.enforcement');
  });

  it('a government body obliged to organise weighs government_weight (a carrier’s 0.5): the measure it organises decides', () => {
    const variant = { ...raw, rules: { ...raw.rules, obligation: { ...raw.rules.obligation, government_weight: 0.5 } } };
    const tokens = ['部门', '应当', '组织', '培训', '。'];
    expect(code(tokens).primary).toBe('plan');
    const c = codeClause('u', tokens, compiled(variant));
    expect([c.primary, c.scores.plan, c.scores.train]).toEqual(['train', 0.5, 2]);
    // Alone it still decides, and its modal is no evidence of regulation even where 应当 is a keyword of it;
    // a market actor obliged keeps the rule's weight.
    const withModal = { ...variant, categories: JSON.parse(JSON.stringify(raw.categories).replace('"keywords":["规范"]', '"keywords":["规范","应当"]')) };
    const alone = codeClause('u', ['部门', '应当', '组织', '。'], compiled(withModal));
    expect([alone.primary, alone.scores]).toEqual(['plan', { plan: 0.5 }]);
    expect(codeClause('u', ['企业', '应当', '组织', '。'], compiled(withModal)).scores).toEqual({ law: 4 });
    expect(codeClause('u', ['企业', '应当', '组织', '培训', '。'], compiled(variant)).scores.law).toBe(3);
  });

  it('an actor after an object marker is not the subject, and a modal in brackets or quotes is an aside', () => {
    expect(code(['对', '企业', '，', '部门', '应当', '组织', '。']).decidedBy).toBe('rule 2: obligation.government');
    expect(code(['规划', '。', '（', '部门', '应当', '组织', '）']).matches.some((m) => m.rule)).toBe(false);
    expect(code(['按照', '“', '企业', '应当', '规范', '”', '的', '原则', '规划', '。']).matches.some((m) => m.rule)).toBe(false);
  });

  it('a condition word before the modal states who gets a measure (rule 2 silent); after it, it is the act obliged', () => {
    const withConditions = compiled({ ...raw, rules: { ...raw.rules, obligation: { ...raw.rules.obligation, conditions: ['申请'] } } });
    // 申请补贴的企业，应当…: the measure's condition, so the money words decide.
    const before = codeClause('u', ['申请', '补贴', '的', '企业', '，', '应当', '使用', '资金', '。'], withConditions);
    expect([before.primary, before.matches.some((m) => m.rule?.startsWith('rule 2'))]).toEqual(['fund', false]);
    // 企业应当提出…申请: what the firm is obliged to do, an obligation like any other.
    const after = codeClause('u', ['企业', '应当', '提出', '补贴', '资金', '申请', '。'], withConditions);
    expect([after.primary, after.decidedBy]).toEqual(['law', 'rule 2: obligation.market']);
    // Sentence by sentence: a condition word in the sentence before does not silence this one.
    const next = codeClause('u', ['申请', '补贴', '。', '企业', '应当', '规范', '使用', '资金', '。'], withConditions);
    expect(next.decidedBy).toBe('rule 2: obligation.market');
  });

  it('money given is financial (rule 3); a none formula wins over every term', () => {
    const c = code(['对', '企业', '给予', '一次性', '补贴', '。']);
    expect([c.primary, c.decidedBy]).toEqual(['fund', 'rule 3: money.given']);
    const none = code(['补贴', '规划', '自', '2024年', '1月', '1日', '起施行', '。']);
    expect([none.primary, none.decidedBy, none.confidence]).toEqual(['none', 'none: none.effective_date', 0.9]);
  });

  it('a giver that is an item of a list gives nothing (rule 3): 重大项目安排、补贴使用等事项', () => {
    const listed = code(['审议', '重大', '项目', '安排', '、', '补贴', '使用', '等', '事项', '。']);
    expect(listed.matches.some((m) => m.rule)).toBe(false);
    const given = code(['为', '企业', '安排', '专项', '补贴', '。']);
    expect([given.primary, given.decidedBy]).toEqual(['fund', 'rule 3: money.given']);
  });

  it('a unit whose every sentence is a none formula is none, even where a later formula sentence names measures', () => {
    const twoRules = { ...raw, rules: { ...raw.rules, none: [...raw.rules.none, { id: 'issuing', manual: 'none', pattern: '通知如下' }] } };
    const c = compiled(twoRules);
    const preamble = codeClause('u', ['补贴', '规划', '自', '2024年', '起施行', '。', '规范', '资金', '管理', '的', '通知', '如下', '：'], c);
    expect([preamble.primary, preamble.decidedBy]).toEqual(['none', 'none: none.effective_date']);
    // A sentence that is no formula keeps its evidence: the formula sentences only leave the evidence.
    const measure = codeClause('u', ['补贴', '规划', '自', '2024年', '起施行', '。', '对', '企业', '给予', '一次性', '补贴', '。'], c);
    expect([measure.primary, measure.decidedBy]).toEqual(['fund', 'rule 3: money.given']);
  });

  it('a phrase that encourages firms is guidance (rule 1: the firms’ business is its topic); lenders and bodies are not firms', () => {
    const firms = code(['鼓励', '物流企业', '使用', '补贴', '资金', '。']);
    expect([firms.primary, firms.decidedBy]).toEqual(['plan', 'rule 1: encouragement.market']);
    expect(code(['（一）', '鼓励', '企业', '使用', '补贴', '资金', '。']).primary).toBe('plan');
    // A lender or a government body named before the firm: the rule says nothing, the vocabulary decides.
    expect(code(['鼓励', '银行', '向', '企业', '发放', '补贴', '资金', '。']).primary).toBe('fund');
    expect(code(['鼓励', '各地', '为', '企业', '提供', '补贴', '资金', '。']).primary).toBe('fund');
    // Only a verb opening its phrase is what the phrase does; a firm beyond the reach is not its object.
    expect(code(['为', '鼓励', '企业', '使用', '补贴', '资金', '。']).primary).toBe('fund');
    expect(code(['鼓励', '在', '本市', '依法', '登记', '注册', '的', '企业', '使用', '补贴', '资金', '。']).primary).toBe('fund');
  });

  it('a regulating act with a market body in its sentence is regulation (rule 1: the body’s business is its topic)', () => {
    const sanctioned = code(['培训', '机构', '由', '部门', '责令', '整改', '。']);
    expect([sanctioned.primary, sanctioned.decidedBy]).toEqual(['law', 'rule 1: regulation.body']);
    expect(code(['对', '培训', '机构', '加强', '监管', '。']).primary).toBe('law');
    // An act inside a department's name regulates nothing; a body in another sentence or beyond the reach is not its object.
    expect(code(['培训', '机构', '向', '监管', '局', '报告', '。']).primary).toBe('train');
    expect(code(['培训', '机构', '。', '部门', '责令', '整改', '。']).primary).toBe('train');
    expect(code(['培训', '机构', '很'.repeat(12), '责令', '整改', '。']).primary).toBe('train');
  });

  it('a heading that names a measure codes its item over a longer body (rule 4)', () => {
    const c = code(['（一）', '规范', '。', '规划', '，', '推进', '，', '推进', '。']);
    expect(c.primary).toBe('law');
    expect(c.decidedBy).toBe('rule 4: heading');
    expect(c.runnerUp).toBe('plan');
  });

  it('a carrier in a heading (推进 at 0.5) names no measure: it is not multiplied, the body decides', () => {
    const c = code(['（一）', '推进', '规划', '。', '规范', '，', '规范', '。']);
    expect(c.scores.plan).toBe(1 * 3 + 0.5);
    expect(c.matches.find((m) => m.term === '推进')!.heading).toBeUndefined();
    const carrierOnly = code(['（一）', '推进', '。', '规范', '。']);
    expect([carrierOnly.primary, carrierOnly.decidedBy]).toEqual(['law', 'terms']);
  });

  it('a topic in a heading (（一）人工智能…) names no measure either: it counts beside a measure, once (rule 1 before rule 4)', () => {
    const c = code(['（一）', '人工智能', '。', '推进', '，', '规范', '，', '规范', '。']);
    expect(c.scores.plan).toBe(1 + 0.5);
    expect(c.matches.find((m) => m.term === '人工智能')!.heading).toBeUndefined();
    expect([c.primary, c.decidedBy]).toEqual(['law', 'terms']);
  });

  it('finds the lead of an enumerated item, not of an article', () => {
    expect(headingSpan('（三）加大财政支持力度。对企业给予补贴。', 30)).toEqual({ start: 3, end: 11 });
    expect(headingSpan('3.实验室建设。制定标准。', 30)).toEqual({ start: 2, end: 7 });
    expect(headingSpan('第四条 企业应当依法纳税。', 30)).toBeNull();
    expect(headingSpan('（二）' + '很'.repeat(40) + '。', 30)).toBeNull();
  });

  it('a short item ending in ； is an entry of a list, not a heading: its words count once (rule 4 is for leads)', () => {
    expect(headingSpan('（四）对项目申请有不公正评审行为的；', 30)).toBeNull();
    expect(headingSpan('（四）对项目申请有不公正评审行为的； ', 30)).toBeNull();
    expect(headingSpan('（四）对项目申请有不公正评审行为的；\n', 30)).toBeNull();
    expect(headingSpan('（四）对项目申请有不公正评审行为的', 30)).toEqual({ start: 3, end: 17 });
    expect(headingSpan('（一）规范：企业应当…；', 30)).toEqual({ start: 3, end: 5 });
    const entry = code(['（一）', '规范', '规划', '的', '；']);
    expect([entry.scores.law, entry.scores.plan, entry.decidedBy]).toEqual([1, 1, 'terms']);
    expect(entry.matches.some((m) => m.heading)).toBe(false);
  });

  it('confidence falls with evidence for another instrument', () => {
    const clear = code(['补贴', '资金', '。']);
    const close = code(['补贴', '规划', '。']);
    expect(clear.confidence).toBeGreaterThan(close.confidence);
    expect([clear.confidence, close.confidence]).toEqual([0.5, 0.25]);
  });

  it('a rule naming a category that is not coded is a codebook problem', () => {
    const bad = { ...raw, rules: { ...raw.rules, money: { ...raw.rules.money, category: 'env' } } };
    const r = validateCodebook(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.path.join('.'))).toContain('rules.money.category');
    const badEncouragement = validateCodebook({ ...raw, rules: { ...raw.rules, encouragement: { ...raw.rules.encouragement, category: 'env' } } });
    expect(badEncouragement.ok).toBe(false);
    if (!badEncouragement.ok) expect(badEncouragement.problems.map((p) => p.path.join('.'))).toContain('rules.encouragement.category');
    const badRegulation = validateCodebook({ ...raw, rules: { ...raw.rules, regulation: { ...raw.rules.regulation, category: 'env' } } });
    expect(badRegulation.ok).toBe(false);
    if (!badRegulation.ok) expect(badRegulation.problems.map((p) => p.path.join('.'))).toContain('rules.regulation.category');
  });

  it('topics on a category with children are a codebook problem: only leaves are coded', () => {
    const bad = { ...raw, categories: [{ ...raw.categories[0]!, topics: ['区块链'] }] };
    const r = validateCodebook(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.path.join('.'))).toContain('categories.0.topics');
  });
});

/** Rule 2 where the segmenter's cuts or the layout of the text hide its parts (the tokens are jieba's). */
describe('rule 2 where the text defeats the tokens', () => {
  const withModals = compiled({ ...raw, rules: { ...raw.rules, obligation: { ...raw.rules.obligation, modals: ['应当', '应', '负责'], not_modal: ['应用', '负责人'], bases: ['根据'], basis_heads: ['结果'] } } });
  const obliged = (tokens: string[]) => codeClause('u', tokens, withModals).decidedBy;

  it('finds a modal or prohibition the segmenter joined to its neighbour (收款单/位不能, 部门应/加强)', () => {
    expect(obliged(['企', '业不得', '拒绝', '规范', '。'])).toBe('rule 2: obligation.market');
    expect(obliged(['部', '门应', '组织', '推进', '。'])).toBe('rule 2: obligation.government');
    expect(obliged(['企业', '应加', '强', '规范', '。'])).toBe('rule 2: obligation.market');
    // Without its subject a hidden one reads no better than the tokens did (仍不能完成: cannot finish).
    expect(obliged(['项目', '仍不得', '规范', '。'])).toBe('terms');
    expect(obliged(['项目', '不得', '规范', '。'])).toBe('rule 2: obligation.prohibition');
  });

  it('reads a modal once where a hidden one overlaps a token’s (不应当 cut 不|应当: 应当, not also 不应)', () => {
    const c = codeClause('u', ['企业', '不', '应当', '规范', '。'], compiled({ ...raw, rules: { ...raw.rules, obligation: { ...raw.rules.obligation, prohibitions: ['不得', '不应'] } } }));
    expect(c.matches.filter((m) => m.rule).map((m) => m.term)).toEqual(['应当']);
    expect(c.decidedBy).toBe('rule 2: obligation.market');
  });

  it('a modal’s character inside a word that is no modal (应用, 负责人) obliges nobody', () => {
    expect(obliged(['企业', '应用', '规范', '。'])).toBe('terms');
    expect(obliged(['企业', '负责人', '规范', '。'])).toBe('terms');
    expect(obliged(['企业', '创新应用', '规范', '。'])).toBe('terms');
  });

  it('a subject on the line before its modal, where the line was wrapped (发展改革委\\n应当对…)', () => {
    expect(obliged(['部门', '\n', '应当', '组织', '推进', '。'])).toBe('rule 2: obligation.government');
    // A line that ends a sentence (a heading, a full stop) is not the subject's line.
    expect(obliged(['部门', '。', '\n', '应当', '组织', '推进', '。'])).toBe('terms');
  });

  it('the basis a body acts on is not its act: the verb after 根据…结果 (or after a comma) decides', () => {
    expect(obliged(['部门', '应当', '检查', '结果', '组织', '推进', '。'])).toBe('rule 2: obligation.enforcement');
    expect(obliged(['部门', '应当', '根据', '检查', '结果', '组织', '推进', '。'])).toBe('rule 2: obligation.government');
    expect(obliged(['部门', '应当', '根据', '检查', '情况', '，', '组织', '推进', '。'])).toBe('rule 2: obligation.government');
    expect(obliged(['部门', '应当', '组织', '根据', '结果', '检查', '。'])).toBe('rule 2: obligation.government');
  });

  it('a slogan obliges nobody: 应知尽知, 谁建设、谁负责 without quotation marks', () => {
    expect(obliged(['确保', '企业', '应', '知', '尽', '知', '，', '规范', '。'])).toBe('terms');
    expect(obliged(['企业', '应', '知', '道', '规范', '。'])).toBe('rule 2: obligation.market');
    expect(obliged(['部门', '遵循', '谁', '建设', '、', '谁', '负责', '的', '原则', '，', '规划', '。'])).toBe('terms');
  });
});

describe('review and evaluation by confidence', () => {
  it('puts the n least confident automatic codes first, skipping manual ones', () => {
    const rows = [
      { id: 'a', confidence: 0.9, codeSource: 'auto' },
      { id: 'b', confidence: 0.1, codeSource: 'manual' },
      { id: 'c', confidence: 0.2, codeSource: 'auto' },
      { id: 'd', confidence: 0.2, codeSource: 'auto' },
      { id: 'e', confidence: 0.05, codeSource: 'auto' },
    ];
    expect(uncertainFirst(rows, 2).map((r) => r.id)).toEqual(['e', 'c', 'a', 'b', 'd']);
  });

  it('agreement by band and for the most confident shares', () => {
    const units = [
      { human: 'a', auto: 'a', confidence: 0.9 },
      { human: 'b', auto: 'b', confidence: 0.8 },
      { human: 'a', auto: 'b', confidence: 0.1 },
      { human: 'b', auto: 'a', confidence: 0.3 },
    ];
    const r = agreementByConfidence(units);
    expect(r.bands.map((b) => [b.slice, b.units, b.agreement])).toEqual([
      ['0.00-0.25', 1, 0], ['0.25-0.50', 1, 0], ['0.50-0.75', 0, NaN], ['0.75-1.00', 2, 1],
    ]);
    expect(r.mostConfident.map((s) => [s.units, s.agreement])).toEqual([[2, 1], [3, 2 / 3], [4, 0.5], [4, 0.5]]);
  });
});

describe('ignoredSpans', () => {
  it('finds what matchAll finds, empty matches and astral characters included', () => {
    const spans = (re: RegExp, text: string) => [...text.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
    for (const source of ['a*', '(?:说明)?', '𠀀|b?', '\\d+', '(?<=。)']) {
      for (const text of ['', 'aab', '𠀀a𠀀', 'x说明y', '第1条。第22条。', '\ud800a', 'b\ud800']) {
        const ignore = new RegExp(source, 'gu');
        expect(ignoredSpans(text, { ignore } as CompiledRules), `${source} in ${text}`).toEqual(spans(new RegExp(source, 'gu'), text));
      }
    }
  });
});
