import { codePointLength, escapeLength, type RegexNode } from './regex-parse.ts';

/**
 * Rule patterns are written in JavaScript's syntax and read with flags `iu` (docs/settings-format.md).
 * They run on RE2 (regex-engine.ts), whose syntax is close but not the same, so a pattern is rewritten
 * into RE2 syntax that matches exactly the same texts:
 * - every literal becomes `\x{…}`, so no character means something else to RE2;
 * - `\s` is JavaScript's Unicode white space (RE2's is ASCII only), `.` excludes `\r`, U+2028 and U+2029
 *   too, `\u…`, `\c…`, `\0` become code points, `[]` and `[^]` keep their meaning;
 * - `\p{Script=Greek}`, `\p{gc=Lu}`, `\p{Letter}` take the short names RE2 knows.
 * What RE2 cannot run in linear time is refused with its position: lookarounds and back-references; so
 * is what it would read differently: pattern modifiers `(?i:…)` (the flags are fixed), properties RE2
 * lacks, and `\P{Lu}`-like negated case categories.
 * One difference is left, as it concerns two rare characters: RE2's `\b` and `\B` take only ASCII
 * letters, digits and `_` as word characters, JavaScript's with flags `iu` also ſ (U+017F) and K (U+212A).
 */

export type TranslationRefusal = 'lookaround' | 'backreference' | 'patternUnsupported';

export class Untranslatable extends Error {
  constructor(
    readonly code: TranslationRefusal,
    readonly position: number,
  ) {
    super(code);
  }
}

const hex = (cp: number) => `\\x{${cp.toString(16)}}`;

/** JavaScript's `\s`: white space and line terminators. */
const WHITE_SPACE: readonly [number, number][] = [
  [0x09, 0x0d],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
];

function complement(ranges: readonly [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  let next = 0;
  for (const [lo, hi] of ranges) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= 0x10ffff) out.push([next, 0x10ffff]);
  return out;
}

const rangesBody = (ranges: readonly [number, number][]) =>
  ranges.map(([lo, hi]) => (lo === hi ? hex(lo) : `${hex(lo)}-${hex(hi)}`)).join('');

const SPACE_BODY = rangesBody(WHITE_SPACE);
const NOT_SPACE_BODY = rangesBody(complement(WHITE_SPACE));
const DOT = `[^${rangesBody([
  [0x0a, 0x0a],
  [0x0d, 0x0d],
  [0x2028, 0x2029],
])}]`;
const ANYTHING = '[\\x{0}-\\x{10ffff}]';
const NOTHING = '[^\\x{0}-\\x{10ffff}]';

/** Long General_Category names JavaScript accepts, by the short ones RE2 knows. */
const CATEGORY_ALIASES: Readonly<Record<string, string>> = {
  Letter: 'L',
  Uppercase_Letter: 'Lu',
  Lowercase_Letter: 'Ll',
  Titlecase_Letter: 'Lt',
  Modifier_Letter: 'Lm',
  Other_Letter: 'Lo',
  Mark: 'M',
  Combining_Mark: 'M',
  Nonspacing_Mark: 'Mn',
  Spacing_Mark: 'Mc',
  Enclosing_Mark: 'Me',
  Number: 'N',
  Decimal_Number: 'Nd',
  digit: 'Nd',
  Letter_Number: 'Nl',
  Other_Number: 'No',
  Punctuation: 'P',
  punct: 'P',
  Connector_Punctuation: 'Pc',
  Dash_Punctuation: 'Pd',
  Open_Punctuation: 'Ps',
  Close_Punctuation: 'Pe',
  Initial_Punctuation: 'Pi',
  Final_Punctuation: 'Pf',
  Other_Punctuation: 'Po',
  Symbol: 'S',
  Math_Symbol: 'Sm',
  Currency_Symbol: 'Sc',
  Modifier_Symbol: 'Sk',
  Other_Symbol: 'So',
  Separator: 'Z',
  Space_Separator: 'Zs',
  Line_Separator: 'Zl',
  Paragraph_Separator: 'Zp',
  Other: 'C',
  Control: 'Cc',
  cntrl: 'Cc',
  Format: 'Cf',
  Private_Use: 'Co',
  Surrogate: 'Cs',
};

/** Categories whose letters have case variants in other categories. */
const CASED: ReadonlySet<string> = new Set(['Lu', 'Ll', 'Lt', 'LC']);

/** `\p{…}` / `\P{…}` in RE2's names; `known` says whether RE2 has the property (see regex-engine.ts). */
function property(esc: string, position: number, known: (name: string) => boolean): string {
  const inner = esc.slice(3, -1);
  const [key, value] = inner.includes('=') ? inner.split('=') : [null, inner];
  let name = value ?? '';
  if (key === 'General_Category' || key === 'gc' || key === null) name = CATEGORY_ALIASES[name] ?? name;
  else if (key !== 'Script' && key !== 'sc') throw new Untranslatable('patternUnsupported', position);
  if (!known(name)) throw new Untranslatable('patternUnsupported', position);
  // With flag i, JavaScript's \P{Ll} matches "a" (its complement holds "A"); RE2's never does.
  if (esc[1] === 'P' && CASED.has(name)) throw new Untranslatable('patternUnsupported', position);
  return `\\${esc[1]}{${name}}`;
}

