import * as v from 'valibot';
import type { Settings } from '../core/types.ts';
import {
  dateRange,
  handle,
  limitsFields,
  MAX_HANDLES,
  MAX_HOLIDAYS,
  MAX_URGENT_WORDS,
  MAX_WEEKLY_SLOTS,
  scheduleFields,
  timingFields,
  timingOrdered,
  topFields,
  urgentWord,
  weeklySlot,
} from './settings-schema.ts';

type Fields = Record<string, v.GenericSchema>;
type Out<F extends Fields> = { -readonly [K in keyof F]: v.InferOutput<F[K]> };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own properties only: a stored `__proto__` or inherited key must never reach the settings. */
function own(source: unknown, key: string): unknown {
  return isRecord(source) && Object.hasOwn(source, key) ? source[key] : undefined;
}

/** Each field on its own: a corrupt field falls back to its default and leaves its neighbours alone. */
function readFields<F extends Fields>(fields: F, source: unknown, defaults: Out<F>): Out<F> {
  const out = { ...defaults };
  for (const key of Object.keys(fields) as (keyof F & string)[]) {
    const parsed = v.safeParse(fields[key] as v.GenericSchema, own(source, key));
    if (parsed.success) out[key] = parsed.output as Out<F>[typeof key];
  }
  return out;
}

/**
 * Lists keep their valid items: losing a whole deny list, or an allow list that then means "everyone",
 * because one entry is damaged would be worse than dropping that entry.
 */
function readList<T>(item: v.GenericSchema<unknown, T>, max: number, raw: unknown, fallback: T[]): T[] {
  if (!Array.isArray(raw)) return [...fallback];
  const kept: T[] = [];
  for (const value of raw.slice(0, max)) {
    const parsed = v.safeParse(item, value);
    if (parsed.success) kept.push(parsed.output);
  }
  return kept;
}

const looseHandle = v.pipe(
  v.string(),
  v.transform((text) => text.trim().replace(/^@/, '').toLowerCase()),
  handle,
);

const looseWord = v.pipe(
  v.string(),
  v.transform((text) => text.trim()),
  urgentWord,
);

/**
 * Turns whatever is stored (an older version's shape, a hand-edited profile, nothing at all) into valid
 * Settings: unknown fields are dropped, missing or invalid ones take the default, and combinations that
 * must not exist are repaired towards the safe side.
 */
export function readSettings(stored: unknown, defaults: Settings): Settings {
  const rawSchedule = own(stored, 'schedule');
  const schedule = {
    ...readFields(scheduleFields, rawSchedule, defaults.schedule),
    weekly: readList(weeklySlot, MAX_WEEKLY_SLOTS, own(rawSchedule, 'weekly'), defaults.schedule.weekly),
    holidays: readList(dateRange, MAX_HOLIDAYS, own(rawSchedule, 'holidays'), defaults.schedule.holidays),
  };
  const limits = readFields(limitsFields, own(stored, 'limits'), defaults.limits);
  const readTiming = readFields(timingFields, own(stored, 'timing'), defaults.timing);
  const top = {
    ...readFields(topFields, stored, defaults),
    allowList: readList(looseHandle, MAX_HANDLES, own(stored, 'allowList'), defaults.allowList),
    denyList: readList(looseHandle, MAX_HANDLES, own(stored, 'denyList'), defaults.denyList),
    vipList: readList(looseHandle, MAX_HANDLES, own(stored, 'vipList'), defaults.vipList),
    urgentWords: readList(looseWord, MAX_URGENT_WORDS, own(stored, 'urgentWords'), defaults.urgentWords),
  };
  return {
    ...top,
    schedule,
    limits,
    timing: timingOrdered(readTiming) ? readTiming : { ...defaults.timing },
    // Auto-send is only ever on after the user accepted the warning in this browser.
    defaultMode: top.autoSendAcknowledged ? top.defaultMode : 'suggest',
  };
}
