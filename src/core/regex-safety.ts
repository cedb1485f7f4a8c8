import { atomsOverlap } from './regex-chars.ts';
import { overlappingRepeat } from './regex-follow.ts';
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
 *   they cost n³ (see regex-follow.ts).
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
            if (atomsOverlap(firsts[i]!, firsts[j]!)) unsafe('overlappingAlternation', node.position);
          }
        }
      }
      for (const seq of alts) {
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
    const root = parseRegex(source);
    walk(root, false);
    const position = overlappingRepeat(root);
    return position === null ? null : { code: 'overlappingQuantifiers', position };
  } catch (e) {
    if (e instanceof Unsafe) return e.issue;
    throw e;
  }
}
