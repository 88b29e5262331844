// Measures `codebook fit` out of sample on the two development gold sets in ../shared/gold, for a
// grid of settings: (a) fit on dev, code dev2; (b) fit on dev2, code dev; (c) 5-fold cross-validation
// by document on both. Each fit runs with the largest cap; a smaller cap is the first changes of it
// (the search is greedy), so one fit gives every cap. Run after a build:
//   node scripts/measure-fit.mjs [codebook.yaml]   (prints one line per setting, 3 decimals)
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => import(join(root, 'dist', p));
const { loadCodebook } = await dist('io/readCodebook.js');
const { codebookTerms } = await dist('core/codebook/Codebook.js');
const { addWords, segment } = await dist('io/segmenter.js');
const { readGoldUnits } = await dist('pipeline/readGoldUnits.js');
const { fitWeights } = await dist('core/coding/fitWeights.js');
const { codeUnits, documentFolds } = await dist('core/coding/crossValidateFit.js');
const { withWeights } = await dist('core/coding/codebookWeights.js');
const { codingFigures } = await dist('core/reliability/codingFigures.js');

const gold = [resolve(root, '..', 'shared', 'gold'), '/work/shared/gold'].find((d) => existsSync(d));
if (!gold) {
  console.log('skipped: ../shared/gold is not beside the repository');
  process.exit(0);
}
const { codebook } = await loadCodebook(process.argv[2] ?? join(root, 'codebooks', 'rothwell-zegveld.zh.yaml'));
const labels = codebook.leaves.map((l) => l.id);
addWords(codebookTerms(codebook));
const read = async (f) => (await readGoldUnits(join(gold, f), labels, true)).map((g) => ({ unitId: g.unitId, doc: g.doc, tokens: segment(g.text), gold: g.primary }));
const dev = await read('dev-units.csv');
const dev2 = await read('dev2-units.csv');
const both = [...dev, ...dev2];
const CAPS = [1, 2, 3, 5, 10, 20];
const prefix = (fit, cap) => withWeights(codebook, new Map(fit.changes.slice(0, cap).map((c) => [c.param.key, c.to])));
const f3 = (x) => x.toFixed(3);
const cell = (f) => `${f3(f.kappa)} ${f3(f.kappa70)} ${f3(f.shareDistance)}`;

/** Every unit of `units` coded by the codebook fitted (prefix `cap`) without its fold. */
function crossValidated(units, k, options) {
  const folds = documentFolds(units.map((u) => u.doc), k).map((docs) => {
    const held = new Set(docs);
    return { held: units.filter((u) => held.has(u.doc)), fit: fitWeights(codebook, units.filter((u) => !held.has(u.doc)), options) };
  });
  const code = (cap) => folds.flatMap((f) => codeUnits(prefix(f.fit, cap), f.held));
  return Object.assign(code, { most: Math.max(...folds.map((f) => f.fit.changes.length)) });
}

console.log(`before: dev ${cell(codingFigures(codeUnits(codebook, dev)))} | dev2 ${cell(codingFigures(codeUnits(codebook, dev2)))} | cv both ${cell(codingFigures(codeUnits(codebook, both)))}  (kappa, kappa of the 70 % most confident, share distance)`);
for (const minGain of (process.env.MIN_GAINS ?? '1,2,3,4').split(',').map(Number)) {
  for (const minDocs of (process.env.MIN_DOCS ?? '1,2,3').split(',').map(Number)) {
    const options = { grid: [0, 0.5, 1, 2, 3], minGain, minDocs, maxChanges: Math.max(...CAPS) };
    const a = fitWeights(codebook, dev, options);
    const b = fitWeights(codebook, dev2, options);
    const c = crossValidated(both, 5, options);
    const most = Math.max(a.changes.length, b.changes.length, c.most);
    for (const [i, cap] of CAPS.entries()) {
      if (i > 0 && CAPS[i - 1] >= most) break;
      console.log(
        `min-gain ${minGain} min-docs ${minDocs} cap ${String(cap).padStart(2)} (a: ${Math.min(cap, a.changes.length)} changes, b: ${Math.min(cap, b.changes.length)}):` +
          ` (a) dev2 ${cell(codingFigures(codeUnits(prefix(a, cap), dev2)))} | (b) dev ${cell(codingFigures(codeUnits(prefix(b, cap), dev)))} | (c) cv ${cell(codingFigures(c(cap)))}`,
      );
    }
  }
}
