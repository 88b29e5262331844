import { describe, expect, it } from 'vitest';
import { classifyDocument } from '../../../src/core/metadata/classifyDocument.js';

describe('classifyDocument', () => {
  it('marks a newspaper page as not a policy, naming the signs', () => {
    const page = '2025年11月28日星期五责编：刘一美编：单君\n2要闻\n（上接第1版）\n——城市文明程度持续提升。';
    const c = classifyDocument(page);
    expect(c.kind).toBe('not_policy');
    expect(c.message).toBe('not a policy document: a newspaper page (责编 credit, 美编 credit, weekday dateline, continued from/on another page (版), page section heading)');
  });

  it('keeps a policy that mentions a newspaper once', () => {
    expect(classifyDocument('关于加强宣传的通知\n一、在本报和客户端开设专栏，宣传政策。').kind).toBe('policy');
  });

  it('marks a table-only annex: almost no sentences, many short cells', () => {
    const row = '违法行为\n企业未依法办理核准手续\n《企业投资项目核准和备案管理条例》第十八条\n从轻处罚\n处2万元以上5万元以下罚款\n';
    const c = classifyDocument('附件\n北京市发展改革部门行政处罚裁量基准表\n' + row.repeat(30));
    expect(c).toMatchObject({ kind: 'policy', annex: true, tableOnly: true });
    expect(c.message).toMatch(/^table-only annex \(附件\) without its covering notice: 0\.0 full stops per 1,000 characters/);
  });

  it('marks an annex that is a regulation as an annex, not as a table', () => {
    const c = classifyDocument('附件\n监督管理办法\n' + '第一条为规范管理，制定本办法。\n'.repeat(80));
    expect(c).toMatchObject({ kind: 'policy', annex: true, tableOnly: false, message: 'annex (附件) filed without its covering notice' });
  });

  it('does not call symbol garbage from a broken font a table', () => {
    expect(classifyDocument('!"#$%&\'()*+,-\n'.repeat(200)).tableOnly).toBe(false);
  });
});
