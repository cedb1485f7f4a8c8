import { type LocaleCode, localeInfo } from './locales.ts';
import { indexBelow, type Rng } from './rng.ts';
import {
  MAX_LABEL_LENGTH,
  parseTemplate,
  TEMPLATE_VARIABLES,
  type TemplateNode,
  type TemplateVariable,
  VARIABLE_MAX_LENGTH,
} from './template-syntax.ts';
import { safeTimeZone } from './time-zone.ts';

export {
  AUTO_REPLY_ROOM,
  MAX_REPLY_LENGTH,
  parseTemplate,
  TEMPLATE_VARIABLES,
  VARIABLE_MAX_LENGTH,
  validateTemplate,
  worstCaseLength,
} from './template-syntax.ts';

/** Values for every variable, already formatted and with fallbacks applied. Text, never HTML. */
export type TemplateVars = Record<TemplateVariable, string>;

export interface VarsInput {
  senderName: string;
  senderHandle: string;
  myName: string;
  now: number;
  awayUntil: number | null;
  timeZone: string;
  /** The template's language: picks date/time formats and the fallback words. */
  locale: LocaleCode;
}

const CONTROL_RE = /[\p{Cc}\p{Cf}]+/gu;
const FIRST_NAME_RE = /\p{L}[\p{L}\p{M}'’-]*/u;

function clean(value: string): string {
  return value.replace(CONTROL_RE, ' ').replace(/\s+/g, ' ').trim();
}

/** At most `max` UTF-16 code units, never half of a surrogate pair. */
function cut(value: string, max: number): string {
  if (value.length <= max) return value;
  const head = value.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(head) ? head.slice(0, -1) : head;
}

/** "🌴 Marie-Claire Dupont | Design" → "Marie-Claire": the first run of letters, emoji skipped. */
export function firstNameOf(displayName: string): string {
  return FIRST_NAME_RE.exec(displayName.normalize('NFC'))?.[0] ?? '';
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function formatter(kind: 'date' | 'time' | 'until', locale: LocaleCode, timeZone: string) {
  const key = `${kind}|${locale}|${timeZone}`;
  let f = dateFormats.get(key);
  if (!f) {
    // Each language writes hours its own way (locales.ts): French 09:05, English 9:05 AM.
    const { tag, hour } = localeInfo(locale);
    const time: Intl.DateTimeFormatOptions = { hour, minute: '2-digit' };
    const date: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long' };
    const options = kind === 'date' ? date : kind === 'time' ? time : { ...date, ...time };
    f = new Intl.DateTimeFormat(tag, { ...options, timeZone: safeTimeZone(timeZone) });
    dateFormats.set(key, f);
  }
  return f;
}

export function templateVars(input: VarsInput): TemplateVars {
  // What a missing value becomes (locales.ts). English greets "Hi there"; French has no such word
  // ("Bonjour là" is wrong), so it uses nothing and `render` tidies the gap ("Merci {first_name} !" →
  // "Merci !"). `{away_until}` without an end date reads "I'm back soon" / "je reviens bientôt".
  const words = localeInfo(input.locale).fallback;
  const handle = clean(input.senderHandle).replace(/^@/, '');
  const atHandle = handle ? `@${handle}` : '';
  const name = clean(input.senderName);
  const format = (kind: 'date' | 'time' | 'until', t: number) =>
    formatter(kind, input.locale, input.timeZone).format(t);
  const vars: TemplateVars = {
    name: name || atHandle || words.person,
    first_name: firstNameOf(name) || atHandle || words.person,
    handle: atHandle,
    date: format('date', input.now),
    time: format('time', input.now),
    away_until: input.awayUntil === null ? words.awayUntil : format('until', input.awayUntil),
    my_name: clean(input.myName),
  };
  // validateTemplate counts on these maxima to keep every reply within X's limit.
  for (const key of TEMPLATE_VARIABLES) vars[key] = cut(vars[key], VARIABLE_MAX_LENGTH[key]).trim();
  return vars;
}

/** What a field becomes in the text: the user's answer (template-fields.ts). */
export type FieldFill = (field: { label: string; defaultValue: string | null }) => string;

/** Without answers a field renders as its default, or nothing. */
const defaultFill: FieldFill = (field) => field.defaultValue ?? '';

function renderNodes(
  nodes: readonly TemplateNode[],
  vars: Partial<TemplateVars>,
  rng: Rng,
  fill: FieldFill,
): string {
  let out = '';
  for (const node of nodes) {
    if (node.kind === 'text') out += node.value;
    else if (node.kind === 'field') out += fill(node);
    else if (node.kind === 'variable') {
      const value: unknown = vars[node.name];
      out += typeof value === 'string' ? value : '';
    } else {
      const option = node.options[indexBelow(rng, node.options.length)];
      if (option) out += renderNodes(option, vars, rng, fill);
    }
  }
  return out;
}

/**
 * Irons out what empty values and empty options leave behind: doubled spaces, a space before a comma or
 * full stop, a line that starts with a comma. Spaces before ! ? ; : are kept: French typography wants them.
 */
export function tidy(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line
        .replace(/[ \t\u00a0]+/g, ' ')
        .replace(/ ([,.])/g, '$1')
        .replace(/^[ ,]+/, '')
        .trimEnd(),
    )
    .join('\n')
    .trim();
}

/**
 * Renders a template body as plain text. Never throws: an invalid body (which `validateTemplate` would
 * refuse, and `decide` never uses) renders as its text with the braces dropped, so no syntax leaks out.
 */
export function render(
  body: string,
  vars: Partial<TemplateVars>,
  rng: Rng,
  fill: FieldFill = defaultFill,
): string {
  const parsed = parseTemplate(body);
  if (!parsed.ok) return tidy(body.replace(/[{}]/g, ''));
  return tidy(renderNodes(parsed.nodes, vars, rng, fill));
}

/** Appends the visible label of automatic messages on the same line, so it cannot be typed as Enter. */
export function appendLabel(text: string, label: string): string {
  const cleanLabel = cut(clean(label), MAX_LABEL_LENGTH).trim();
  return cleanLabel ? `${text} ${cleanLabel}` : text;
}
