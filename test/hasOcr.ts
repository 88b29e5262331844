import { spawnSync } from 'node:child_process';

/**
 * Whether OCR can run here as the CLI would run it: Tesseract (or $POLICY_CODE_TESSERACT) with the
 * Simplified Chinese model, and pdftoppm (or $POLICY_CODE_PDFTOPPM). Tests that need OCR skip
 * without it, with NO_OCR as the reason.
 */
function ocrInstalled(): boolean {
  const langs = spawnSync(process.env.POLICY_CODE_TESSERACT ?? 'tesseract', ['--list-langs'], { encoding: 'utf8' });
  if (langs.status !== 0 || !/^chi_sim$/m.test(`${langs.stdout}${langs.stderr}`)) return false;
  return spawnSync(process.env.POLICY_CODE_PDFTOPPM ?? 'pdftoppm', ['-v'], { stdio: 'ignore' }).status === 0;
}

export const HAS_OCR = ocrInstalled();

export const NO_OCR = 'skipped: Tesseract with chi_sim, or pdftoppm, is not installed (apt-get install -y poppler-utils tesseract-ocr tesseract-ocr-chi-sim)';
