#!/usr/bin/env node
// Checks README.md and docs/*.md against the built CLI: every option written after `policy-code <command>`
// must appear in that command's --help, and every relative link must reach an existing file and heading.
// Run after a build: node scripts/check-docs.mjs (exit 1 and one line per problem when something is off).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
if (!existsSync(CLI)) {
  console.error('check-docs: dist/cli/main.js missing: run npx tsc -p tsconfig.json first');
  process.exit(2);
}
const docsDir = join(ROOT, 'docs');
const files = ['README.md', ...(existsSync(docsDir) ? readdirSync(docsDir).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`) : [])];
const commands = ['analyze', 'recode', 'report', 'merge', 'extract', 'show', 'code-units', 'kwic', 'evaluate', 'agreement'];
const subcommands = { codebook: ['check', 'show', 'diff', 'fit'], review: ['export', 'import'] };

const helps = new Map();
function helpOf(command) {
  if (!helps.has(command)) helps.set(command, execFileSync('node', [CLI, ...command.split(' '), '--help'], { encoding: 'utf8' }));
  return helps.get(command);
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function anchorsOf(file) {
  const text = readFileSync(file, 'utf8');
  const anchors = new Set([...text.matchAll(/<a id="([^"]+)"/g)].map((m) => m[1]));
  for (const m of text.matchAll(/^#+ (.*)$/gm)) anchors.add(m[1].trim().toLowerCase().replace(/[^\p{L}\p{N}\- _]/gu, '').replace(/ /g, '-'));
  return anchors;
}

const problems = [];
let options = 0;
for (const file of files) {
  const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
  lines.forEach((line, i) => {
    const where = `${file}:${i + 1}`;
    for (const m of line.matchAll(/policy-code ([a-z-]+)(?: ([a-z]+))?([^`\n|]*)/g)) {
      let command;
      let rest;
      if (commands.includes(m[1])) [command, rest] = [m[1], `${m[2] ?? ''}${m[3]}`];
      else if (subcommands[m[1]]?.includes(m[2])) [command, rest] = [`${m[1]} ${m[2]}`, m[3]];
      else continue;
      const help = helpOf(command);
      for (const o of rest.match(/(?<![\w-])--?[a-zA-Z][\w-]*/g) ?? []) {
        options++;
        const known = new RegExp(`(^|[\\s,])${o}([\\s,<]|$)`, 'm').test(help);
        if (!known) problems.push(`${where}: policy-code ${command} has no option ${o}`);
      }
    }
    for (const m of line.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/.test(m[1])) continue;
      const [path, anchor] = m[1].split('#');
      const target = path ? normalize(join(ROOT, dirname(file), path)) : join(ROOT, file);
      if (!existsSync(target)) problems.push(`${where}: link to a missing file ${m[1]}`);
      else if (anchor && target.endsWith('.md') && !anchorsOf(target).has(anchor)) problems.push(`${where}: link to a missing heading ${m[1]}`);
    }
  });
}
for (const p of problems) console.error(p);
console.log(`check-docs: ${files.length} files, ${options} options checked against --help, ${problems.length} problems`);
process.exit(problems.length > 0 ? 1 : 0);
