import type { Category, Codebook, ConfidenceSettings, DecisionRules, Exclusion } from '../core/codebook/Codebook.js';

function weightText(w: number): string {
  return w === 1 ? '' : `×${Math.round(w * 1000) / 1000}`;
}

function withText(withs: string[][]): string {
  return withs.length === 0 ? '' : ` (with ${withs.map((g) => g.join('|')).join(' and ')})`;
}

function exclusionText(e: Exclusion): string {
  const what = e.term !== undefined ? e.term : `/${e.pattern}/`;
  return e.window === null ? what : `${what} (within ${e.window})`;
}

function categoryLines(c: Category, depth: number): string[] {
  const pad = '  '.repeat(depth);
  const head = `${pad}${c.id}  ${c.label.zh}${c.label.en ? ` / ${c.label.en}` : ''}`;
  if (c.children.length > 0) return [head, ...c.children.flatMap((child) => categoryLines(child, depth + 1))];
  const lines = [head];
  if (c.definition) lines.push(`${pad}  definition: ${c.definition}`);
  if (c.topics.length) lines.push(`${pad}  topics (${c.topics.length}): ${c.topics.map((k) => `${k.term}${weightText(k.weight)}${withText(k.with)}`).join(', ')}`);
  if (c.keywords.length) lines.push(`${pad}  keywords (${c.keywords.length}): ${c.keywords.map((k) => `${k.term}${weightText(k.weight)}${withText(k.with)}`).join(', ')}`);
  if (c.patterns.length) lines.push(`${pad}  patterns (${c.patterns.length}): ${c.patterns.map((p) => `/${p.pattern}/${weightText(p.weight)}${withText(p.with)}`).join(', ')}`);
  if (c.exclude.length) lines.push(`${pad}  exclude (${c.exclude.length}): ${c.exclude.map(exclusionText).join(', ')}`);
  return lines;
}

/**
 * The resolved codebook as an indented tree: what the coder will use, after weights were multiplied
 * down the hierarchy and conditions and exclusions inherited (×w is a weight other than 1).
 */
export function formatCodebookTree(codebook: Codebook): string {
  const keywords = codebook.leaves.reduce((a, l) => a + l.keywords.length, 0);
  const patterns = codebook.leaves.reduce((a, l) => a + l.patterns.length, 0);
  const scope = codebook.scope
    ? `scope (${codebook.scope.level}): ${[...codebook.scope.keywords, ...codebook.scope.patterns.map((p) => `/${p}/`)].join(', ')}`
    : 'scope: every clause';
  return [
    `${codebook.name} ${codebook.version}${codebook.title ? `  ${codebook.title.zh}${codebook.title.en ? ` / ${codebook.title.en}` : ''}` : ''}`,
    `${codebook.mode === 'single' ? 'single-label' : 'multi-label'}; ${codebook.leaves.length} categories to code, ${keywords} keywords, ${patterns} patterns; ${scope}`,
    '',
    ...codebook.dimensions.flatMap((d) => categoryLines(d, 0)),
    ...ruleLines(codebook.rules),
    ...confidenceLines(codebook.confidence),
  ].join('\n') + '\n';
}

const ref = (manual: string | undefined) => (manual ? ` (${manual})` : '');

/** The decision rules, one line each, after the categories they decide between. */
function ruleLines(rules: DecisionRules): string[] {
  const lines: string[] = [];
  for (const r of rules.none) lines.push(`  none.${r.id}${ref(r.manual)}: /${r.pattern}/`);
  for (const r of rules.ignore) lines.push(`  ignore.${r.id}${ref(r.manual)}: no evidence /${r.pattern}/`);
  const h = rules.heading;
  if (h) lines.push(`  heading${ref(h.manual)}: terms of weight ${h.minWeight} or more in an item's lead ×${h.weight} (lead up to ${h.maxLength} characters)`);
  const o = rules.obligation;
  if (o) {
    lines.push(
      `  obligation${ref(o.manual)}: modals ${o.modals.join(', ')}; prohibitions ${o.prohibitions.join(', ')}; weight ${o.weight}`,
      `    market actors -> ${o.marketCategory}: ${o.market.join(', ')}`,
      `    government bodies organising -> ${o.governmentCategory} (weight ${o.governmentWeight}): ${o.government.join(', ')}; organising verbs ${o.organising.join(', ')}`,
      `    enforcing -> ${o.marketCategory}: ${o.enforcement.join(', ')}; object markers ${o.objects.join(', ')}`,
      `    not in a sentence about getting a measure (its condition): ${o.conditions.join(', ')}`,
      `    no modal inside: ${o.notModal.join(', ') || '-'}; a basis after the modal is not the act: ${o.bases.join(', ') || '-'} … ${o.basisHeads.join(', ') || '-'}`,
    );
  }
  const m = rules.money;
  if (m) lines.push(`  money${ref(m.manual)} -> ${m.category}: ${m.givers.join(', ')} + ${m.money.join(', ')} within ${m.window}; weight ${m.weight}`);
  const e = rules.encouragement;
  if (e) lines.push(`  encouragement${ref(e.manual)} -> ${e.category}: ${e.verbs.join(', ')} + ${e.actors.join(', ')} within ${e.reach}, unless first: ${e.others.join(', ')}; weight ${e.weight}`);
  const r = rules.regulation;
  if (r) lines.push(`  regulation${ref(r.manual)} -> ${r.category}: ${r.acts.join(', ')} + ${r.actors.join(', ')} within ${r.reach}, not before: ${r.names.join(', ')}; weight ${r.weight}`);
  const w = rules.insideWords;
  if (w) lines.push(`  inside_words${ref(w.manual)}: with no other evidence, terms of weight ${w.minWeight} or more inside longer words, not where the word ends in: ${w.names.join(', ') || '-'}`);
  return lines.length ? ['', 'decision rules', ...lines] : [];
}

/** The doubts that lower a unit's confidence, when the codebook sets any. */
function confidenceLines(c: ConfidenceSettings): string[] {
  const lines: string[] = [];
  if (c.residual.length && c.residualFactor !== 1) lines.push(`  coded ${c.residual.join(', ')} (residual instruments) ×${c.residualFactor}`);
  if (c.rivalFactor !== 1) lines.push(`  another instrument has a measure (evidence of weight 1 or more) ×${c.rivalFactor}`);
  return lines.length ? ['', 'confidence', ...lines] : [];
}
