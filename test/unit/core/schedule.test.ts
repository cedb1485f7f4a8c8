import { describe, expect, it } from 'vitest';
import {
  awayStatus,
  awayStretchStart,
  isAway,
  untilInOneHour,
  untilTomorrowMorning,
  untilTonight,
} from '../../../src/core/schedule.ts';
import type { Schedule } from '../../../src/core/types.ts';

const utc = (y: number, mo: number, d: number, h = 0, mi = 0) => Date.UTC(y, mo - 1, d, h, mi);
const schedule = (over: Partial<Schedule> = {}): Schedule => ({
  awayEnabled: true,
  awayUntil: null,
  useWeekly: false,
  weekly: [],
  holidays: [],
  timeZone: 'Europe/Paris',
  awaySince: null,
  ...over,
});

describe('awayStatus', () => {
  const now = utc(2026, 6, 10, 12);

  it('off / ended / away', () => {
    expect(awayStatus(schedule({ awayEnabled: false }), now)).toBe('off');
    expect(awayStatus(schedule({ awayUntil: now }), now)).toBe('ended');
    expect(awayStatus(schedule({ awayUntil: now + 1 }), now)).toBe('away');
    expect(awayStatus(schedule(), now)).toBe('away');
    expect(isAway(schedule(), now)).toBe(true);
    expect(isAway(schedule({ awayEnabled: false }), now)).toBe(false);
  });

  it('the switch wins over weekly hours', () => {
    const always = schedule({
      awayEnabled: false,
      useWeekly: true,
      weekly: [{ day: 3, startMinute: 0, endMinute: 1440 }],
    });
    expect(awayStatus(always, now)).toBe('off');
  });

  it('weekly hours across the spring-forward night in Paris (Sunday 29 March 2026)', () => {
    // Away Sundays 02:00–04:00 local; 02:00–03:00 does not exist that night.
    const s = schedule({ useWeekly: true, weekly: [{ day: 0, startMinute: 120, endMinute: 240 }] });
    expect(awayStatus(s, utc(2026, 3, 29, 0, 59))).toBe('outside'); // 01:59 CET
    expect(awayStatus(s, utc(2026, 3, 29, 1, 0))).toBe('away'); // 03:00 CEST
    expect(awayStatus(s, utc(2026, 3, 29, 1, 59))).toBe('away'); // 03:59 CEST
    expect(awayStatus(s, utc(2026, 3, 29, 2, 0))).toBe('outside'); // 04:00 CEST
  });

  it('weekly hours across the fall-back night in New York (Sunday 1 November 2026)', () => {
    // Away Saturdays 22:00–24:00 local.
    const s = schedule({
      timeZone: 'America/New_York',
      useWeekly: true,
      weekly: [{ day: 6, startMinute: 1320, endMinute: 1440 }],
    });
    expect(awayStatus(s, utc(2026, 11, 1, 1, 59))).toBe('outside'); // Sat 21:59 EDT
    expect(awayStatus(s, utc(2026, 11, 1, 2, 0))).toBe('away'); // Sat 22:00 EDT
    expect(awayStatus(s, utc(2026, 11, 1, 3, 59))).toBe('away'); // Sat 23:59 EDT
    expect(awayStatus(s, utc(2026, 11, 1, 4, 0))).toBe('outside'); // Sun 00:00 EDT
    // 01:30 happens twice that night; a Sunday 01:00–02:00 slot covers both.
    const sunday = schedule({
      timeZone: 'America/New_York',
      useWeekly: true,
      weekly: [{ day: 0, startMinute: 60, endMinute: 120 }],
    });
    expect(awayStatus(sunday, utc(2026, 11, 1, 5, 30))).toBe('away'); // 01:30 EDT
    expect(awayStatus(sunday, utc(2026, 11, 1, 6, 30))).toBe('away'); // 01:30 EST
    expect(awayStatus(sunday, utc(2026, 11, 1, 7, 0))).toBe('outside'); // 02:00 EST
  });

  it('holidays count whole local days, inclusive', () => {
    const s = schedule({ useWeekly: true, holidays: [{ from: '2026-12-24', to: '2026-12-26' }] });
    expect(awayStatus(s, utc(2026, 12, 23, 22, 59))).toBe('outside'); // 23:59 on the 23rd in Paris
    expect(awayStatus(s, utc(2026, 12, 23, 23, 0))).toBe('away'); // 00:00 on the 24th
    expect(awayStatus(s, utc(2026, 12, 26, 22, 59))).toBe('away'); // 23:59 on the 26th
    expect(awayStatus(s, utc(2026, 12, 26, 23, 0))).toBe('outside');
  });
});

