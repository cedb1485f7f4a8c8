import { DEFAULT_LOCALE, LOCALE_CODES, type LocaleCode, localeInfo, type StarterText } from './locales.ts';
import type { Limits, Rule, Settings, Template, Timing } from './types.ts';

/** X's reported account limit on DMs per day; our caps can never exceed it. */
export const X_DAILY_DM_LIMIT = 500;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Like Gmail's vacation responder: one automatic message per contact every 4 days. */
export const DEFAULT_LIMITS: Limits = {
  contactCooldownMs: 4 * DAY,
  minGapMs: 20_000,
  hourlyCap: 20,
  dailyCap: 100,
};

export const DEFAULT_TIMING: Timing = { minDelayMs: 30_000, maxDelayMs: 120_000 };

/**
 * Safe by default: suggest mode, no auto-send until the user accepted the warning, away off. The time zone
 * is a placeholder; the storage layer replaces it with the browser's zone on first run.
 */
export const DEFAULT_SETTINGS: Settings = {
  schedule: {
    awayEnabled: false,
    awayUntil: null,
    useWeekly: false,
    weekly: [],
    holidays: [],
    timeZone: 'UTC',
    awaySince: null,
  },
  limits: DEFAULT_LIMITS,
  timing: DEFAULT_TIMING,
  defaultMode: 'suggest',
  autoSendAcknowledged: false,
  addAutoReplyLabel: false,
  answerGroups: false,
  answerRequests: false,
  allowList: [],
  denyList: [],
  myName: '',
  myHandle: '',
  uiLocale: 'auto',
  urgentAlerts: false,
  vipList: [],
  urgentWords: [],
};

/** The id of a language's starter template: `away-en`, `quick-fr-thanks`, `away-pt-br`. */
export function starterTemplateId(locale: LocaleCode, kind: string): string {
  const slug = locale.toLowerCase().replace('_', '-');
  return kind === 'away' ? `away-${slug}` : `quick-${slug}-${kind}`;
}

/**
 * One language's starter templates (locales.ts): its away message, then its quick replies. They are user
 * data (editable, exported with the user's settings), not interface text, which is why they are not in
 * _locales: they are seeded synchronously, by the worker too, and must not depend on reading a file.
 */
export function starterTemplatesOf(locale: LocaleCode): Template[] {
  const { away, quick } = localeInfo(locale).starters;
  const template = (text: StarterText, quickReply: boolean): Template => ({
    id: starterTemplateId(locale, text.kind),
    name: text.name,
    body: text.body,
    locale,
    quickReply,
  });
  return [template(away, false), ...quick.map((text) => template(text, true))];
}

/**
 * What a new profile starts with: the away templates of its language and of English (the language most
 * contacts on X can read), then the quick replies of both; only English's for an English profile.
 */
export function starterTemplatesFor(locale: LocaleCode): Template[] {
  const languages = locale === DEFAULT_LOCALE ? [locale] : [locale, DEFAULT_LOCALE];
  const all = languages.map(starterTemplatesOf);
  return [
    ...all.map((templates) => templates.filter((t) => !t.quickReply)),
    ...all.map((templates) => templates.filter((t) => t.quickReply)),
  ].flat();
}

/** The starter templates of every shipped language. */
export const DEFAULT_TEMPLATES: Template[] = LOCALE_CODES.flatMap(starterTemplatesOf);

export const DEFAULT_AWAY_RULE_ID = 'away-default';

/**
 * The one starter rule: while away, suggest the away template to anyone who wrote. Its template follows the
 * user's interface language (`auto` resolves to the browser's language before this is called).
 */
export function defaultRulesFor(locale: LocaleCode): Rule[] {
  return [
    {
      id: DEFAULT_AWAY_RULE_ID,
      name: localeInfo(locale).starters.awayRuleName,
      enabled: true,
      priority: 100,
      trigger: { kind: 'any' },
      mode: 'suggest',
      when: 'away',
      templateId: starterTemplateId(locale, 'away'),
      graceMinutes: 0,
    },
  ];
}

export const DEFAULT_RULES: Rule[] = defaultRulesFor('en');
