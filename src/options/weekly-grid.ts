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
  return grid.map((hours, d) => (d === day ? hours.map((on, h) => (h === hour ? !on : on)) : hours));
}

/** Display order: Monday first, Sunday last (ISO weeks, the usual in France; fine for English too). */
export const DAY_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;
