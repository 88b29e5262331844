import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../sharedDir.js';

/**
 * The dependency rule of src/README.md: cli -> pipeline -> {core, io, export}; io and export see
 * core's types; core sees nothing. Each offending import is listed with its file and line, so a
 * failure says what to move.
 */
const SRC = join(REPO_ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** Every import or export-from specifier of a file, with its line number. */
function importsOf(file: string): Array<{ line: number; from: string }> {
  const out: Array<{ line: number; from: string }> = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((text, i) => {
      for (const m of text.matchAll(/(?:^\s*import\b[^'"]*|^\s*export\b[^'"]*\bfrom\s*|\bimport\s*\(\s*)['"]([^'"]+)['"]/g)) out.push({ line: i + 1, from: m[1]! });
    });
  return out;
}

/** The layer an import points to: a top folder of src, a node built-in, or an npm package. */
function layerOf(file: string, from: string): string {
  if (from.startsWith('node:')) return 'node';
  if (!from.startsWith('.')) return `package ${from}`;
  const target = relative(SRC, join(file, '..', from));
  return target.startsWith('..') ? 'outside src' : target.split('/')[0]!;
}

const FORBIDDEN: Record<string, (layer: string) => boolean> = {
  core: (l) => l !== 'core' && l !== 'package zod',
  export: (l) => l === 'io' || l === 'pipeline' || l === 'cli' || l === 'node',
  io: (l) => l === 'pipeline' || l === 'cli',
  pipeline: (l) => l === 'cli',
};

describe('the dependency rule of src/README.md', () => {
  for (const [layer, forbidden] of Object.entries(FORBIDDEN)) {
    it(`src/${layer} imports nothing it must not`, () => {
      const offending = sourceFiles(join(SRC, layer)).flatMap((file) =>
        importsOf(file)
          .filter((imp) => forbidden(layerOf(file, imp.from)))
          .map((imp) => `${relative(REPO_ROOT, file)}:${imp.line} imports ${imp.from}`),
      );
      expect(offending).toEqual([]);
    });
  }

  it('finds the imports it checks (the scan itself works)', () => {
    const analyze = importsOf(join(SRC, 'cli', 'analyze.ts'));
    expect(analyze.some((i) => layerOf(join(SRC, 'cli', 'analyze.ts'), i.from) === 'pipeline')).toBe(true);
  });
});
