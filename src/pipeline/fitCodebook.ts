import { basename, resolve } from 'node:path';
import { crossValidateFit, codeUnits, type FoldResult, type FurtherStep } from '../core/coding/crossValidateFit.js';
import { proposeTerms, withAddedTerms, type ProposeOptions, type ProposedTerm } from '../core/coding/proposeTerms.js';
import { fitWeights, type FitOptions, type FitResult, type FitUnit } from '../core/coding/fitWeights.js';
import { codebookTerms, type Codebook } from '../core/codebook/Codebook.js';
import { UserError } from '../core/errors.js';
import { codingFigures, type CodingFigures } from '../core/reliability/codingFigures.js';
import { writeUserFile } from '../io/writeUserFile.js';
import { fittedCodebookYaml, fittedVersion } from '../io/fittedCodebookYaml.js';
import { loadCodebookWithText } from '../io/readCodebook.js';
import { addWords, segment, wordTag } from '../io/segmenter.js';
import { addedTermsYaml } from '../io/addedTermsYaml.js';
import { readGoldUnits } from './readGoldUnits.js';

export interface FitCodebookOptions {
  codebook: string;
  gold: readonly string[];
  out: string;
  fit: FitOptions;
  /** Folds of the cross-validation by document; below 2, none. */
  folds: number;
  /** Further gold files to code with both versions (units the fit never saw). */
  check: readonly string[];
  /** Propose new measure terms from the units (`--add-terms`) and add them to the fitted version; null: none. */
  addTerms: ProposeOptions | null;
}

/** Figures before and after the fit on one set of units. */
export interface BeforeAfter {
  before: CodingFigures;
  after: CodingFigures;
}

export interface FitCodebookReport {
  codebook: Codebook;
  version: string;
  units: number;
  documents: number;
  fit: FitResult;
  /** The measure terms added after the weight fit (empty without `addTerms`). */
  added: ProposedTerm[];
  /** On the units the fit learned from: no measure of quality, shown so the gain can be compared. */
  training: BeforeAfter;
  crossValidation: (BeforeAfter & { folds: FoldResult[] }) | null;
  checks: Array<BeforeAfter & { file: string }>;
}

async function fitUnits(files: readonly string[], labels: readonly string[], needDoc: boolean): Promise<FitUnit[]> {
  const units: FitUnit[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    for (const g of await readGoldUnits(file, labels, needDoc)) {
      const other = seen.get(g.unitId);
      if (other !== undefined) throw new UserError('input', `unit '${g.unitId}' is in both ${other} and ${file}; unit ids must be unique across the gold files`);
      seen.set(g.unitId, file);
      units.push({ unitId: g.unitId, doc: g.doc, tokens: segment(g.text), gold: g.primary });
    }
  }
  return units;
}

const compare = (codebook: Codebook, fitted: Codebook, units: readonly FitUnit[]): BeforeAfter => ({
  before: codingFigures(codeUnits(codebook, units)),
  after: codingFigures(codeUnits(fitted, units)),
});

/**
 * Fits a codebook's weights to human codes, measures the fit on documents it did not learn from
 * (cross-validation by document, and any further gold files) and writes the fitted codebook as a
 * new version of the YAML file.
 */
export async function fitCodebook(options: FitCodebookOptions): Promise<FitCodebookReport> {
  if (resolve(options.out) === resolve(options.codebook)) throw new UserError('usage', `--out ${options.out} is the codebook itself; write the fitted version to a new file`);
  const { codebook, text } = await loadCodebookWithText(options.codebook);
  const labels = codebook.leaves.map((l) => l.id);
  addWords(codebookTerms(codebook));
  const units = await fitUnits(options.gold, labels, true);
  const checkUnits = await Promise.all(options.check.map(async (file) => ({ file, units: await fitUnits([file], labels, false) })));
  const fit = fitWeights(codebook, units, options.fit);
  const propose = options.addTerms;
  // Terms are proposed from the units the weights were fitted on, against the fitted codebook (every fold alike).
  const learn: FurtherStep | undefined = propose
    ? (fitted, train) => {
        const added = proposeTerms(fitted, train, propose, wordTag);
        return { codebook: withAddedTerms(fitted, added, propose.weight), added };
      }
    : undefined;
  const { codebook: final, added } = learn ? learn(fit.codebook, units) : { codebook: fit.codebook, added: [] };
  const documents = new Set(units.map((u) => u.doc)).size;
  let crossValidation: FitCodebookReport['crossValidation'] = null;
  if (options.folds >= 2 && documents >= 2) {
    const cv = crossValidateFit(codebook, units, options.folds, options.fit, learn);
    crossValidation = { before: codingFigures(cv.before), after: codingFigures(cv.after), folds: cv.folds };
  }
  const version = fittedVersion(codebook.version);
  const fitted = fittedCodebookYaml(text, fit.changes, version, options.gold.map((f) => basename(f)).join(', '), fit.codebook);
  const yaml = addedTermsYaml(fitted, added, propose?.weight ?? 0, final);
  await writeUserFile(options.out, yaml);
  return {
    codebook,
    version,
    units: units.length,
    documents,
    fit,
    added,
    training: compare(codebook, final, units),
    crossValidation,
    checks: checkUnits.map((c) => ({ file: c.file, ...compare(codebook, final, c.units) })),
  };
}