describe('quick "until" choices', () => {
  it('in one hour', () => {
    expect(untilInOneHour(utc(2026, 1, 1))).toBe(utc(2026, 1, 1, 1));
  });

  it('tonight: 22:00 local today, or tomorrow once past', () => {
    expect(untilTonight(utc(2026, 6, 10, 12), 'Europe/Paris')).toBe(utc(2026, 6, 10, 20)); // 22:00 CEST
    expect(untilTonight(utc(2026, 6, 10, 20), 'Europe/Paris')).toBe(utc(2026, 6, 11, 20));
  });

  it('tonight across DST: Paris Saturday 28 March 23:00 → Sunday 22:00 CEST, 22 hours later (not 23)', () => {
    const now = utc(2026, 3, 28, 22); // 23:00 CET
    expect(untilTonight(now, 'Europe/Paris')).toBe(utc(2026, 3, 29, 20));
    expect(untilTonight(now, 'Europe/Paris') - now).toBe(22 * 3_600_000);
  });

  it('tonight across DST: New York Saturday 7 March 23:00 EST → Sunday 22:00 EDT', () => {
    expect(untilTonight(utc(2026, 3, 8, 4), 'America/New_York')).toBe(utc(2026, 3, 9, 2));
  });

  it('tomorrow morning: 09:00 next local day, DST-correct', () => {
    // Paris, Saturday 24 October 20:00 CEST → Sunday 09:00 CET (clocks went back in between).
    expect(untilTomorrowMorning(utc(2026, 10, 24, 18), 'Europe/Paris')).toBe(utc(2026, 10, 25, 8));
    // New York, Saturday 31 October 22:00 EDT → Sunday 09:00 EST.
    expect(untilTomorrowMorning(utc(2026, 11, 1, 2), 'America/New_York')).toBe(utc(2026, 11, 1, 14));
    // New York, Saturday 7 March 12:00 EST → Sunday 09:00 EDT.
    expect(untilTomorrowMorning(utc(2026, 3, 7, 17), 'America/New_York')).toBe(utc(2026, 3, 8, 13));
  });

  it('tomorrow morning in the small hours means this coming morning', () => {
    // 01:30 in Paris on 10 June → 09:00 the same day.
    expect(untilTomorrowMorning(utc(2026, 6, 9, 23, 30), 'Europe/Paris')).toBe(utc(2026, 6, 10, 7));
    // 04:00 → the next day.
    expect(untilTomorrowMorning(utc(2026, 6, 10, 2), 'Europe/Paris')).toBe(utc(2026, 6, 11, 7));
  });
});

describe('awayStretchStart', () => {
  // Wednesday 10 June 2026, 14:00 in Paris (UTC+2).
  const now = utc(2026, 6, 10, 12);
  const weekly = (slots: Schedule['weekly'], over: Partial<Schedule> = {}) =>
    schedule({ useWeekly: true, weekly: slots, ...over });

  it('is null without weekly hours, with the switch off, or outside away time', () => {
    expect(awayStretchStart(schedule(), now)).toBeNull();
    const slot = [{ day: 3, startMinute: 13 * 60, endMinute: 18 * 60 }];
    expect(awayStretchStart(weekly(slot, { awayEnabled: false }), now)).toBeNull();
    expect(awayStretchStart(weekly([{ day: 3, startMinute: 15 * 60, endMinute: 18 * 60 }]), now)).toBeNull();
  });

  it('is the start of the slot covering now, the earliest of overlapping ones', () => {
    expect(awayStretchStart(weekly([{ day: 3, startMinute: 13 * 60, endMinute: 18 * 60 }]), now)).toBe(
      utc(2026, 6, 10, 11),
    );
    const overlapping = [
      { day: 3, startMinute: 13 * 60, endMinute: 18 * 60 },
      { day: 3, startMinute: 10 * 60, endMinute: 15 * 60 },
    ];
    expect(awayStretchStart(weekly(overlapping), now)).toBe(utc(2026, 6, 10, 8));
  });

  it('follows slots that touch back across midnight, and stops at a gap', () => {
    const night = [
      { day: 2, startMinute: 20 * 60, endMinute: 1440 },
      { day: 3, startMinute: 0, endMinute: 16 * 60 },
    ];
    expect(awayStretchStart(weekly(night), now)).toBe(utc(2026, 6, 9, 18));
    const gap = [
      { day: 2, startMinute: 20 * 60, endMinute: 1439 },
      { day: 3, startMinute: 0, endMinute: 16 * 60 },
    ];
    expect(awayStretchStart(weekly(gap), now)).toBe(utc(2026, 6, 9, 22));
  });

  it("counts a run of holidays as one stretch from the first day's local midnight", () => {
    const holidays = [{ from: '2026-06-08', to: '2026-06-10' }];
    expect(awayStretchStart(weekly([], { holidays }), now)).toBe(utc(2026, 6, 7, 22));
  });
});
