import { describe, expect, it } from 'vitest';
import { validateCodebook } from '../../src/core/codebook/validateCodebook.js';
import { compileCodebook } from '../../src/core/coding/compileCodebook.js';
import { codeClause } from '../../src/core/coding/codeClause.js';
import { diffCodings } from '../../src/core/coding/diffCodings.js';

const book = (taxKeywords: string[]) => {
  const r = validateCodebook({
    codebook: 't', version: '1',
    categories: [{ id: 'env', label: { zh: '环境' }, children: [
      { id: 'tax', label: { zh: '税收' }, keywords: taxKeywords },
      { id: 'fin', label: { zh: '金融' }, keywords: ['补贴'] },
    ] }],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.codebook;
};

describe('diffCodings', () => {
  const units = [['减免', '补贴'], ['减免'], ['补贴'], ['免征']];
  const code = (b: ReturnType<typeof book>) => units.map((t, i) => codeClause(`u${i}`, t, compileCodebook(b)));

  it('counts clauses per primary before and after, and lists the changed clauses', () => {
    const before = book(['减免']);
    const after = book(['免征']);
    const d = diffCodings(code(before), code(after), before, after);
    // u0: tax -> fin; u1: tax -> none; u2 unchanged; u3: none -> tax.
    expect(d.changes.map((c) => `${c.before.unitId}:${c.before.primary}>${c.after.primary}`)).toEqual(['u0:tax>fin', 'u1:tax>none', 'u3:none>tax']);
    expect(d.primaryChanged).toBe(3);
    expect(d.perCategory).toEqual([
      { id: 'tax', label: '税收', before: 2, after: 1, gained: 1, lost: 2 },
      { id: 'fin', label: '金融', before: 1, after: 2, gained: 1, lost: 0 },
      { id: 'none', label: '无', before: 1, after: 1, gained: 1, lost: 1 },
    ]);
  });

  it('finds no change between a codebook and itself', () => {
    const b = book(['减免']);
    expect(diffCodings(code(b), code(b), b, b).changes).toEqual([]);
  });
});
