/**
 * The guard for codebook patterns. JavaScript regular expressions backtrack, and a pattern such as
 * (a+)+ or (税|税收)* can take exponential time on a long clause, which would stall a whole run. So a
 * pattern is refused, statically, when
 *   - it is longer than MAX_PATTERN_LENGTH characters;
 *   - it does not compile (as a Unicode regular expression);
 *   - it uses a backreference (\1, \k<name>);
 *   - a repeated group (*, +, {n,} or {n,m} with m > 1) contains an unbounded quantifier: (a+)+, (\d*万)*;
 *   - a repeated group holds alternatives that could start with the same character: two alternatives
 *     beginning with the same literal, an empty alternative, or one beginning with a class, '.', an
 *     escape or a group — (税|税收)*, (.|万)+, (a|)+ are refused; (税|费)+ is allowed.
 * The rules are conservative: a few harmless patterns are refused, never a dangerous one of these shapes.
 */
export const MAX_PATTERN_LENGTH = 200;

interface Frame {
  /** The group contains an unbounded quantifier at any depth. */
  unbounded: boolean;
  /** First-character signature of each alternative: a literal character, '' for empty, null for "could be anything". */
  firsts: Array<string | null>;
  /** Whether the current alternative has consumed anything yet. */
  started: boolean;
  /** Atoms in the current alternative so far. */
  atoms: number;
}

interface Atom {
  kind: 'char' | 'group';
  unbounded: boolean;
  firsts: Array<string | null>;
}

interface Quantifier {
  length: number;
  /** Zero repetitions allowed (*, ?, {0,n}). */
  optional: boolean;
  unbounded: boolean;
  /** More than one repetition allowed. */
  repeated: boolean;
}

/** The quantifier at pattern[i] (*, +, ?, {n}, {n,}, {n,m}), or null. */
function quantifierAt(pattern: string, i: number): Quantifier | null {
  const c = pattern[i];
  if (c === '*' || c === '+' || c === '?') return { length: 1, optional: c !== '+', unbounded: c !== '?', repeated: c !== '?' };
  const m = c === '{' ? /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i)) : null;
  if (!m) return null;
  const unbounded = m[2] !== undefined && m[3] === '';
  return { length: m[0].length, optional: Number(m[1]) === 0, unbounded, repeated: unbounded || (m[2] !== undefined ? Number(m[3]) > 1 : Number(m[1]) > 1) };
}

/** Why repeating the group just closed risks catastrophic backtracking, or null. */
function repeatedGroupProblem(last: Atom | null, q: Quantifier): string | null {
  if (last?.kind !== 'group' || !q.repeated) return null;
  if (last.unbounded) return 'nested quantifiers: a repeated group contains another unbounded quantifier, e.g. (a+)+ (catastrophic backtracking)';
  if (ambiguous(last.firsts)) return 'ambiguous alternation under a quantifier: alternatives of a repeated group could start with the same character, e.g. (税|税收)* (catastrophic backtracking)';
  return null;
}

/** Returns why a pattern is refused, or null when it is allowed. */
export function checkPattern(pattern: string): string | null {
  if (pattern.length > MAX_PATTERN_LENGTH) return `pattern is ${pattern.length} characters long; at most ${MAX_PATTERN_LENGTH} are allowed`;
  try {
    new RegExp(pattern, 'u');
  } catch (err) {
    return `pattern does not compile: ${(err as Error).message}`;
  }
  if (/\\[1-9]|\\k</.test(pattern)) return 'backreferences (\\1, \\k<name>) are not allowed in patterns';

  const stack: Frame[] = [{ unbounded: false, firsts: [], started: false, atoms: 0 }];
  let last: Atom | null = null;
  const noteFirst = (first: string | null) => {
    const f = stack[stack.length - 1]!;
    if (!f.started) {
      f.firsts.push(first);
      f.started = true;
    }
    f.atoms++;
  };
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i]!;
    const q = quantifierAt(pattern, i);
    if (c === '\\') {
      const next = pattern[i + 1] ?? '';
      let end = i + 2;
      if ((next === 'u' || next === 'p' || next === 'P') && pattern[end] === '{') end = pattern.indexOf('}', end) + 1;
      noteFirst(/[\\.^$|?*+()[\]{}/-]/.test(next) ? next : null);
      last = { kind: 'char', unbounded: false, firsts: [] };
      i = end;
    } else if (c === '[') {
      let j = i + 1;
      while (j < pattern.length && pattern[j] !== ']') j += pattern[j] === '\\' ? 2 : 1;
      noteFirst(null);
      last = { kind: 'char', unbounded: false, firsts: [] };
      i = j + 1;
    } else if (c === '(') {
      noteFirst(null);
      stack.push({ unbounded: false, firsts: [], started: false, atoms: 0 });
      const m = /^\(\?(?:<[=!]|[:=!]|<[^>]+>)/.exec(pattern.slice(i));
      i += m ? m[0].length : 1;
      last = null;
    } else if (c === ')') {
      const f = stack.pop()!;
      if (!f.started) f.firsts.push('');
      last = { kind: 'group', unbounded: f.unbounded, firsts: f.firsts };
      const parent = stack[stack.length - 1]!;
      parent.unbounded ||= f.unbounded;
      i++;
    } else if (c === '|') {
      const f = stack[stack.length - 1]!;
      if (!f.started) f.firsts.push('');
      f.started = false;
      f.atoms = 0;
      last = null;
      i++;
    } else if (q) {
      const problem = repeatedGroupProblem(last, q);
      if (problem) return problem;
      const frame = stack[stack.length - 1]!;
      if (q.unbounded) frame.unbounded = true;
      // An optional first atom means the alternative may start with whatever follows it.
      if (q.optional && frame.atoms === 1) frame.firsts[frame.firsts.length - 1] = null;
      i += q.length;
      if (pattern[i] === '?') i++;
      last = null;
    } else {
      noteFirst(c === '.' || c === '^' || c === '$' ? null : c);
      last = { kind: 'char', unbounded: false, firsts: [] };
      i++;
    }
  }
  return null;
}

function ambiguous(firsts: Array<string | null>): boolean {
  if (firsts.length < 2) return false;
  const seen = new Set<string>();
  for (const f of firsts) {
    if (f === null || f === '' || seen.has(f)) return true;
    seen.add(f);
  }
  return false;
}
