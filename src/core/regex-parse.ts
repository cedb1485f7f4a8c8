/**
 * A parser for JavaScript regex sources written for the `u` flag, the syntax rule patterns are written in.
 * It assumes the source already compiled with `new RegExp(source, 'iu')`, so it only tells constructs
 * apart and never reports syntax errors. Used to translate a pattern for the linear-time engine
 * (regex-translate.ts) and to find the literals a match needs (regex-literals.ts).
 */

export type GroupKind = 'capture' | 'plain' | 'lookaround' | 'modifiers';

export type RegexNode =
  | { type: 'alternation'; alternatives: RegexNode[][]; position: number }
  | { type: 'group'; kind: GroupKind; body: RegexNode; position: number }
  /**
   * Matches exactly one character; `source` compiles on its own: a literal (one code point), a class
   * `[…]`, an escape (`\d`, `\p{L}`, `\u{1F600}`, `\.`) or `.`.
   */
  | { type: 'char'; source: string; position: number }
  /** Zero-width: `^ $ \b \B`. */
  | { type: 'assertion'; source: '^' | '$' | '\\b' | '\\B'; position: number }
  | { type: 'backreference'; position: number }
  | { type: 'quantifier'; body: RegexNode; min: number; max: number; position: number };

/** Escapes longer than a backslash and one character, as the `u` flag reads them. */
const LONG_ESCAPE =
  /^\\(?:[pP]\{[^}]*\}|u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|c[a-zA-Z])/;

/** The length of the escape at `i` (which is a backslash), e.g. 2 for `\d`, 6 for `\u00e9`. */
export function escapeLength(src: string, i: number): number {
  const long = LONG_ESCAPE.exec(src.slice(i, i + 80));
  if (long) return long[0].length;
  // A character outside the BMP is two code units.
  const code = src.charCodeAt(i + 1);
  return code >= 0xd800 && code <= 0xdbff ? 3 : 2;
}

/** The length of the code point at `i`: 2 for a surrogate pair, else 1. */
export function codePointLength(src: string, i: number): number {
  const code = src.charCodeAt(i);
  return code >= 0xd800 && code <= 0xdbff && i + 1 < src.length ? 2 : 1;
}

class RegexParser {
  private i = 0;
  constructor(private readonly src: string) {}

  parse(): RegexNode {
    return this.alternation(0);
  }

  private alternation(position: number): RegexNode {
    const alternatives: RegexNode[][] = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      alternatives.push(this.sequence());
    }
    return { type: 'alternation', alternatives, position };
  }

  private sequence(): RegexNode[] {
    const items: RegexNode[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const atom = this.atom();
      items.push(this.quantified(atom));
    }
    return items;
  }

  private quantified(atom: RegexNode): RegexNode {
    const position = this.i;
    const c = this.src[this.i];
    let bounds: [number, number] | null = null;
    if (c === '*') bounds = [0, Number.POSITIVE_INFINITY];
    else if (c === '+') bounds = [1, Number.POSITIVE_INFINITY];
    else if (c === '?') bounds = [0, 1];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (m) {
        const min = Number(m[1]);
        const max = m[2] === undefined ? min : m[3] ? Number(m[3]) : Number.POSITIVE_INFINITY;
        bounds = [min, max];
        this.i += m[0].length - 1;
      }
    }
    if (!bounds) return atom;
    this.i++;
    if (this.src[this.i] === '?') this.i++; // lazy: the same set of matches
    return this.quantified({ type: 'quantifier', body: atom, min: bounds[0], max: bounds[1], position });
  }

  private atom(): RegexNode {
    const position = this.i;
    const c = this.src[this.i]!;
    if (c === '(') return this.group();
    if (c === '[') return this.charClass();
    if (c === '\\') return this.escape();
    if (c === '^' || c === '$') {
      this.i++;
      return { type: 'assertion', source: c, position };
    }
    this.i += codePointLength(this.src, this.i);
    return { type: 'char', source: this.src.slice(position, this.i), position };
  }

  private group(): RegexNode {
    const position = this.i;
    this.i++;
    let kind: GroupKind = 'capture';
    if (this.src[this.i] === '?') {
      const rest = this.src.slice(this.i);
      const prefix = /^\?(?:[=!]|<[=!]|<[^>]*>|[a-zA-Z-]*:)/.exec(rest)?.[0] ?? '?';
      if (/^\?<?[=!]/.test(prefix)) kind = 'lookaround';
      else if (prefix === '?:') kind = 'plain';
      else if (prefix.endsWith(':')) kind = 'modifiers';
      this.i += prefix.length;
    }
    const body = this.alternation(this.i);
    this.i++; // ')'
    return { type: 'group', kind, body, position };
  }

  private charClass(): RegexNode {
    const position = this.i;
    this.i++;
    if (this.src[this.i] === '^') this.i++;
    while (this.i < this.src.length && this.src[this.i] !== ']') {
      this.i += this.src[this.i] === '\\' ? escapeLength(this.src, this.i) : 1;
    }
    this.i++;
    return { type: 'char', source: this.src.slice(position, this.i), position };
  }

  private escape(): RegexNode {
    const position = this.i;
    const next = this.src[this.i + 1] ?? '';
    if (next === 'b' || next === 'B') {
      this.i += 2;
      return { type: 'assertion', source: next === 'b' ? '\\b' : '\\B', position };
    }
    if (/[1-9]/.test(next) || next === 'k') {
      this.i += 2;
      return { type: 'backreference', position };
    }
    this.i += escapeLength(this.src, this.i);
    // `\d`, `\w`, `\p{L}` and single escaped characters all match exactly one character.
    return { type: 'char', source: this.src.slice(position, this.i), position };
  }
}

export function parseRegex(source: string): RegexNode {
  return new RegexParser(source).parse();
}
