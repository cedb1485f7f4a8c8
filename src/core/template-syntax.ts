/**
 * Template grammar. A body is plain text with:
 * - `{name}`: a variable, when the braces hold exactly one known name (spaces around it are ignored);
 * - `{a|b|c}`: a variation, when the braces hold at least one `|` at their own level; one option is picked
 *   at random. Options may be empty and may hold variables and further variations:
 *   `{Hi|Hello {first_name}|Hey {there|you}}`;
 * - `{{` and `}}` at top level: a literal `{` or `}`. Inside braces every `{` opens and every `}` closes,
 *   so nested variations may end with `}}`; a literal brace cannot appear inside a variation, and a
 *   variation cannot start right after `{{` at top level (write `{Hey|{first_name}}` instead).
 * - `{ask:Label}` or `{ask:Label|default}`: a field the user fills in when inserting a quick reply
 *   (template-fields.ts). Only at top level; the label and default are plain text (no braces, one `|`).
 *   A rule can never send a template with a field: nobody would be there to fill it in.
 * A `|` outside braces is plain text.
 */

export const TEMPLATE_VARIABLES = [
  'name',
  'first_name',
  'handle',
  'date',
  'time',
  'away_until',
  'my_name',
] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

export const MAX_TEMPLATE_LENGTH = 2_000;

/** X refuses a direct message longer than this. */
export const MAX_REPLY_LENGTH = 10_000;

/**
 * The longest value each variable renders as, in UTF-16 code units; templateVars cuts values to these.
 * X display names have at most 50 characters, handles 15 (plus the `@`); formatted dates and times are
 * far below their bound in every supported language; `{my_name}` is the user's own (settings allow 200).
 */
export const VARIABLE_MAX_LENGTH: Readonly<Record<TemplateVariable, number>> = {
  name: 50,
  first_name: 50,
  handle: 16,
  date: 60,
  time: 30,
  away_until: 90,
  my_name: 200,
};

/** The visible auto-reply label is cut to this many characters (see appendLabel). */
export const MAX_LABEL_LENGTH = 40;
/** What the label may add to a reply: a space and the label. */
export const AUTO_REPLY_ROOM = 1 + MAX_LABEL_LENGTH;
/** Deeper nesting is never needed for natural text and would make the UI preview unreadable. */
export const MAX_TEMPLATE_DEPTH = 5;

/** The longest text a field may be filled with (the popup's input stops there). */
export const FIELD_MAX_LENGTH = 200;
/** A label is a short question, e.g. "Order number". */
export const MAX_FIELD_LABEL = 60;
/** Different fields in one template; more would be a form, not a quick reply. */
export const MAX_FIELDS = 10;
const FIELD_OPEN = '{ask:';

export type TemplateNode =
  | { kind: 'text'; value: string }
  | { kind: 'field'; label: string; defaultValue: string | null; position: number }
  | { kind: 'variable'; name: TemplateVariable; position: number }
  | { kind: 'variation'; options: TemplateNode[][]; position: number };

export type TemplateErrorCode =
  | 'empty'
  | 'tooLong'
  | 'unclosedBrace'
  | 'unexpectedCloseBrace'
  | 'emptyBraces'
  | 'unknownVariable'
  | 'bareVariableInVariation'
  | 'tooDeep'
  /** Its longest rendering (longest values, longest options, label) could pass MAX_REPLY_LENGTH. */
  | 'mayBeTooLong'
  /** `{ask:}` with no label. */
  | 'fieldEmptyLabel'
  /** A brace or a second `|` inside a field, or a label or default over its limit. */
  | 'fieldInvalid'
  /** A field inside a variation: it would be asked for only some of the time. */
  | 'fieldInVariation'
  /** More than MAX_FIELDS different fields. */
  | 'tooManyFields';

/** `position` is the index in the body (UTF-16 code units) where the problem starts. */
export interface TemplateError {
  code: TemplateErrorCode;
  position: number;
}

export type TemplateParse = { ok: true; nodes: TemplateNode[] } | { ok: false; error: TemplateError };

export type TemplateValidation = { ok: true } | ({ ok: false } & TemplateError);

const VARIABLE_SET: ReadonlySet<string> = new Set(TEMPLATE_VARIABLES);

function isVariable(name: string): name is TemplateVariable {
  return VARIABLE_SET.has(name);
}

class SyntaxFailure extends Error {
  constructor(readonly detail: TemplateError) {
    super(detail.code);
  }
}

function fail(code: TemplateErrorCode, position: number): never {
  throw new SyntaxFailure({ code, position });
}

class Parser {
  private i = 0;
  private readonly labels = new Set<string>();
  constructor(private readonly src: string) {}

  parseTop(): TemplateNode[] {
    const nodes: TemplateNode[] = [];
    let text = '';
    while (this.i < this.src.length) {
      const c = this.src[this.i]!;
      const next = this.src[this.i + 1];
      if ((c === '{' && next === '{') || (c === '}' && next === '}')) {
        text += c;
        this.i += 2;
      } else if (c === '{') {
        if (text) nodes.push({ kind: 'text', value: text });
        text = '';
        nodes.push(this.src.startsWith(FIELD_OPEN, this.i) ? this.parseField() : this.parseGroup(1));
      } else if (c === '}') {
        fail('unexpectedCloseBrace', this.i);
      } else {
        text += c;
        this.i++;
      }
    }
    if (text) nodes.push({ kind: 'text', value: text });
    return nodes;
  }

