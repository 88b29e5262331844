import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli.js';

/** A clause written for a test: [id, text, the primary code the manual gives it]. */
export type WrittenClause = [string, string, string];

/**
 * The rows `code-units` writes for `units` (by unit id), coded in `dir` as `name` with the default codebook
 * (or `codebook`); the command must write nothing to stderr.
 */
export function codeUnits(dir: string, name: string, units: Array<{ unit_id: string; text: string }>, codebook?: string): Map<string, Record<string, string>> {
  const input = join(dir, `${name}.csv`);
  const output = join(dir, `${name}-coded.csv`);
  writeFileSync(input, stringify(units, { header: true }));
  const r = runCli(['code-units', input, '-o', output, ...(codebook ? ['--codebook', codebook] : [])], dir);
  expect(r.stderr).toBe('');
  const rows: Array<Record<string, string>> = parse(readFileSync(output, 'utf8'), { columns: true, bom: true });
  return new Map(rows.map((row) => [row.unit_id!, row]));
}

/**
 * One `describe` of clauses written for a test, coded by one `code-units` run with the default codebook
 * (or `codebook`); `evidenced`: each must also be decided by evidence, not by the lack of it.
 */
export function describeClauses(title: string, clauses: WrittenClause[], evidenced = false, codebook?: string): void {
  describe(title, () => {
    let tmp: string;
    let coded: Map<string, Record<string, string>>;
    beforeAll(() => {
      tmp = mkdtempSync(join(tmpdir(), 'policy-code-clauses-'));
      coded = codeUnits(tmp, 'units', clauses.map(([unit_id, text]) => ({ unit_id, text })), codebook);
    });
    afterAll(() => rmSync(tmp, { recursive: true, force: true }));

    it.each(clauses)('%s: %s -> %s', (id, _text, primary) => {
      expect(coded.get(id)?.primary).toBe(primary);
      if (evidenced) expect(coded.get(id)?.decided_by).not.toBe('no evidence');
    });
  });
}
