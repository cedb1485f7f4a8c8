import type { WeeklySlot } from '../core/types.ts';

/** The grid shows whole hours: [day 0–6 (Sunday first, as stored)][hour 0–23]. */
export type HourGrid = boolean[][];

export function emptyGrid(): HourGrid {
  return Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => false));
}

/** An hour is on when a slot covers its first minute (slots from a file may not fall on whole hours). */
export function gridFromSlots(slots: readonly WeeklySlot[]): HourGrid {
  const grid = emptyGrid();
  for (const slot of slots) {
    for (let hour = 0; hour < 24; hour++) {
      const minute = hour * 60;
      if (slot.startMinute <= minute && minute < slot.endMinute) grid[slot.day]![hour] = true;
    }
  }
  return grid;
}

/** Consecutive hours of a day become one slot; a slot may end at 1440 (midnight). */
export function slotsFromGrid(grid: HourGrid): WeeklySlot[] {
  const slots: WeeklySlot[] = [];
  grid.forEach((hours, day) => {
    let start: number | null = null;
    for (let hour = 0; hour <= 24; hour++) {
      const on = hour < 24 && hours[hour] === true;
      if (on && start === null) start = hour;
      if (!on && start !== null) {
        slots.push({ day, startMinute: start * 60, endMinute: hour * 60 });
        start = null;
      }
    }
  });
  return slots;
}

export function toggled(grid: HourGrid, day: number, hour: number): HourGrid {
  return withHour(grid, day, hour, grid[day]?.[hour] !== true);
}

/** The grid with one hour set on or off (the same grid when it already is, so nothing re-renders). */
export function withHour(grid: HourGrid, day: number, hour: number, on: boolean): HourGrid {
  if ((grid[day]?.[hour] === true) === on) return grid;
  return grid.map((hours, d) => (d === day ? hours.map((value, h) => (h === hour ? on : value)) : hours));
}

export type PresetId = 'eveningsWeekends' | 'nights' | 'weekends';

const WEEKEND = new Set([0, 6]);
/** "Evenings" start at 18:00; "nights" run from 22:00 to 07:00. */
const EVENING_FROM = 18;
const NIGHT_FROM = 22;
const NIGHT_TO = 7;

/**
 * Starting points for the weekly hours (days as stored: 0 = Sunday):
 * - evenings and weekends: weekdays from 18:00 to midnight and to 07:00, all of Saturday and Sunday;
 * - nights: every day from 22:00 to 07:00;
 * - weekends: all of Saturday and Sunday.
 */
export function presetGrid(preset: PresetId): HourGrid {
  const night = (hour: number) => hour >= NIGHT_FROM || hour < NIGHT_TO;
  const rule: Record<PresetId, (day: number, hour: number) => boolean> = {
    eveningsWeekends: (day, hour) => WEEKEND.has(day) || hour >= EVENING_FROM || hour < NIGHT_TO,
    nights: (_day, hour) => night(hour),
    weekends: (day) => WEEKEND.has(day),
  };
  return Array.from({ length: 7 }, (_, day) =>
    Array.from({ length: 24 }, (_, hour) => rule[preset](day, hour)),
  );
}

/** Display order: Monday first, Sunday last (ISO weeks, the usual in France; fine for English too). */
export const DAY_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;
