import { parseRegex, type RegexNode } from './regex-parse.ts';

/**
 * Refuses regexes that can backtrack for seconds on a crafted 2,000-character message and freeze the page:
 * - `backreference`: `\1`, `\k<name>`: matching them is NP-hard in general;
 * - `nestedQuantifier`: a repeated part that itself varies in length or can be empty: `(a+)+`, `(.*)*`,
 *   `(a?)*`, `(\w+\s?)+`;
 * - `overlappingAlternation`: alternatives that can start with the same character, or be empty, inside a
 *   repeat: `(a|a)*`, `(a|ab)+`, `(\w|\d)*`, `((x|xy)z)+`;
 * - `overlappingQuantifiers`: two unbounded repeats that can eat the same characters, with nothing between
 *   them that the first cannot eat too: `\d+\d*`, `\w+\s*\w+`, `a.*b.*c`. Each alone is fine; together
 *   they cost n³ (see checkSequence).
 * The check is deliberately conservative: a safe pattern can always be rewritten to pass
 * (`\d+(\.\d+)?` instead of `\d+\.?\d*`), while a hostile one must never get through.
 */
export type RegexSafetyCode =
  | 'backreference'
  | 'nestedQuantifier'
  | 'overlappingAlternation'
  | 'overlappingQuantifiers';

export interface RegexSafetyIssue {
  code: RegexSafetyCode;
  position: number;
}

class Unsafe extends Error {
  constructor(readonly issue: RegexSafetyIssue) {
    super(issue.code);
  }
}

const unsafe = (code: RegexSafetyCode, position: number): never => {
  throw new Unsafe({ code, position });
};

function nullable(node: RegexNode): boolean {
  switch (node.type) {
    case 'alternation':
      return node.alternatives.some((seq) => seq.every(nullable));
    case 'group':
      return node.lookaround || nullable(node.body);
    case 'char':
      return false;
    case 'quantifier':
      return node.min === 0 || nullable(node.body);
    default:
      return true;
  }
}

/** Every one-character atom inside a node. */
function charsIn(node: RegexNode): string[] {
  switch (node.type) {
    case 'alternation':
      return node.alternatives.flatMap((seq) => seq.flatMap(charsIn));
    case 'group':
    case 'quantifier':
      return charsIn(node.body);
    case 'char':
      return [node.source];
    default:
      return [];
  }
}

/** Atoms that can match the first character of what a sequence matches. */
function firstChars(seq: readonly RegexNode[]): string[] {
  const out: string[] = [];
  for (const node of seq) {
    if (node.type === 'char') out.push(node.source);
    else if (node.type === 'alternation') out.push(...node.alternatives.flatMap(firstChars));
    else if (node.type === 'group' && !node.lookaround) out.push(...firstChars([node.body]));
    else if (node.type === 'quantifier') out.push(...firstChars([node.body]));
    if (!nullable(node)) break;
  }
  return out;
}

function hasVariableQuantifier(node: RegexNode): boolean {
  switch (node.type) {
    case 'alternation':
      return node.alternatives.some((seq) => seq.some(hasVariableQuantifier));
    case 'group':
      return hasVariableQuantifier(node.body);
    case 'quantifier':
      return node.min !== node.max || hasVariableQuantifier(node.body);
    default:
      return false;
  }
}

const BASE_SAMPLES = [
  ...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)),
  ...'\t\n\r\u00a0\u2019\u2014\u3000éÉßñçœàüЖж中ا٣😀',
];
const testers = new Map<string, RegExp>();

function matchesChar(atom: string, c: string): boolean {
  let re = testers.get(atom);
  if (!re) {
    re = new RegExp(`^(?:${atom})$`, 'iu');
    testers.set(atom, re);
  }
  return re.test(c);
}

