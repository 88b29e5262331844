import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCodebook } from '../../src/io/readCodebook.js';
import { codeUnits } from '../clauseTables.js';
import { REPO_ROOT } from '../sharedDir.js';

/**
 * The default codebook's doubts (its `confidence:` block, docs/confidence.md): a unit coded strategic (the
 * residual instrument) and a unit where another instrument has a measure (evidence of weight 1 or more) are
 * less sure than their evidence alone says. Each clause was written for this test, with the doubts that
 * apply to it: [id, text, primary, residual, rival measure].
 */
const CLAUSES: Array<[string, string, string, boolean, boolean]> = [
  ['strategy from generic verbs, no other measure', '加快推进产业集群建设，完善协调机制。', 'strategic', true, false],
  // Rule 2 reads the body's 应当 as its duty to organise, not as a word of regulation, so no rival measure.
  ['a department organising, its modal no regulation', '市住房城乡建设部门应当会同有关部门组织编制住房发展规划。', 'strategic', true, false],
  ['a department organising, a standard beside', '市住房城乡建设部门应当会同有关部门组织编制住房发展规划，严格执行建设标准。', 'strategic', true, true],
  ['a department organising, a subsidy named', '各区要建立工作台账，定期开展督查，确保补贴按时发放到位。', 'strategic', true, true],
  ['money to firms, a carrier of regulation beside', '对新认定的高新技术企业给予一次性奖励20万元。', 'financial', false, false],
  ['a training subsidy: training is a measure too', '对参加职业技能培训的企业职工给予培训补贴。', 'financial', false, true],
  ['a prohibition for firms', '房地产开发企业不得捆绑销售车位。', 'legal_regulatory', false, false],
];

const CODEBOOK = join(REPO_ROOT, 'codebooks', 'rothwell-zegveld.zh.yaml');

let tmp: string;
let withDoubts: Map<string, Record<string, string>>;
let withoutDoubts: Map<string, Record<string, string>>;
const units = CLAUSES.map(([unit_id, text]) => ({ unit_id, text }));

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'policy-code-default-confidence-'));
  // The same codebook without its doubts: the block is top-level, so it ends at the next top-level key.
  const text = readFileSync(CODEBOOK, 'utf8');
  const plain = text.replace(/^confidence:\n(?: .*\n)+/m, '');
  expect(plain).not.toBe(text);
  writeFileSync(join(tmp, 'plain.yaml'), plain);
  withDoubts = codeUnits(tmp, 'doubts', units, CODEBOOK);
  withoutDoubts = codeUnits(tmp, 'plain', units, join(tmp, 'plain.yaml'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the default codebook’s confidence doubts strategy and units naming another measure', () => {
  it('names strategy as its residual instrument and lowers both kinds of unit', async () => {
    const { codebook } = await loadCodebook(CODEBOOK);
    expect(codebook.confidence.residual).toEqual(['strategic']);
    expect(codebook.confidence.residualFactor).toBeLessThan(1);
    expect(codebook.confidence.rivalFactor).toBeLessThan(1);
  });

  it.each(CLAUSES)('%s: %s -> %s, confidence × the doubts that apply', async (id, _text, primary, residual, rival) => {
    const { codebook } = await loadCodebook(CODEBOOK);
    const doubted = withDoubts.get(id)!;
    const plain = withoutDoubts.get(id)!;
    // The codes, the evidence and what decided stay; only the confidence moves.
    expect(doubted.primary).toBe(primary);
    expect({ ...doubted, confidence: '' }).toEqual({ ...plain, confidence: '' });
    const factor = (residual ? codebook.confidence.residualFactor : 1) * (rival ? codebook.confidence.rivalFactor : 1);
    expect(Math.abs(Number(doubted.confidence) - Number(plain.confidence) * factor)).toBeLessThanOrEqual(0.0015);
  });
});
