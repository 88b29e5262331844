import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The settings of a run that `recode --out DIR` takes as its defaults, kept in run.json's `rerun`
 * block as absolute paths so that they hold wherever recode runs from.
 */
export interface RerunSettings {
  corpus: string;
  codebooks: string[];
  metadata: string | null;
  manual: string | null;
  unit: string | null;
}

export function rerunSettings(corpus: string, codebooks: readonly string[], metadata: string | null, manual: string | null, unit: string): RerunSettings {
  return { corpus: resolve(corpus), codebooks: codebooks.map((f) => resolve(f)), metadata: metadata ? resolve(metadata) : null, manual: manual ? resolve(manual) : null, unit };
}

/** The settings of the run in `out`, or null when it has no readable run.json; older ones give only corpus and metadata. */
export function readRerunSettings(out: string): RerunSettings | null {
  let run: { corpus?: string; metadata?: { file: string } | null; rerun?: Partial<RerunSettings> };
  try {
    run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as typeof run;
  } catch {
    return null;
  }
  const r = run.rerun;
  if (r && typeof r.corpus === 'string') return { corpus: r.corpus, codebooks: r.codebooks ?? [], metadata: r.metadata ?? null, manual: r.manual ?? null, unit: r.unit ?? null };
  return typeof run.corpus === 'string' ? { corpus: run.corpus, codebooks: [], metadata: run.metadata?.file ?? null, manual: null, unit: null } : null;
}
