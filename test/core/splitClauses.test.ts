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
    const ids = splitClauses('D002', text).map((c) => c.id);
    expect(ids).toEqual(['D002-1-1', 'D002-1-2', 'D002-2-1', 'D002-2-1-1', 'D002-2-1-2']);
  });

  it('finds item markers that follow a sentence end on the same line', () => {
    const ids = splitClauses('D001', '一、调整最高贷款额度。（一）首套房最高贷款额度调整为90万元；（二）二套房调整为50万元。').map((c) => c.id);
    expect(ids).toEqual(['D001-1-0', 'D001-1-1', 'D001-1-2']);
  });

  it('cuts a long unit at sentence ends into numbered parts', () => {
    const long = '第五条 ' + '市人民政府应当加强组织领导，统筹推进相关工作。'.repeat(12);
    const clauses = splitClauses('D003', long, { maxChars: 100 });
    expect(clauses.length).toBe(12);
    expect(clauses[0]!.id).toBe('D003-0-5.1');
    expect(clauses[11]!.id).toBe('D003-0-5.12');
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
