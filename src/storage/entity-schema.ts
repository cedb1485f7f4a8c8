import * as v from 'valibot';
import { LOCALE_CODES, type LocaleCode } from '../core/locales.ts';
import { MAX_KEYWORDS, MAX_PATTERN_LENGTH } from '../core/rule-limits.ts';
import { MAX_TEMPLATE_LENGTH } from '../core/template-syntax.ts';
import type { Rule, Template, Trigger } from '../core/types.ts';

/** Bounds that keep the database, the options page and an imported file small and fast. */
export const MAX_RULES = 1_000;
export const MAX_TEMPLATES = 1_000;
export const MAX_NAME = 200;
export const MAX_KEYWORD = 200;
/** A grace period of at most a day: longer, and the reply would no longer be an away reply. */
export const MAX_GRACE_MINUTES = 1440;

export const entityId = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/));
const name = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_NAME));

export const triggerSchema = v.variant('kind', [
  v.strictObject({ kind: v.literal('any') }),
  v.strictObject({ kind: v.literal('firstContact') }),
  v.strictObject({
    kind: v.literal('keywords'),
    keywords: v.pipe(
      v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_KEYWORD))),
      v.minLength(1),
      v.maxLength(MAX_KEYWORDS),
    ),
  }),
  v.strictObject({
    kind: v.literal('regex'),
    pattern: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_PATTERN_LENGTH)),
  }),
]);

export const ruleSchema = v.strictObject({
  id: entityId,
  name,
  enabled: v.boolean(),
  priority: v.pipe(v.number(), v.integer(), v.minValue(-1_000_000), v.maxValue(1_000_000)),
  trigger: triggerSchema,
  mode: v.picklist(['suggest', 'auto']),
  when: v.picklist(['away', 'always']),
  templateId: entityId,
  // Absent in files and rows written before grace periods existed: no grace period.
  graceMinutes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_GRACE_MINUTES)), 0),
  /** Optional, so files and rows from before it existed stay valid; written only when not empty. */
  languageTemplates: v.optional(v.record(v.picklist(LOCALE_CODES), entityId)),
  // Optional, and stored and written only when true: files from before it stay valid and unchanged.
  answerUrgent: v.optional(v.boolean()),
}) satisfies v.GenericSchema<unknown, Rule>;

export const templateSchema = v.strictObject({
  id: entityId,
  name,
  body: v.pipe(v.string(), v.maxLength(MAX_TEMPLATE_LENGTH)),
  locale: v.picklist(LOCALE_CODES),
  quickReply: v.boolean(),
}) satisfies v.GenericSchema<unknown, Template>;

/**
 * Only the field its kind uses, in a fixed key order. The options page may leave `keywords` behind when
 * the user switches a rule to `any`; storing and exporting the clean form keeps files strict-valid.
 */
export function cleanTrigger(trigger: Trigger): Trigger {
  switch (trigger.kind) {
    case 'keywords':
      return { kind: 'keywords', keywords: trigger.keywords ?? [] };
    case 'regex':
      return { kind: 'regex', pattern: trigger.pattern ?? '' };
    default:
      return { kind: trigger.kind };
  }
}

/** The language templates in the order of LOCALE_CODES, without empty choices; undefined when none. */
export function cleanLanguageTemplates(
  chosen: Rule['languageTemplates'],
): Partial<Record<LocaleCode, string>> | undefined {
  const clean: Partial<Record<LocaleCode, string>> = {};
  for (const code of LOCALE_CODES) {
    const id = chosen?.[code];
    if (id) clean[code] = id;
  }
  return Object.keys(clean).length > 0 ? clean : undefined;
}

/** A rule with its keys in the documented order and nothing else (see docs/settings-format.md). */
export function cleanRule(rule: Rule): Rule {
  const clean: Rule = {
    id: rule.id,
    name: rule.name,
    enabled: rule.enabled,
    priority: rule.priority,
    trigger: cleanTrigger(rule.trigger),
    mode: rule.mode,
    when: rule.when,
    templateId: rule.templateId,
    graceMinutes: rule.graceMinutes ?? 0,
    ...(rule.answerUrgent === true ? { answerUrgent: true } : {}),
  };
  const languageTemplates = cleanLanguageTemplates(rule.languageTemplates);
  if (languageTemplates) clean.languageTemplates = languageTemplates;
  return clean;
}

export function cleanTemplate(template: Template): Template {
  return {
    id: template.id,
    name: template.name,
    body: template.body,
    locale: template.locale,
    quickReply: template.quickReply,
  };
}
