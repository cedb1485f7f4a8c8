import { LOCALES, type LocaleCode } from './locales.ts';
import type { Rule } from './types.ts';

/**
 * What the browser's on-device detector said about a message (`i18n.detectLanguage` in Chrome and
 * Firefox: no network). The worker asks it and passes the answer in, so the choice below stays pure.
 */
export interface DetectedLanguage {
  isReliable: boolean;
  /** Most likely first; `language` is a tag such as `fr`, `pt-PT` or `und` (undetermined). */
  languages: readonly { language: string; percentage: number }[];
}

/**
 * Why a rule's reply uses the template it does:
 * - `matched`: the message is reliably in a language the rule has a template for;
 * - `noLanguageTemplates`: the rule has only its default template;
 * - `notDetected`: the browser gave no answer (detection unavailable or failed);
 * - `unknown`: the detector could not tell (`und`, or no language at all);
 * - `unreliable`: it guessed, but said the guess is not reliable (often a very short message);
 * - `notShipped`: a language Away for X does not speak;
 * - `noTemplateForLanguage`: one we speak, but the rule has no template for it.
 * Every reason but `matched` uses the rule's default template.
 */
export type LanguageReason =
  | 'matched'
  | 'noLanguageTemplates'
  | 'notDetected'
  | 'unknown'
  | 'unreliable'
  | 'notShipped'
  | 'noTemplateForLanguage';

export interface LanguagePick {
  templateId: string;
  reason: LanguageReason;
  /** The detector's first language as it said it (`fr`), or null when it said nothing usable. */
  detected: string | null;
  /** That language among ours, when it is one of ours. */
  locale: LocaleCode | null;
}

/** `fr`, `fr-CA` → `fr`; `pt`, `pt-PT` → `pt_BR` (our only Portuguese); `it`, `und` → null. */
export function shippedLocaleFor(tag: string): LocaleCode | null {
  const [language = '', region = ''] = tag.trim().replace(/_/g, '-').split('-');
  const lower = language.toLowerCase();
  const exact = region ? `${lower}_${region.toUpperCase()}` : lower;
  const found =
    LOCALES.find((locale) => locale.code === exact) ??
    LOCALES.find((locale) => locale.code.split('_')[0] === lower);
  return found ? found.code : null;
}

/** The languages a rule has a template for, and those templates' ids (stored form, see storage). */
export function languageTemplateIds(rule: Pick<Rule, 'languageTemplates'>): string[] {
  return Object.values(rule.languageTemplates ?? {}).filter((id): id is string => typeof id === 'string');
}

/** Which of a rule's templates answers this message, and why (shown by the options' dry run). */
export function chooseTemplate(
  rule: Pick<Rule, 'templateId' | 'languageTemplates'>,
  detection: DetectedLanguage | null | undefined,
): LanguagePick {
  const top = detection?.languages[0]?.language ?? '';
  const detected = top && top !== 'und' ? top : null;
  const locale = detected === null ? null : shippedLocaleFor(detected);
  const pick = (reason: LanguageReason, templateId = rule.templateId): LanguagePick => ({
    templateId,
    reason,
    detected,
    locale,
  });
  if (languageTemplateIds(rule).length === 0) return pick('noLanguageTemplates');
  if (!detection) return pick('notDetected');
  if (detected === null) return pick('unknown');
  if (!detection.isReliable) return pick('unreliable');
  if (locale === null) return pick('notShipped');
  const templateId = rule.languageTemplates?.[locale];
  return templateId ? pick('matched', templateId) : pick('noTemplateForLanguage');
}
