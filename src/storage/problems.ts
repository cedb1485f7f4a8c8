import type * as v from 'valibot';

/**
 * Why a write or an import was refused. Codes, not prose: the interface maps each code to text in
 * _locales (`storageProblem_<code>`), and `path` (a JSON Pointer, RFC 6901) says where.
 */
export type ProblemCode =
  | 'tooLarge'
  | 'notJson'
  | 'tooDeep'
  | 'forbiddenKey'
  | 'wrongFormat'
  | 'unsupportedVersion'
  | 'unknownKey'
  | 'missingKey'
  | 'wrongType'
  | 'tooLong'
  | 'tooMany'
  | 'invalidValue'
  | 'duplicateId'
  | 'unknownTemplate'
  | 'invalidRule'
  | 'invalidTemplate'
  | 'templateInUse'
  /** A rule would send a template that asks for a field (`{ask:…}`); detail: the rule's id. */
  | 'fieldInRule'
  | 'notFound'
  | 'storageFailed';

export interface Problem {
  code: ProblemCode;
  /** JSON Pointer to the offending value in the document or object given, '' for the whole. */
  path: string;
  /** A machine-readable precision: core's validation code, the regex position… never user text. */
  detail?: string;
  /** The name of the rule concerned, as the user wrote it, for messages that must name it. */
  ruleName?: string;
}

export type Outcome<T = undefined> = { ok: true; value: T } | { ok: false; problem: Problem };

export const fail = (code: ProblemCode, path = '', detail?: string): { ok: false; problem: Problem } => ({
  ok: false,
  problem: detail === undefined ? { code, path } : { code, path, detail },
});

export function pointer(keys: readonly (string | number)[]): string {
  return keys.map((key) => `/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** Schemas whose failure means "not even the right kind of value". */
const TYPE_SCHEMAS = new Set(['string', 'number', 'boolean', 'array', 'object', 'strict_object', 'nullable']);

/** Turns valibot's first issue into a Problem; `base` is the pointer of the value that was parsed. */
export function problemFromIssue(issue: v.BaseIssue<unknown>, base = ''): Problem {
  const keys = issue.path?.map((item) => item.key as string | number) ?? [];
  const path = base + pointer(keys);
  if (issue.type === 'strict_object' && issue.expected === 'never') return { code: 'unknownKey', path };
  if (issue.kind === 'schema' && issue.received === 'undefined' && keys.length > 0) {
    return { code: 'missingKey', path };
  }
  if (issue.type === 'max_length') {
    return { code: Array.isArray(issue.input) ? 'tooMany' : 'tooLong', path };
  }
  if (issue.kind === 'schema' && TYPE_SCHEMAS.has(issue.type)) return { code: 'wrongType', path };
  // A variant's issue points at its discriminator when the value is an object with an unknown kind.
  if (issue.type === 'variant' && keys.length === 0) return { code: 'wrongType', path };
  return { code: 'invalidValue', path };
}
