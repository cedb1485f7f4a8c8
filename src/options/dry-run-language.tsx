import type { LanguagePick, LanguageReason } from '../core/language-choice.ts';
import { t } from '../shared/i18n.ts';

const REASON_KEYS: Record<LanguageReason, string> = {
  matched: 'dryRunLanguage_matched',
  noLanguageTemplates: 'dryRunLanguage_noLanguageTemplates',
  notDetected: 'dryRunLanguage_notDetected',
  unknown: 'dryRunLanguage_unknown',
  unreliable: 'dryRunLanguage_unreliable',
  notShipped: 'dryRunLanguage_notShipped',
  noTemplateForLanguage: 'dryRunLanguage_noTemplateForLanguage',
};

/** `fr` → "French" in the page's language; the tag itself when the browser cannot name it. */
export function languageName(tag: string, displayIn: string): string {
  try {
    return new Intl.DisplayNames([displayIn], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** The dry run's account of the language: what was detected, which template answers, and why. */
export function LanguageView({
  pick,
  templateName,
  displayIn,
}: {
  pick: LanguagePick;
  templateName: (id: string) => string;
  displayIn: string;
}) {
  return (
    <p class="muted dry-run-language">
      {pick.detected === null
        ? t('dryRunLanguageNone')
        : t('dryRunLanguage', languageName(pick.detected, displayIn))}{' '}
      {t(REASON_KEYS[pick.reason])} {t('dryRunTemplate', templateName(pick.templateId))}
    </p>
  );
}
