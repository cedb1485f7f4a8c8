import { describe, expect, it } from 'vitest';
import {
  addDays,
  isoDate,
  offsetAt,
  safeTimeZone,
  zonedParts,
  zonedToEpoch,
} from '../../../src/core/time-zone.ts';

const utc = (y: number, mo: number, d: number, h = 0, mi = 0) => Date.UTC(y, mo - 1, d, h, mi);
const HOUR = 3_600_000;

describe('zonedParts / offsetAt', () => {
  it('reads the wall clock and weekday, midnight as 0', () => {
    expect(zonedParts(utc(2026, 3, 28, 23), 'Europe/Paris')).toEqual({
      year: 2026,
      month: 3,
      day: 29,
      hour: 0,
      minute: 0,
      second: 0,
      weekday: 0,
    });
  });

  it('follows the offsets across the switches', () => {
    expect(offsetAt(utc(2026, 3, 29, 0, 59), 'Europe/Paris')).toBe(HOUR);
    expect(offsetAt(utc(2026, 3, 29, 1), 'Europe/Paris')).toBe(2 * HOUR);
    expect(offsetAt(utc(2026, 10, 25, 0, 59), 'Europe/Paris')).toBe(2 * HOUR);
    expect(offsetAt(utc(2026, 10, 25, 1), 'Europe/Paris')).toBe(HOUR);
    expect(offsetAt(utc(2026, 3, 8, 7), 'America/New_York')).toBe(-4 * HOUR);
    expect(offsetAt(utc(2026, 11, 1, 6), 'America/New_York')).toBe(-5 * HOUR);
  });
});

describe('zonedToEpoch', () => {
  it('round-trips ordinary times', () => {
    expect(zonedToEpoch({ year: 2026, month: 6, day: 10, hour: 14, minute: 30 }, 'Europe/Paris')).toBe(
      utc(2026, 6, 10, 12, 30),
    );
    expect(zonedToEpoch({ year: 2026, month: 1, day: 10, hour: 9, minute: 0 }, 'America/New_York')).toBe(
      utc(2026, 1, 10, 14),
    );
  });

  it('a skipped time reads after the jump', () => {
    // 02:30 does not exist in Paris on 29 March 2026: it becomes 03:30 CEST.
    expect(zonedToEpoch({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, 'Europe/Paris')).toBe(
      utc(2026, 3, 29, 1, 30),
    );
    expect(zonedToEpoch({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, 'America/New_York')).toBe(
      utc(2026, 3, 8, 7, 30),
    );
  });

  it('a repeated time gives its first occurrence', () => {
    expect(zonedToEpoch({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, 'Europe/Paris')).toBe(
      utc(2026, 10, 25, 0, 30),
    );
    expect(zonedToEpoch({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, 'America/New_York')).toBe(
      utc(2026, 11, 1, 5, 30),
    );
  });
});

describe('helpers', () => {
  it('addDays crosses months and years', () => {
    expect(addDays({ year: 2026, month: 12, day: 31 }, 1)).toEqual({ year: 2027, month: 1, day: 1 });
    expect(addDays({ year: 2028, month: 3, day: 1 }, -1)).toEqual({ year: 2028, month: 2, day: 29 });
  });

  it('isoDate pads', () => {
    expect(isoDate({ year: 2026, month: 3, day: 9 })).toBe('2026-03-09');
  });

  it('an unknown zone falls back to UTC', () => {
    expect(safeTimeZone('Not/AZone')).toBe('UTC');
    expect(safeTimeZone('Europe/Paris')).toBe('Europe/Paris');
    expect(zonedParts(utc(2026, 6, 10, 12), 'Not/AZone').hour).toBe(12);
  });
});
