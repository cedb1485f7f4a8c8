/**
 * A small parser for JavaScript regex sources (`u` flag), enough to judge how a pattern backtracks. It
 * assumes the source already compiled, so it only needs to tell constructs apart, not report syntax.
 */

export type RegexNode =
  | { type: 'alternation'; alternatives: RegexNode[][]; position: number }
  | { type: 'group'; body: RegexNode; lookaround: boolean; position: number }
  /** Matches exactly one character; `source` compiles on its own (a literal, class, escape or `.`). */
  | { type: 'char'; source: string; position: number }
  /** Zero-width: `^ $ \b \B`. */
  | { type: 'assertion'; position: number }
  | { type: 'backreference'; position: number }
  | { type: 'quantifier'; body: RegexNode; min: number; max: number; position: number };

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
    if (this.src[this.i] === '?') this.i++; // lazy: same backtracking shape
    return this.quantified({ type: 'quantifier', body: atom, min: bounds[0], max: bounds[1], position });
  }

  private atom(): RegexNode {
    const position = this.i;
    const c = this.src[this.i]!;
    if (c === '(') return this.group();
    if (c === '[') return this.charClass();
    if (c === '\\') return this.escape();
    this.i++;
    if (c === '^' || c === '$') return { type: 'assertion', position };
    if (c === '.') return { type: 'char', source: '.', position };
    // A character outside the BMP is two code units but one `u`-mode atom.
    const code = c.charCodeAt(0);
    if (code >= 0xd800 && code <= 0xdbff && this.i < this.src.length) this.i++;
    return { type: 'char', source: this.src.slice(position, this.i), position };
  }

  private group(): RegexNode {
    const position = this.i;
    this.i++;
    let lookaround = false;
    if (this.src[this.i] === '?') {
      const rest = this.src.slice(this.i);
      const prefix = /^\?(?:[=!]|<[=!]|<[^>]*>|[a-zA-Z-]*:)/.exec(rest)?.[0] ?? '?';
      lookaround = /^\?<?[=!]/.test(prefix);
      this.i += prefix.length;
    }
    const body = this.alternation(this.i);
    this.i++; // ')'
    return { type: 'group', body, lookaround, position };
  }

  private charClass(): RegexNode {
    const position = this.i;
    this.i++;
    if (this.src[this.i] === '^') this.i++;
    while (this.i < this.src.length && this.src[this.i] !== ']') {
      this.i += this.src[this.i] === '\\' ? 2 : 1;
    }
    this.i++;
    return { type: 'char', source: this.src.slice(position, this.i), position };
  }

  private escape(): RegexNode {
    const position = this.i;
    const next = this.src[this.i + 1] ?? '';
    if (next === 'b' || next === 'B') {
      this.i += 2;
      return { type: 'assertion', position };
    }
    if (/[1-9]/.test(next) || next === 'k') {
      this.i += 2;
      return { type: 'backreference', position };
    }
    const long = /^\\(?:[pP]\{[^}]*\}|u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|c[a-zA-Z])/.exec(
      this.src.slice(this.i),
    );
    this.i += long ? long[0].length : 2;
    // `\d`, `\w`, `\p{L}` and single escaped characters all match exactly one character.
    return { type: 'char', source: this.src.slice(position, this.i), position };
  }
}

export function parseRegex(source: string): RegexNode {
  return new RegexParser(source).parse();
}