const SIMPLE_ESCAPES: Readonly<Record<string, number>> = { t: 9, n: 10, v: 11, f: 12, r: 13, '0': 0 };

/** The code point an esc that stands for one character names (`\n`, `\u00e9`, `\.`), or null. */
function escapedCodePoint(esc: string, inClass: boolean): number | null {
  const c = esc[1]!;
  if (c in SIMPLE_ESCAPES) return SIMPLE_ESCAPES[c]!;
  if (inClass && c === 'b') return 8;
  if (c === 'c') return esc.charCodeAt(2) % 32;
  if (c === 'x') return Number.parseInt(esc.slice(2), 16);
  if (c === 'u') {
    if (esc[2] === '{') return Number.parseInt(esc.slice(3, -1), 16);
    if (esc.length === 12) {
      const high = Number.parseInt(esc.slice(2, 6), 16);
      const low = Number.parseInt(esc.slice(8), 16);
      return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
    }
    return Number.parseInt(esc.slice(2), 16);
  }
  if (/[dDwWsSpP]/.test(c)) return null;
  return esc.codePointAt(1)!;
}

/** A class set esc in RE2's class syntax (without brackets), or null for a single character. */
function escapedSet(esc: string, position: number, known: (name: string) => boolean): string | null {
  const c = esc[1]!;
  if (c === 'd' || c === 'D' || c === 'w' || c === 'W') return esc;
  if (c === 's') return SPACE_BODY;
  if (c === 'S') return NOT_SPACE_BODY;
  if (c === 'p' || c === 'P') return property(esc, position, known);
  return null;
}

function translateClass(source: string, position: number, known: (name: string) => boolean): string {
  const negated = source[1] === '^';
  let i = negated ? 2 : 1;
  const end = source.length - 1;
  const parts: string[] = [];
  /** One class atom at `at`: a set, or a code point, and its length. */
  const atom = (at: number): { set: string | null; cp: number; length: number } => {
    if (source[at] !== '\\') {
      return { set: null, cp: source.codePointAt(at)!, length: codePointLength(source, at) };
    }
    const length = escapeLength(source, at);
    const esc = source.slice(at, at + length);
    const set = escapedSet(esc, position + at, known);
    return { set, cp: set === null ? escapedCodePoint(esc, true)! : 0, length };
  };
  while (i < end) {
    const first = atom(i);
    i += first.length;
    if (first.set !== null) {
      parts.push(first.set);
    } else if (source[i] === '-' && i + 1 < end) {
      // Under the `u` flag a range has single characters at both ends (it compiled, so it does).
      const last = atom(i + 1);
      i += 1 + last.length;
      parts.push(`${hex(first.cp)}-${hex(last.cp)}`);
    } else {
      parts.push(hex(first.cp));
    }
  }
  if (parts.length === 0) return negated ? ANYTHING : NOTHING;
  return `[${negated ? '^' : ''}${parts.join('')}]`;
}

function translateChar(source: string, position: number, known: (name: string) => boolean): string {
  if (source === '.') return DOT;
  if (source[0] === '[') return translateClass(source, position, known);
  if (source[0] !== '\\') return hex(source.codePointAt(0)!);
  const set = escapedSet(source, position, known);
  if (set !== null) return source[1] === 's' || source[1] === 'S' ? `[${set}]` : set;
  return hex(escapedCodePoint(source, false)!);
}

function quantifierSuffix(min: number, max: number): string {
  if (min === 0 && max === Number.POSITIVE_INFINITY) return '*';
  if (min === 1 && max === Number.POSITIVE_INFINITY) return '+';
  if (min === 0 && max === 1) return '?';
  if (max === Number.POSITIVE_INFINITY) return `{${min},}`;
  return min === max ? `{${min}}` : `{${min},${max}}`;
}

/** RE2 source for a parsed JavaScript pattern; throws Untranslatable. `known` tells RE2's properties. */
export function translateRegex(node: RegexNode, known: (name: string) => boolean): string {
  const go = (n: RegexNode): string => translateRegex(n, known);
  switch (node.type) {
    case 'alternation':
      return `(?:${node.alternatives.map((seq) => seq.map(go).join('')).join('|')})`;
    case 'group':
      if (node.kind === 'lookaround') throw new Untranslatable('lookaround', node.position);
      if (node.kind === 'modifiers') throw new Untranslatable('patternUnsupported', node.position);
      return `(?:${go(node.body)})`;
    case 'char':
      return translateChar(node.source, node.position, known);
    case 'assertion':
      // Without the `m` flag, JavaScript's `$` is RE2's `$` (end of text, like `\z`).
      return node.source;
    case 'backreference':
      throw new Untranslatable('backreference', node.position);
    case 'quantifier':
      return `(?:${go(node.body)})${quantifierSuffix(node.min, node.max)}`;
  }
}
