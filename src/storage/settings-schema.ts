import * as v from 'valibot';
import { X_DAILY_DM_LIMIT } from '../core/defaults.ts';
import { LOCALE_CODES } from '../core/locales.ts';

/**
 * Field schemas of Settings, strict. Two schemas are built from them: the lenient one that reads what is
 * stored (settings-read.ts: a bad field falls back to its default) and the strict one that imports a file
 * (transfer-schema.ts: a bad field refuses the file).
 */
const DAY = 86_400_000;

export const MAX_HANDLES = 5_000;
export const MAX_WEEKLY_SLOTS = 7 * 48;
export const MAX_HOLIDAYS = 500;

/** Epoch ms between 2000 and 2200: anything else is corruption, not a date the user chose. */
export const instant = v.pipe(
  v.number(),
  v.integer(),
  v.minValue(946_684_800_000),
  v.maxValue(7_258_118_400_000),
);

const int = (min: number, max: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));

/** Handles as X allows them (letters, digits, underscore), stored lower case without the @. */
export const handle = v.pipe(v.string(), v.regex(/^[a-z0-9_]{1,50}$/));

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const timeZone = v.pipe(v.string(), v.maxLength(64), v.check(isTimeZone));

export const weeklySlot = v.pipe(
  v.strictObject({ day: int(0, 6), startMinute: int(0, 1439), endMinute: int(1, 1440) }),
  v.check((slot) => slot.startMinute < slot.endMinute),
);

function isCalendarDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

const localDate = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/), v.check(isCalendarDate));

export const dateRange = v.pipe(
  v.strictObject({
    from: localDate,
    to: localDate,
    label: v.optional(v.pipe(v.string(), v.maxLength(100))),
  }),
  v.check((range) => range.from <= range.to),
);

export const scheduleFields = {
  awayEnabled: v.boolean(),
  awayUntil: v.nullable(instant),
  useWeekly: v.boolean(),
  weekly: v.pipe(v.array(weeklySlot), v.maxLength(MAX_WEEKLY_SLOTS)),
  holidays: v.pipe(v.array(dateRange), v.maxLength(MAX_HOLIDAYS)),
  timeZone,
  awaySince: v.nullable(instant),
};

/** Caps stay at or below X's own daily limit whatever a file or an old profile says. */
export const limitsFields = {
  contactCooldownMs: int(0, 365 * DAY),
  minGapMs: int(0, DAY),
  hourlyCap: int(0, X_DAILY_DM_LIMIT),
  dailyCap: int(0, X_DAILY_DM_LIMIT),
};

export const timingFields = { minDelayMs: int(0, DAY), maxDelayMs: int(0, DAY) };

export const timingOrdered = (timing: { minDelayMs: number; maxDelayMs: number }) =>
  timing.minDelayMs <= timing.maxDelayMs;

export const handleList = v.pipe(v.array(handle), v.maxLength(MAX_HANDLES));

export const MAX_URGENT_WORDS = 200;
export const MAX_URGENT_WORD = 100;
/** An urgent word or phrase of the user's: trimmed, with a letter or digit to match. */
export const urgentWord = v.pipe(
  v.string(),
  v.maxLength(MAX_URGENT_WORD),
  v.check((word) => word.trim() === word && /[\p{L}\p{N}]/u.test(word)),
);
export const urgentWordList = v.pipe(v.array(urgentWord), v.maxLength(MAX_URGENT_WORDS));

export const topFields = {
  defaultMode: v.picklist(['suggest', 'auto']),
  autoSendAcknowledged: v.boolean(),
  addAutoReplyLabel: v.boolean(),
  answerGroups: v.boolean(),
  answerRequests: v.boolean(),
  allowList: handleList,
  denyList: handleList,
  myName: v.pipe(v.string(), v.maxLength(200)),
  myHandle: v.pipe(v.string(), v.regex(/^[a-z0-9_]{0,50}$/)),
  uiLocale: v.picklist(['auto' as const, ...LOCALE_CODES]),
  urgentAlerts: v.boolean(),
  vipList: handleList,
  urgentWords: urgentWordList,
};

/** Timing, strict: the upper bound may not be below the lower one (reported at `maxDelayMs`). */
export const strictTimingSchema = v.pipe(
  v.strictObject(timingFields),
  v.forward(v.partialCheck([['minDelayMs'], ['maxDelayMs']], timingOrdered), ['maxDelayMs']),
);

/** The whole Settings object, strict: what `putSettings` accepts. */
export const strictSettingsSchema = v.pipe(
  v.strictObject({
    schedule: v.strictObject(scheduleFields),
    limits: v.strictObject(limitsFields),
    timing: strictTimingSchema,
    ...topFields,
  }),
  // Auto-send is only ever on after the user accepted the warning in this browser.
  v.forward(
    v.partialCheck(
      [['defaultMode'], ['autoSendAcknowledged']],
      (s) => s.defaultMode !== 'auto' || s.autoSendAcknowledged,
    ),
    ['defaultMode'],
  ),
);
