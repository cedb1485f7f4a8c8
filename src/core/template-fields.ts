import { FIELD_MAX_LENGTH, parseTemplate, type TemplateNode } from './template-syntax.ts';
import type { FieldFill } from './templates.ts';

/** One question a quick reply asks before it is inserted: `{ask:Label}` or `{ask:Label|default}`. */
export interface TemplateField {
  label: string;
  /** What the answer starts as; null when the field has none. */
  defaultValue: string | null;
}

/** Answers by field label. */
export type FieldValues = Readonly<Record<string, string>>;

function collect(nodes: readonly TemplateNode[], into: Map<string, TemplateField>): void {
  for (const node of nodes) {
    if (node.kind === 'field' && !into.has(node.label)) {
      into.set(node.label, { label: node.label, defaultValue: node.defaultValue });
    } else if (node.kind === 'variation') {
      for (const option of node.options) collect(option, into);
    }
  }
}

/**
 * The fields of a body in the order they first appear, each label once: `{ask:Date}` written twice is
 * asked once and filled in both places (the first default counts). An invalid body has none.
 */
export function templateFields(body: string): TemplateField[] {
  const parsed = parseTemplate(body);
  if (!parsed.ok) return [];
  const fields = new Map<string, TemplateField>();
  collect(parsed.nodes, fields);
  return [...fields.values()];
}

/** True when the body asks for something: such a template can be a quick reply, never a rule's reply. */
export function hasFields(body: string): boolean {
  return templateFields(body).length > 0;
}

const CONTROL_RE = /[\p{Cc}\p{Cf}]+/gu;

/** An answer as it goes into the text: one line, no control characters, at most FIELD_MAX_LENGTH. */
export function cleanAnswer(value: string): string {
  const flat = value.replace(CONTROL_RE, ' ').replace(/\s+/g, ' ').trim();
  if (flat.length <= FIELD_MAX_LENGTH) return flat;
  const head = flat.slice(0, FIELD_MAX_LENGTH);
  return /[\uD800-\uDBFF]$/.test(head) ? head.slice(0, -1) : head;
}

/** Fills each field with its answer; a field left empty takes its default, or nothing. */
export function fillWith(values: FieldValues): FieldFill {
  return (field) => {
    const answer = Object.hasOwn(values, field.label) ? cleanAnswer(values[field.label] ?? '') : '';
    return answer || (field.defaultValue ?? '');
  };
}

/** For the editor's preview: each field shows as `[Label]`, so the user sees where answers go. */
export const showFields: FieldFill = (field) => `[${field.label}]`;
