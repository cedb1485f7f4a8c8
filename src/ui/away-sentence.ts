import { awayStatus } from '../core/schedule.ts';
import { addDays, isoDate, zonedParts, zonedToEpoch } from '../core/time-zone.ts';
import type { Rule, Schedule, Settings } from '../core/types.ts';

/** What happens to a reply while away: prepared for the user, sent by itself, or both (per rule). */
export type Sending = 'suggest' | 'auto' | 'mixed';

/**
 * What replies do, from the rules when they are known: a rule sends by itself only in auto mode and once
 * the warning was accepted (decide.ts). Without the rules (the popup's first paint), the mode of new rules
 * stands in.
 */
export function sendingOf(settings: Settings, rules?: readonly Rule[] | null): Sending {
  if (!settings.autoSendAcknowledged) return 'suggest';
  if (!rules) return settings.defaultMode === 'auto' ? 'auto' : 'suggest';
  const enabled = rules.filter((rule) => rule.enabled);
  const auto = enabled.filter((rule) => rule.mode === 'auto').length;
  return auto === 0 ? 'suggest' : auto === enabled.length ? 'auto' : 'mixed';
}

/** A message key, and the instant its `$1` names when it has one. */
export interface Sentence {
  key: string;
  at?: number;
}

const DAYS_AHEAD = 8;

/** Away right now: with no end, until an instant, or within the weekly hours; one sentence per way of replying. */
export const AWAY_KEYS: Record<Sending, { now: string; until: string; hours: string }> = {
  suggest: { now: 'statusAway_suggest', until: 'statusAwayUntil_suggest', hours: 'statusAwayHours_suggest' },
  auto: { now: 'statusAway_auto', until: 'statusAwayUntil_auto', hours: 'statusAwayHours_auto' },
  mixed: { now: 'statusAway_mixed', until: 'statusAwayUntil_mixed', hours: 'statusAwayHours_mixed' },
};

/**
 * The next instant the weekly hours or a holiday make the user away, within the coming week; null when
 * none does. Slots and holidays start on local wall-clock times of the schedule's time zone.
 */
export function nextAwayStart(schedule: Schedule, now: number): number | null {
  const today = zonedParts(now, schedule.timeZone);
  for (let offset = 0; offset < DAYS_AHEAD; offset++) {
    const date = addDays(today, offset);
    const weekday = (today.weekday + offset) % 7;
    const iso = isoDate(date);
    const starts = [
      ...schedule.weekly.filter((slot) => slot.day === weekday).map((slot) => slot.startMinute),
      ...(schedule.holidays.some((range) => range.from <= iso && iso <= range.to) ? [0] : []),
    ].sort((a, b) => a - b);
    for (const minute of starts) {
      const at = zonedToEpoch(
        { ...date, hour: Math.floor(minute / 60), minute: minute % 60 },
        schedule.timeZone,
      );
      if (at > now) return at;
    }
  }
  return null;
}

/**
 * What is happening, as one sentence: whether away is on and until when, and what replies do. The popup
 * and the options' Away section show it; each state has its own message so translators write whole
 * sentences.
 */
export function awaySentence(schedule: Schedule, sending: Sending, now: number): Sentence {
  const status = awayStatus(schedule, now);
  if (status === 'off') return { key: 'statusOff' };
  if (status === 'ended') return { key: 'statusEnded' };
  if (status === 'outside') {
    const next = nextAwayStart(schedule, now);
    const beforeEnd = next !== null && (schedule.awayUntil === null || next < schedule.awayUntil);
    return beforeEnd ? { key: 'statusOutsideUntil', at: next } : { key: 'statusOutside' };
  }
  const keys = AWAY_KEYS[sending];
  if (schedule.awayUntil !== null) return { key: keys.until, at: schedule.awayUntil };
  return { key: schedule.useWeekly ? keys.hours : keys.now };
}
