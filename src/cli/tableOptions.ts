import { Command, Option } from 'commander';
import type { Lang } from '../core/tables/Language.js';
import type { ProvinceSet } from '../core/tables/provinceTables.js';
import { levelCondition, parseWhere, yearsCondition, type Condition } from '../core/tables/selectDocuments.js';
import { readReliability } from '../io/readReliability.js';
import { findCjkFonts } from '../io/renderPng.js';
import type { TableOutputOptions } from '../pipeline/tableOutputs.js';

export interface TableFlags {
  where?: string[];
  years?: string;
  level?: string;
  lang?: Lang;
  /** The flag --lang replaced; still accepted, it sets the language of the whole table. */
  provinceNames?: Lang;
  provinces: ProvinceSet;
  bom: boolean;
  png?: boolean;
  reliability?: string;
}

/** The options that shape tables and figures, shared by `analyze` and `report`. */
export function addTableOptions(command: Command): Command {
  return command
    .addOption(
      new Option('-w, --where <field=value>', 'only documents where field has one of the values (province, year, level, category, a codebook name); repeat to combine with AND')
        .argParser((v: string, acc: string[] = []) => [...acc, v]),
    )
    .option('--years <range>', 'only documents of these years, e.g. 2019-2023 or 2021')
    .option('--level <levels>', 'only documents of these levels: national, provincial, prefecture, county (comma-separated)')
    .addOption(new Option('--lang <lang>', 'language of every caption, heading, label, note and figure (default: zh)').choices(['zh', 'en']))
    .addOption(new Option('--province-names <lang>', 'the same as --lang (kept for older scripts)').choices(['zh', 'en']).hideHelp())
    .addOption(new Option('--provinces <set>', 'province tables over provinces with a policy (present) or all 31 provincial-level divisions with zeros (all)').choices(['present', 'all']).default('present'))
    .option('--no-bom', 'CSV files without the UTF-8 byte order mark (Excel needs it for Chinese)')
    .option('--reliability <file>', "agreement figures for methods.md: the JSON of 'policy-code evaluate --json' or 'agreement --json'")
    .option('--png', 'PNG figures beside the SVG ones (needs the Noto CJK font: apt-get install fonts-noto-cjk; a few seconds per figure)');
}

export function tableOptionsFrom(flags: TableFlags): TableOutputOptions {
  const conditions: Condition[] = (flags.where ?? []).map(parseWhere);
  if (flags.years) conditions.push(yearsCondition(flags.years));
  if (flags.level) conditions.push(levelCondition(flags.level));
  const fontFiles = flags.png === true ? findCjkFonts() : [];
  if (flags.png && fontFiles.length === 0) process.stderr.write('policy-code: no Noto CJK font found (apt-get install fonts-noto-cjk): figures are written as SVG only\n');
  const reliability = flags.reliability ? readReliability(flags.reliability) : null;
  return { conditions, lang: flags.lang ?? flags.provinceNames ?? 'zh', provinces: flags.provinces, bom: flags.bom, fontFiles, reliability };
}

export const TABLE_OPTIONS_HELP = `
Filters (--where, --years, --level) choose the documents that enter the tables and figures;
documents.csv, clauses.csv and summaries.json always list every document.`;