  /** At a `{`: reads up to its matching `}` and returns a variable or a variation. */
  private parseGroup(depth: number): TemplateNode {
    const open = this.i;
    if (depth > MAX_TEMPLATE_DEPTH) fail('tooDeep', open);
    this.i++;
    const options: { nodes: TemplateNode[]; start: number }[] = [];
    let current: TemplateNode[] = [];
    let start = this.i;
    let text = '';
    const flush = () => {
      if (text) current.push({ kind: 'text', value: text });
      text = '';
    };
    while (this.i < this.src.length) {
      const c = this.src[this.i]!;
      if (c === '}') {
        flush();
        options.push({ nodes: current, start });
        this.i++;
        return this.finishGroup(open, options);
      }
      if (c === '|') {
        flush();
        options.push({ nodes: current, start });
        current = [];
        this.i++;
        start = this.i;
      } else if (c === '{') {
        if (this.src.startsWith(FIELD_OPEN, this.i)) fail('fieldInVariation', this.i);
        flush();
        current.push(this.parseGroup(depth + 1));
      } else {
        text += c;
        this.i++;
      }
    }
    return fail('unclosedBrace', open);
  }

  /** At `{ask:`: reads `Label` or `Label|default` up to the closing `}`. */
  private parseField(): TemplateNode {
    const open = this.i;
    const close = this.src.indexOf('}', open);
    if (close < 0) fail('unclosedBrace', open);
    const inner = this.src.slice(open + FIELD_OPEN.length, close);
    const brace = inner.indexOf('{');
    if (brace >= 0) fail('fieldInvalid', open + FIELD_OPEN.length + brace);
    const bar = inner.indexOf('|');
    if (bar >= 0 && inner.indexOf('|', bar + 1) >= 0) {
      fail('fieldInvalid', open + FIELD_OPEN.length + inner.indexOf('|', bar + 1));
    }
    const label = (bar < 0 ? inner : inner.slice(0, bar)).trim();
    const defaultValue = bar < 0 ? null : inner.slice(bar + 1).trim();
    if (label === '') fail('fieldEmptyLabel', open);
    if (label.length > MAX_FIELD_LABEL || (defaultValue?.length ?? 0) > FIELD_MAX_LENGTH) {
      fail('fieldInvalid', open);
    }
    this.labels.add(label);
    if (this.labels.size > MAX_FIELDS) fail('tooManyFields', open);
    this.i = close + 1;
    return { kind: 'field', label, defaultValue, position: open };
  }

  private finishGroup(open: number, options: { nodes: TemplateNode[]; start: number }[]): TemplateNode {
    if (options.length === 1) {
      const only = options[0]!.nodes;
      if (only.length === 0) fail('emptyBraces', open);
      const first = only[0]!;
      const name = first.kind === 'text' ? first.value.trim() : '';
      if (only.length !== 1 || !isVariable(name)) fail('unknownVariable', open + 1);
      return { kind: 'variable', name, position: open };
    }
    for (const option of options) {
      const first = option.nodes[0];
      // `{first_name|there}` picks the literal word "first_name" half the time: surely a mistake.
      if (option.nodes.length === 1 && first?.kind === 'text' && isVariable(first.value.trim())) {
        fail('bareVariableInVariation', option.start);
      }
    }
    return { kind: 'variation', options: options.map((o) => o.nodes), position: open };
  }
}

export function parseTemplate(body: string): TemplateParse {
  if (body.trim() === '') return { ok: false, error: { code: 'empty', position: 0 } };
  if (body.length > MAX_TEMPLATE_LENGTH) {
    return { ok: false, error: { code: 'tooLong', position: MAX_TEMPLATE_LENGTH } };
  }
  try {
    return { ok: true, nodes: new Parser(body).parseTop() };
  } catch (e) {
    if (e instanceof SyntaxFailure) return { ok: false, error: e.detail };
    throw e;
  }
}

/** The most UTF-16 code units nodes can render as: every variable at its maximum, the longest option. */
function longestRendering(nodes: readonly TemplateNode[]): number {
  let total = 0;
  for (const node of nodes) {
    if (node.kind === 'text') total += node.value.length;
    else if (node.kind === 'field') total += FIELD_MAX_LENGTH;
    else if (node.kind === 'variable') total += VARIABLE_MAX_LENGTH[node.name];
    else total += Math.max(...node.options.map(longestRendering));
  }
  return total;
}

/** The longest a valid body can render as, without the label (rendering only ever shortens text). */
export function worstCaseLength(body: string): number {
  const parsed = parseTemplate(body);
  return parsed.ok ? longestRendering(parsed.nodes) : body.length;
}

/**
 * For the editor and for import: `{ok: true}` or the first problem with its position. A body whose
 * longest rendering plus the label could pass X's limit is refused: such a reply could never be sent.
 */
export function validateTemplate(body: string): TemplateValidation {
  const parsed = parseTemplate(body);
  if (!parsed.ok) return { ok: false, ...parsed.error };
  if (longestRendering(parsed.nodes) + AUTO_REPLY_ROOM > MAX_REPLY_LENGTH) {
    return { ok: false, code: 'mayBeTooLong', position: 0 };
  }
  return { ok: true };
}
