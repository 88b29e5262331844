import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli.js';

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
const CLAUSES: Array<[string, string, string]> = [
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

const read = (file: string) => parse(readFileSync(file, 'utf8'), { columns: true, bom: true }) as Array<Record<string, string>>;

describe('the default codebook knows the usual names of benefits, service delivery, research and tax relief', () => {
  let tmp: string;
  let coded: Map<string, Record<string, string>>;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'pc-vocabulary-'));
    const input = join(tmp, 'units.csv');
    writeFileSync(input, stringify(CLAUSES.map(([unit_id, text]) => ({ unit_id, text })), { header: true }));
    const r = runCli(['code-units', input, '-o', join(tmp, 'coded.csv')], tmp);
    expect(r.stderr).toBe('');
    coded = new Map(read(join(tmp, 'coded.csv')).map((row) => [row.unit_id!, row]));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it.each(CLAUSES)('%s: %s -> %s', (id, _text, primary) => {
    expect(coded.get(id)?.primary).toBe(primary);
  });
});
