import { describe, expect, it } from 'vitest';
import { splitClauses } from '../../src/core/clauses/splitClauses.js';

describe('splitClauses', () => {
  it('numbers articles within chapters as doc-chapter-article', () => {
    const text = ['北京市某某管理办法', '第一章 总则', '第一条 为了规范管理，制定本办法。', '第二条 本办法适用于本市。', '第二章 监督管理', '第三条 市场监管部门应当加强监督检查。'].join('\n');
    const clauses = splitClauses('D007', text);
    expect(clauses.map((c) => c.id)).toEqual(['D007-1-1', 'D007-1-2', 'D007-2-3']);
    expect(clauses[2]!.text).toBe('第三条 市场监管部门应当加强监督检查。');
    expect(clauses[2]!.heading).toBe('第二章 监督管理');
    expect(text.slice(clauses[2]!.start, clauses[2]!.end)).toBe(clauses[2]!.text);
  });

  it('uses 一、 as chapter and （一） as article where there are no 第X条', () => {
    const text = ['一、总体要求', '（一）指导思想。坚持创新驱动。', '（二）主要目标。到2025年建成平台。', '二、重点任务', '（一）加大财政支持力度。', '1.对新建项目给予补贴。', '2.落实税收优惠政策。'].join('\n');
    const ids = splitClauses('D002', text, { unit: 'sentence' }).map((c) => c.id);
    expect(ids).toEqual(['D002-1-1', 'D002-1-2', 'D002-2-1', 'D002-2-1-1', 'D002-2-1-2']);
    // As items, the heading over 1. and 2. is their context, not a unit of its own.
    const items = splitClauses('D002', text);
    expect(items.map((c) => c.id)).toEqual(['D002-1-1', 'D002-1-2', 'D002-2-1-1', 'D002-2-1-2']);
    expect(items[2]!.heading).toBe('二、重点任务 / （一）加大财政支持力度。');
  });

  it('finds item markers that follow a sentence end on the same line', () => {
    const text = '一、调整最高贷款额度。（一）首套房最高贷款额度调整为90万元；（二）二套房调整为50万元。';
    expect(splitClauses('D001', text, { unit: 'sentence' }).map((c) => c.id)).toEqual(['D001-1-0', 'D001-1-1', 'D001-1-2']);
    expect(splitClauses('D001', text).map((c) => c.id)).toEqual(['D001-1-1', 'D001-1-2']);
  });

  it('cuts a long unit at sentence ends into numbered parts', () => {
    const long = '第五条 ' + '市人民政府应当加强组织领导，统筹推进相关工作。'.repeat(12);
    const clauses = splitClauses('D003', long, { unit: 'sentence', maxChars: 100 });
    expect(clauses.length).toBe(12);
    expect(clauses[0]!.id).toBe('D003-0-5.1');
    expect(clauses[11]!.id).toBe('D003-0-5.12');
    // As an item, the article stays whole, whatever its length.
    expect(splitClauses('D003', long, { maxChars: 100 }).map((c) => [c.id, c.text])).toEqual([['D003-0-5', long]]);
  });

  it('does not take a decimal number for an item marker', () => {
    const ids = splitClauses('D004', '（一）贷款额度提高。\n1.5倍的额度适用于首套住房。').map((c) => c.id);
    expect(ids).toEqual(['D004-0-1']);
  });

  it('drops titles, addressees, signatures and dates', () => {
    const text = ['关于调整公积金政策的通知', '各区人民政府：', '一、提高贷款额度。首套房额度提高到80万元。', '某某市住房公积金管理委员会', '2020年10月19日'].join('\n');
    const clauses = splitClauses('D005', text);
    expect(clauses.map((c) => c.text)).toEqual(['一、提高贷款额度。首套房额度提高到80万元。']);
  });
});

describe('splitClauses on documents that restart their numbering', () => {
  it('continues the outermost count in an explanatory note after the main text', () => {
    const text = ['一、调整贷款额度。首套房额度调整为90万元。', '二、停止受理物业费提取。', '关于调整的说明', '一、关于调整贷款额度。资金压力加大。', '二、关于停止提取。落实审计要求。'].join('\n');
    expect(splitClauses('D001', text).map((c) => c.id)).toEqual(['D001-0-1', 'D001-0-2', 'D001-0-3', 'D001-0-4']);
  });
});

describe('splitClauses with unit item: the numbered item whole, as the field counts it (issue 13)', () => {
  it('keeps the heading of an item inside it, whatever the item\'s length', () => {
    const body = '对符合条件的企业给予一次性补贴，补贴标准为每人1000元，所需资金从就业补助资金中列支。'.repeat(6);
    const text = ['二、加大支持力度', `（三）加大财政支持力度。${body}`].join('\n');
    expect(splitClauses('D001', text).map((c) => [c.id, c.text])).toEqual([['D001-2-3', `（三）加大财政支持力度。${body}`]]);
    // Cut at sentence ends, the heading is a clause of its own.
    expect(splitClauses('D001', text, { unit: 'sentence' })[0]!.text).toBe('（三）加大财政支持力度。');
  });

  it('keeps a responsibility tag in its item, on the same line or the next, and cuts before the item after it', () => {
    const text = ['1.扩大就业见习规模，落实见习补贴政策。（责任单位：市人社局、市财政局）2.支持青年创业。', '3.加强职业培训。', '（责任单位：市人社局）'].join('\n');
    expect(splitClauses('D002', text).map((c) => c.text)).toEqual([
      '1.扩大就业见习规模，落实见习补贴政策。（责任单位：市人社局、市财政局）',
      '2.支持青年创业。',
      '3.加强职业培训。\n（责任单位：市人社局）',
    ]);
  });

  it('starts a new unit at the next article inside a line, not at an article it cites', () => {
    const text = '第二十一条 依照本办法第二十二条规定执行。\n第二十二条本办法由工程指导协调小组办公室负责解释第二十三条本办法自公布之日起试行。';
    expect(splitClauses('D003', text).map((c) => [c.id, c.text])).toEqual([
      ['D003-0-21', '第二十一条 依照本办法第二十二条规定执行。'],
      ['D003-0-22', '第二十二条本办法由工程指导协调小组办公室负责解释'],
      ['D003-0-23', '第二十三条本办法自公布之日起试行。'],
    ]);
  });

  it('gives a heading left at the end of a line to the item that follows', () => {
    const text = ['（四）加强人才培养。支持高校设置相关专业。强化智力支撑', '（五）建设高端智库，开展政策研究。'].join('\n');
    expect(splitClauses('D004', text).map((c) => c.text)).toEqual(['（四）加强人才培养。支持高校设置相关专业。', '强化智力支撑\n（五）建设高端智库，开展政策研究。']);
  });
});
