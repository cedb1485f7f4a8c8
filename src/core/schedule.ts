import { addDays, isoDate, type LocalDate, zonedParts, zonedToEpoch } from './time-zone.ts';
import type { Schedule } from './types.ts';

/**
 * - `off`: the switch is off. Nothing automatic happens at all (design invariant 6).
 * - `ended`: `awayUntil` has passed. Away ended by itself, exactly as if the user had switched it off.
 * - `outside`: the switch is on but the weekly hours / holidays say the user is present right now. Automation
 *   stays armed: rules marked `when: 'always'` still answer, `when: 'away'` rules wait for the next slot.
 * - `away`: the user is away.
 */
export type AwayStatus = 'off' | 'ended' | 'outside' | 'away';

const HOUR_MS = 3_600_000;
/** The popup's "until tonight" means this hour, local time. */
export const TONIGHT_HOUR = 22;
/** The popup's "until tomorrow morning" means this hour, local time. */
export const MORNING_HOUR = 9;
/** Before this local hour, "tomorrow morning" still means the coming morning: at 01:00 nobody means 32 h. */
export const NIGHT_ENDS_HOUR = 4;

export function awayStatus(schedule: Schedule, now: number): AwayStatus {
  if (!schedule.awayEnabled) return 'off';
  if (schedule.awayUntil !== null && now >= schedule.awayUntil) return 'ended';
  if (!schedule.useWeekly) return 'away';
  const local = zonedParts(now, schedule.timeZone);
  const minute = local.hour * 60 + local.minute;
  const inSlot = schedule.weekly.some(
    (slot) => slot.day === local.weekday && slot.startMinute <= minute && minute < slot.endMinute,
  );
  if (inSlot) return 'away';
  const today = isoDate(local);
  const onHoliday = schedule.holidays.some((range) => range.from <= today && today <= range.to);
  return onHoliday ? 'away' : 'outside';
}

export function isAway(schedule: Schedule, now: number): boolean {
  return awayStatus(schedule, now) === 'away';
}

export function untilInOneHour(now: number): number {
  return now + HOUR_MS;
}

function at(date: LocalDate, hour: number, timeZone: string): number {
  return zonedToEpoch({ ...date, hour, minute: 0 }, timeZone);
}

/** 22:00 today in `timeZone`, or 22:00 tomorrow when that is already past. */
export function untilTonight(now: number, timeZone: string): number {
  const today = zonedParts(now, timeZone);
  const tonight = at(today, TONIGHT_HOUR, timeZone);
  return tonight > now ? tonight : at(addDays(today, 1), TONIGHT_HOUR, timeZone);
}

/** 09:00 on the next local day; in the small hours (before 04:00), 09:00 the same day. */
export function untilTomorrowMorning(now: number, timeZone: string): number {
  const today = zonedParts(now, timeZone);
  const day = today.hour < NIGHT_ENDS_HOUR ? today : addDays(today, 1);
  return at(day, MORNING_HOUR, timeZone);
}

const MINUTE_MS = 60_000;
/** How many slots or holiday days a stretch is followed back across before its start is taken as found. */
const MAX_STRETCH_STEPS = 64;

/**
 * With weekly hours, when the stretch of away time containing `now` began: the start of the slot or
 * holiday covering `now`, followed back across slots and days that touch it without a gap (a Friday-night
 * slot running into a weekend is one stretch). Null without weekly hours or outside away time. The
 * one-message-per-conversation rule counts from here, so each away evening answers once, not once ever.
 * A caller that already knows the status at `now` passes it.
 */
export function awayStretchStart(
  schedule: Schedule,
  now: number,
  status: AwayStatus = awayStatus(schedule, now),
): number | null {
  if (!schedule.useWeekly || status !== 'away') return null;
  let cursor = now;
  for (let step = 0; step < MAX_STRETCH_STEPS; step++) {
    const start = coverStart(schedule, cursor);
    if (awayStatus(schedule, start - MINUTE_MS) !== 'away') return start;
    cursor = start - MINUTE_MS;
  }
  return cursor;
}

/** The start of the holiday day or of the earliest-starting slot covering `at` (away time, by the caller). */
function coverStart(schedule: Schedule, at: number): number {
  const local = zonedParts(at, schedule.timeZone);
  const today = isoDate(local);
  if (schedule.holidays.some((range) => range.from <= today && today <= range.to)) {
    return Math.min(at, zonedToEpoch({ ...local, hour: 0, minute: 0 }, schedule.timeZone));
  }
  const minute = local.hour * 60 + local.minute;
  const covering = schedule.weekly.filter(
    (slot) => slot.day === local.weekday && slot.startMinute <= minute && minute < slot.endMinute,
  );
  if (covering.length === 0) return at;
  const first = Math.min(...covering.map((slot) => slot.startMinute));
  const start = zonedToEpoch(
    { ...local, hour: Math.floor(first / 60), minute: first % 60 },
    schedule.timeZone,
  );
  return Math.min(at, start);
}
