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
};

export const DEFAULT_TEMPLATE_IDS = {
  awayEn: 'away-en',
  awayFr: 'away-fr',
} as const;

/**
 * Starter templates. They are user data (editable, exported with the user's settings), not interface text,
 * which is why they live here and not in _locales.
 */
export const DEFAULT_TEMPLATES: Template[] = [
  {
    id: DEFAULT_TEMPLATE_IDS.awayEn,
    name: 'Away (English)',
    body: "{Hi|Hello|Hey} {first_name}, thanks for your message! I'm away at the moment and will {reply|get back to you} as soon as I can.",
    locale: 'en',
    quickReply: false,
  },
  {
    id: DEFAULT_TEMPLATE_IDS.awayFr,
    name: 'Absence (français)',
    body: '{Bonjour|Salut} {first_name}, merci pour ton message ! Je suis absent pour le moment et je te {réponds|recontacte} dès que possible.',
    locale: 'fr',
    quickReply: false,
  },
  {
    id: 'quick-en-thanks',
    name: 'Thanks',
    body: '{Thanks|Thank you} {first_name}!',
    locale: 'en',
    quickReply: true,
  },
  {
    id: 'quick-en-later',
    name: 'Later',
    body: "I'll get back to you {later today|soon}.",
    locale: 'en',
    quickReply: true,
  },
  {
    id: 'quick-en-busy',
    name: 'Busy',
    body: "Can't talk right now, I'll write back when I'm free.",
    locale: 'en',
    quickReply: true,
  },
  {
    id: 'quick-fr-thanks',
    name: 'Merci',
    body: 'Merci {first_name} !',
    locale: 'fr',
    quickReply: true,
  },
  {
    id: 'quick-fr-later',
    name: 'Plus tard',
    body: 'Je te réponds {plus tard dans la journée|bientôt}.',
    locale: 'fr',
    quickReply: true,
  },
  {
    id: 'quick-fr-busy',
    name: 'Occupé',
    body: 'Je ne peux pas répondre tout de suite, je t’écris dès que je suis libre.',
    locale: 'fr',
    quickReply: true,
  },
];

export const DEFAULT_AWAY_RULE_ID = 'away-default';

/**
 * The one starter rule: while away, suggest the away template to anyone who wrote. Its template follows the
 * user's interface language (`auto` resolves to the browser's language before this is called).
 */
export function defaultRulesFor(locale: 'en' | 'fr'): Rule[] {
  return [
    {
      id: DEFAULT_AWAY_RULE_ID,
      name: locale === 'fr' ? 'Réponse d’absence' : 'Away reply',
      enabled: true,
      priority: 100,
      trigger: { kind: 'any' },
      mode: 'suggest',
      when: 'away',
      templateId: locale === 'fr' ? DEFAULT_TEMPLATE_IDS.awayFr : DEFAULT_TEMPLATE_IDS.awayEn,
    },
  ];
}

export const DEFAULT_RULES: Rule[] = defaultRulesFor('en');