/** The literal characters named by atoms (`a`, `\.`), so overlaps on rare letters are found too. */
function literalSamples(atoms: readonly string[]): string[] {
  return atoms.flatMap((atom) => {
    const c = atom.startsWith('\\') && atom.length === 2 && !/[a-zA-Z0-9]/.test(atom[1]!) ? atom[1]! : atom;
    if (c === '.' || c.startsWith('[') || c.startsWith('\\')) return [];
    return [c, c.toLowerCase(), c.toUpperCase()];
  });
}

/** Whether some character matches an atom of `a` and an atom of `b` (checked on a broad sample). */
function overlap(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const samples = [...BASE_SAMPLES, ...literalSamples(a), ...literalSamples(b)];
  return samples.some((c) => a.some((x) => matchesChar(x, c)) && b.some((y) => matchesChar(y, c)));
}

/** The unbounded repeat a node starts (side 'first') or ends (side 'last') with, if any. */
function edgeRepeat(node: RegexNode, side: 'first' | 'last'): RegexNode | null {
  if (node.type === 'quantifier' && node.max === Number.POSITIVE_INFINITY) return node;
  if (node.type === 'group' && !node.lookaround && node.body.type === 'alternation') {
    const alts = node.body.alternatives;
    const seq = alts.length === 1 ? alts[0]! : [];
    const edge = side === 'first' ? seq[0] : seq[seq.length - 1];
    return edge ? edgeRepeat(edge, side) : null;
  }
  return null;
}

/** Whether every character the atoms of `node` can match is also matched by `by`: `.` covers `foo`. */
function covered(node: RegexNode, by: readonly string[]): boolean {
  const atoms = charsIn(node);
  const samples = [...BASE_SAMPLES, ...literalSamples(atoms)];
  return samples.every((c) => !atoms.some((a) => matchesChar(a, c)) || by.some((b) => matchesChar(b, c)));
}

/**
 * Two unbounded repeats that can share characters, where the first can also swallow everything between
 * them, can split the text in n² ways, times n start positions: `a.*b.*c.*d` takes over a minute on 2,000
 * characters. `\w+@\w+` is fine: `\w` cannot swallow the `@`.
 */
function checkSequence(seq: readonly RegexNode[]): void {
  for (let i = 0; i < seq.length; i++) {
    const left = edgeRepeat(seq[i]!, 'last');
    if (!left) continue;
    const leftChars = charsIn(left);
    for (let j = i + 1; j < seq.length; j++) {
      const item = seq[j]!;
      const right = edgeRepeat(item, 'first');
      if (right && overlap(leftChars, charsIn(right))) unsafe('overlappingQuantifiers', right.position);
      if (!nullable(item) && !covered(item, leftChars)) break;
    }
  }
}

function walk(node: RegexNode, underRepeat: boolean): void {
  switch (node.type) {
    case 'backreference':
      unsafe('backreference', node.position);
      return;
    case 'alternation': {
      const alts = node.alternatives;
      if (underRepeat && alts.length > 1) {
        if (alts.some((seq) => seq.every(nullable))) unsafe('overlappingAlternation', node.position);
        const firsts = alts.map(firstChars);
        for (let i = 0; i < firsts.length; i++) {
          for (let j = i + 1; j < firsts.length; j++) {
            if (overlap(firsts[i]!, firsts[j]!)) unsafe('overlappingAlternation', node.position);
          }
        }
      }
      for (const seq of alts) {
        checkSequence(seq);
        for (const item of seq) walk(item, underRepeat);
      }
      return;
    }
    case 'group':
      walk(node.body, underRepeat);
      return;
    case 'quantifier': {
      const repeats = node.max > 1;
      if (repeats && (nullable(node.body) || hasVariableQuantifier(node.body))) {
        unsafe('nestedQuantifier', node.position);
      }
      walk(node.body, underRepeat || repeats);
      return;
    }
    default:
      return;
  }
}

/** The first danger in a pattern that already compiles with flags `iu`, or null when it is safe. */
export function regexSafetyIssue(source: string): RegexSafetyIssue | null {
  try {
    walk(parseRegex(source), false);
    return null;
  } catch (e) {
    if (e instanceof Unsafe) return e.issue;
    throw e;
  }
}
