import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { weightParams, withWeights, type WeightParam } from '../../src/core/coding/codebookWeights.js';
import type { WeightChange } from '../../src/core/coding/fitWeights.js';
import { validateCodebook } from '../../src/core/codebook/validateCodebook.js';
import { fittedCodebookYaml, fittedVersion } from '../../src/io/fittedCodebookYaml.js';

const YAML = `# A tiny codebook: comments, quotes and layout must survive a fit.
codebook: tiny
version: 1.2.0
rules:
  heading: { manual: rule 4, weight: 3 }
categories:
  - id: env
    label: { zh: 环境型 }
    weight: 2  # every term of env counts twice
    children:
      - id: financial
        label: { zh: 金融支持 }
        keywords:
          - 资金  # the usual word
          - { term: 补贴, weight: 2 }
          - term: 贷款
            weight: 1.5
          - 贴息
        patterns:
          - '融资[^。]{0,4}(支持|服务)'
  - id: strategic
    label: { zh: 策略性措施 }
    keywords:
      - 规划
      - 推进
`;

function codebookOf(text: string) {
  const r = validateCodebook(parseDocument(text).toJS());
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.codebook;
}

function change(key: string, to: number, fixed = ['u1', 'u2'], broken: string[] = []): WeightChange {
  const param = weightParams(codebookOf(YAML)).find((p) => p.key === key) as WeightParam;
  return { param, from: param.weight, to, fixed, broken, documents: 2 };
}

describe('fittedCodebookYaml', () => {
  it('writes each changed weight in place with a fit comment, keeps everything else, and reads back as the fitted codebook', () => {
    const changes = [
      change('financial/keyword/资金', 1), // 2 (1 x env's 2) -> 1: the item's own weight becomes 0.5
      change('financial/keyword/补贴', 6), // own 2 -> 3
      change('financial/keyword/贷款', 1, ['u3', 'u4', 'u5'], ['u6']), // block map: own 1.5 -> 0.5
      change('financial/keyword/贴息', 0), // removed
      change('financial/pattern/0', 1),
      change('strategic/keyword/推进', 0),
      change('rules/heading', 2),
    ];
    const fitted = withWeights(codebookOf(YAML), new Map(changes.map((c) => [c.param.key, c.to])));
    const out = fittedCodebookYaml(YAML, changes, '1.2.0-fit.1', 'codes.csv', fitted);
    expect(out).toContain('version: 1.2.0-fit.1  # fitted from 1.2.0 by policy-code codebook fit on codes.csv: 7 weight changes');
    expect(out).toContain('- { term: 资金, weight: 0.5 }  # the usual word; fit: 2 -> 1, net +2 units (2 fixed, 0 broken) in 2 documents');
    expect(out).toContain('- { term: 补贴, weight: 3 }  # fit: 4 -> 6');
    expect(out).toContain('  weight: 0.5  # fit: 3 -> 1, net +2 units (3 fixed, 1 broken) in 2 documents');
    expect(out).toContain("          # fit: 2 -> 0, net +2 units (2 fixed, 0 broken) in 2 documents: removed '- 贴息'");
    expect(out).toContain("- { pattern: '融资[^。]{0,4}(支持|服务)', weight: 0.5 }  # fit: 2 -> 1");
    expect(out).toContain('heading: { manual: rule 4, weight: 2 }  # fit: 3 -> 2');
    expect(out).toContain('# A tiny codebook: comments, quotes and layout must survive a fit.');
    expect(out).toContain('weight: 2  # every term of env counts twice');
    // Lines without a change are as they were.
    const unchanged = YAML.split('\n').filter((l) => !/资金|补贴|贷款|weight: 1.5|贴息|融资|推进|heading|version/.test(l));
    for (const line of unchanged) expect(out.split('\n')).toContain(line);
    const back = codebookOf(out);
    expect(weightParams(back).map((p) => `${p.key}=${p.weight}`)).toEqual(weightParams(fitted).map((p) => `${p.key}=${p.weight}`));
    expect(back.version).toBe('1.2.0-fit.1');
  });

  it('writes a changed flow list again as one list, with one comment after it naming the items', () => {
    const flow = `codebook: flow\nversion: '1'\ncategories:\n  - id: financial\n    label: { zh: 金融支持 }\n    keywords: [补助, 贴息, { term: 补贴, weight: 2 }]\n  - id: taxation\n    label: { zh: 税收优惠 }\n    keywords: [税收优惠]\n`;
    const params = weightParams(codebookOf(flow));
    const at = (key: string, to: number): WeightChange => {
      const param = params.find((p) => p.key === key)!;
      return { param, from: param.weight, to, fixed: ['a', 'b'], broken: [], documents: 2 };
    };
    // The last two items removed together: their separators must not be cut twice.
    const changes = [at('financial/keyword/补助', 2), at('financial/keyword/贴息', 0), at('financial/keyword/补贴', 0)];
    const fitted = withWeights(codebookOf(flow), new Map(changes.map((c) => [c.param.key, c.to])));
    const out = fittedCodebookYaml(flow, changes, '1-fit.1', 'codes.csv', fitted);
    expect(out).toContain("version: 1-fit.1  # fitted from 1 by policy-code codebook fit on codes.csv: 3 weight changes");
    expect(out).toContain(
      '    keywords: [{ term: 补助, weight: 2 }]  # 补助 fit: 1 -> 2, net +2 units (2 fixed, 0 broken) in 2 documents; 贴息 fit: 1 -> 0, net +2 units (2 fixed, 0 broken) in 2 documents (removed); 补贴 fit: 2 -> 0, net +2 units (2 fixed, 0 broken) in 2 documents (removed)\n',
    );
    expect(out).toContain('    keywords: [税收优惠]\n');
    const kept = [at('financial/keyword/补贴', 3)];
    expect(fittedCodebookYaml(flow, kept, '1-fit.1', 'codes.csv', withWeights(codebookOf(flow), new Map([['financial/keyword/补贴', 3]])))).toContain(
      '    keywords: [补助, 贴息, { term: 补贴, weight: 3 }]  # 补贴 fit: 2 -> 3',
    );
  });

  it('refuses to write a codebook that would not validate (the last measure of a category removed)', () => {
    const changes = [change('strategic/keyword/规划', 0), change('strategic/keyword/推进', 0)];
    const fitted = withWeights(codebookOf(YAML), new Map(changes.map((c) => [c.param.key, c.to])));
    expect(() => fittedCodebookYaml(YAML, changes, '1.2.0-fit.1', 'codes.csv', fitted)).toThrow(/does not validate/);
  });

  it('numbers fitted versions', () => {
    expect(fittedVersion('2.3.0')).toBe('2.3.0-fit.1');
    expect(fittedVersion('2.3.0-fit.1')).toBe('2.3.0-fit.2');
  });
});
