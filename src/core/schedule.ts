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
