import { RE2JS } from 're2js';
import { parseRegex, type RegexNode } from './regex-parse.ts';
import { translateRegex, Untranslatable } from './regex-translate.ts';

/**
 * Regex triggers run on RE2 (the re2js port), whose matching time grows linearly with the text: no
 * pattern can make it backtrack, whatever a hostile message contains. Its cost is the text's length
 * times the size of the compiled program, so programs are bounded too: `MAX_PROGRAM_SIZE` keeps the
 * worst pattern on the longest text a regex sees (MAX_REGEX_INPUT characters) within a few milliseconds.
 */

/** Rule patterns are JavaScript regex sources read with these flags: case-insensitive, Unicode. */
export const REGEX_FLAGS = 'iu';

/**
 * Instructions of the compiled program: about two per allowed repetition, so `\w{1,200}` alone is about
 * 400. Measured on a loaded 2-core machine, the worst programs of this size take 5–30 ms on the longest
 * text a rule sees, the first time (RE2 builds its automaton while it reads); 1,000 took up to 200 ms.
 */
export const MAX_PROGRAM_SIZE = 400;

export type RegexRefusal =
  | 'patternInvalid'
  | 'lookaround'
  | 'backreference'
  | 'patternUnsupported'
  | 'patternTooComplex';

/** A compiled trigger pattern: `test` searches anywhere in the text, like `RegExp.prototype.test`. */
export interface SafeRegex {
  test(text: string): boolean;
}

export type RegexVerdict =
  | { ok: true; regex: SafeRegex }
  | { ok: false; code: RegexRefusal; position?: number };

/**
 * About the program's size, from the parse tree from the parse tree, so that a pattern far over the limit is
 * refused without compiling it (a 500-character pattern of `.{1000}` compiles for a tenth of a second).
 */
function sizeBound(node: RegexNode): number {
  switch (node.type) {
    case 'alternation':
      return node.alternatives.reduce((sum, seq) => sum + 1 + seq.reduce((s, n) => s + sizeBound(n), 0), 0);
    case 'group':
      return sizeBound(node.body);
    case 'quantifier':
      // RE2 writes out the body once per allowed repetition (once more for an open end).
      return (
        (sizeBound(node.body) + 1) *
        Math.max(1, Math.min(Number.isFinite(node.max) ? node.max : node.min + 1, 1_001))
      );
    default:
      return 1;
  }
}

const knownProperties = new Map<string, boolean>();

/** Whether RE2 has the Unicode property or script `name` (`L`, `Lu`, `Greek`…). */
function knownProperty(name: string): boolean {
  let known = knownProperties.get(name);
  if (known === undefined) {
    try {
      RE2JS.compile(`\\p{${name}}`);
      known = true;
    } catch {
      known = false;
    }
    knownProperties.set(name, known);
  }
  return known;
}

/**
 * Compiles a rule pattern (JavaScript syntax, flags `iu`) for RE2, or says why it cannot run: it does
 * not compile (`patternInvalid`), needs a lookaround or a back-reference (no linear-time engine runs
 * those), uses a feature RE2 lacks (`patternUnsupported`), or is too large (`patternTooComplex`).
 */
export function compileSafeRegex(pattern: string): RegexVerdict {
  try {
    new RegExp(pattern, REGEX_FLAGS);
  } catch {
    return { ok: false, code: 'patternInvalid' };
  }
  let source: string;
  try {
    const tree = parseRegex(pattern);
    source = translateRegex(tree, knownProperty);
    if (sizeBound(tree) > 4 * MAX_PROGRAM_SIZE) return { ok: false, code: 'patternTooComplex' };
  } catch (error) {
    if (error instanceof Untranslatable) return { ok: false, code: error.code, position: error.position };
    throw error;
  }
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);
  } catch {
    // What the translation lets through and RE2 still refuses is size: a repeat over 1,000 or a program
    // over RE2's own limit.
    return { ok: false, code: 'patternTooComplex' };
  }
  if (compiled.matcher('').programSize() > MAX_PROGRAM_SIZE) return { ok: false, code: 'patternTooComplex' };
  return { ok: true, regex: compiled };
}
