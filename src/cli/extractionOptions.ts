import { Option, type Command } from 'commander';
import { UserError } from '../core/errors.js';
import { DEFAULT_LIMITS } from '../io/extract/extractDocument.js';
import { PDF_ENGINE_CHOICES, type PdfEngineChoice } from '../io/extract/PdfReader.js';
import { DEFAULT_MAX_FILE_MB, DEFAULT_OCR_TIMEOUT_MS, DEFAULT_PDF_ENGINE, DEFAULT_TIMEOUT_MS, type ExtractorOptions } from '../pipeline/Extractor.js';

export interface ExtractionFlags {
  jobs?: string;
  cacheDir?: string;
  cache?: boolean;
  maxFileMb?: string;
  maxUnpackedMb?: string;
  maxTextMb?: string;
  timeout?: string;
  ocrTimeout?: string;
  pdfEngine?: string;
}

const MB = 1024 * 1024;

export function parseJobs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new UserError('usage', `--jobs takes a whole number from 1 to 256 (got '${value}')`);
  return n;
}

function positive(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UserError('usage', `${flag} takes a positive number (got '${value}')`);
  return n;
}

function pdfEngine(value: string): PdfEngineChoice {
  if (!(PDF_ENGINE_CHOICES as readonly string[]).includes(value)) throw new UserError('usage', `--pdf-engine takes ${PDF_ENGINE_CHOICES.join(', ')} (got '${value}')`);
  return value as PdfEngineChoice;
}

/** The options that control reading documents, shared by every command that extracts. */
export function withExtractionOptions(command: Command): Command {
  return command
    .addOption(new Option('-j, --jobs <n>', 'documents (and OCR pages) read in parallel (default: number of cores)'))
    .option('--cache-dir <dir>', 'extraction cache (default: $POLICY_CODE_CACHE_DIR, else $XDG_CACHE_HOME/policy-code, else ~/.cache/policy-code)')
    .option('--no-cache', 'extract every file again instead of using cached text (the cache is refreshed)')
    .option('--max-file-mb <mb>', `files larger than this are not read (default: ${DEFAULT_MAX_FILE_MB})`)
    .option('--max-unpacked-mb <mb>', `largest unpacked size of the XML in a .docx and of each compressed stream in a PDF; larger files are refused unread (default: ${DEFAULT_LIMITS.maxUnpackedBytes / MB})`)
    .option('--max-text-mb <mb>', `HTML and text files larger than this are refused (default: ${DEFAULT_LIMITS.maxTextBytes / MB})`)
    .option('--timeout <seconds>', `time limit for reading one PDF's text layer (default: ${DEFAULT_TIMEOUT_MS / 1000})`)
    .option('--ocr-timeout <seconds>', `time limit for the OCR of one document (default: ${DEFAULT_OCR_TIMEOUT_MS / 1000})`)
    .option('--pdf-engine <engine>', `reads PDF text layers: poppler (pdftotext, fast), pdf-parse (built in), or auto: poppler when installed (default: ${DEFAULT_PDF_ENGINE})`);
}

export function extractorOptions(flags: ExtractionFlags): ExtractorOptions {
  return {
    ...(flags.jobs ? { jobs: parseJobs(flags.jobs) } : {}),
    ...(flags.cacheDir ? { cacheDir: flags.cacheDir } : {}),
    useCache: flags.cache !== false,
    ...(flags.maxFileMb ? { maxFileBytes: Math.round(positive('--max-file-mb', flags.maxFileMb) * 1024 * 1024) } : {}),
    ...(flags.maxUnpackedMb ? { maxUnpackedBytes: Math.round(positive('--max-unpacked-mb', flags.maxUnpackedMb) * MB) } : {}),
    ...(flags.maxTextMb ? { maxTextBytes: Math.round(positive('--max-text-mb', flags.maxTextMb) * MB) } : {}),
    ...(flags.timeout ? { timeoutMs: positive('--timeout', flags.timeout) * 1000 } : {}),
    ...(flags.ocrTimeout ? { ocrTimeoutMs: positive('--ocr-timeout', flags.ocrTimeout) * 1000 } : {}),
    ...(flags.pdfEngine ? { pdfEngine: pdfEngine(flags.pdfEngine) } : {}),
  };
}
