import { describe, expect, it } from 'vitest';
import en from '../../../public/_locales/en/messages.json';
import { DEFAULT_SETTINGS } from '../../../src/core/defaults.ts';
import type { Rule, Schedule, Settings } from '../../../src/core/types.ts';
import { AWAY_KEYS, awaySentence, nextAwayStart, sendingOf } from '../../../src/ui/away-sentence.ts';

const NOW = Date.UTC(2026, 6, 1, 12, 0); // a Wednesday, 14:00 in Paris
const HOUR = 3_600_000;

function schedule(change: Partial<Schedule> = {}): Schedule {
  return { ...DEFAULT_SETTINGS.schedule, timeZone: 'Europe/Paris', ...change };
}

function settings(change: Partial<Settings> = {}): Settings {
  return { ...structuredClone(DEFAULT_SETTINGS), ...change };
}

const rule = (id: string, mode: Rule['mode'], enabled = true): Rule => ({
  id,
  name: id,
  enabled,
  priority: 10,
  trigger: { kind: 'any' },
  mode,
  when: 'away',
  templateId: 't',
});

/** Wednesday 18:00–24:00 and all of Saturday, Paris time. */
const weekly = [
  { day: 3, startMinute: 18 * 60, endMinute: 1440 },
  { day: 6, startMinute: 0, endMinute: 1440 },
];

describe('the sentence chosen for each state', () => {
  it('off, and ended by its own "until"', () => {
    expect(awaySentence(schedule(), 'suggest', NOW)).toEqual({ key: 'statusOff' });
    expect(awaySentence(schedule({ awayEnabled: true, awayUntil: NOW }), 'auto', NOW)).toEqual({
      key: 'statusEnded',
    });
  });

  it('away with no end, until an instant, or within the weekly hours, for each way of replying', () => {
    for (const sending of ['suggest', 'auto', 'mixed'] as const) {
      expect(awaySentence(schedule({ awayEnabled: true }), sending, NOW)).toEqual({
        key: AWAY_KEYS[sending].now,
      });
      expect(awaySentence(schedule({ awayEnabled: true, awayUntil: NOW + HOUR }), sending, NOW)).toEqual({
        key: AWAY_KEYS[sending].until,
        at: NOW + HOUR,
      });
      const evening = NOW + 5 * HOUR; // 19:00 in Paris
      expect(
        awaySentence(schedule({ awayEnabled: true, useWeekly: true, weekly }), sending, evening),
      ).toEqual({
        key: AWAY_KEYS[sending].hours,
      });
    }
  });

  it('outside the weekly hours: until the next away hour, when there is one before away ends', () => {
    const on = schedule({ awayEnabled: true, useWeekly: true, weekly });
    expect(awaySentence(on, 'suggest', NOW)).toEqual({ key: 'statusOutsideUntil', at: NOW + 4 * HOUR });
    expect(awaySentence({ ...on, awayUntil: NOW + 2 * HOUR }, 'suggest', NOW)).toEqual({
      key: 'statusOutside',
    });
    expect(awaySentence({ ...on, weekly: [] }, 'suggest', NOW)).toEqual({ key: 'statusOutside' });
  });

  it('has a text for every sentence', () => {
    const keys = ['statusOff', 'statusEnded', 'statusOutside', 'statusOutsideUntil'];
    for (const table of Object.values(AWAY_KEYS)) keys.push(...Object.values(table));
    for (const key of keys) expect(Object.hasOwn(en, key), key).toBe(true);
  });
});

describe('the next away hour', () => {
  it('is the next slot or holiday start on the schedule’s clock', () => {
    const on = schedule({ awayEnabled: true, useWeekly: true, weekly });
    // Wednesday 14:00 → Wednesday 18:00; Thursday 09:00 → Saturday 00:00 (both Paris time).
    expect(nextAwayStart(on, NOW)).toBe(Date.UTC(2026, 6, 1, 16));
    expect(nextAwayStart(on, Date.UTC(2026, 6, 2, 7))).toBe(Date.UTC(2026, 6, 3, 22));
    expect(
      nextAwayStart({ ...on, weekly: [], holidays: [{ from: '2026-07-04', to: '2026-07-05' }] }, NOW),
    ).toBe(Date.UTC(2026, 6, 3, 22));
    expect(nextAwayStart({ ...on, weekly: [] }, NOW)).toBeNull();
  });
});

describe('what replies do', () => {
  it('suggest until the warning was accepted, whatever the rules say', () => {
    expect(sendingOf(settings({ defaultMode: 'suggest' }), [rule('a', 'auto')])).toBe('suggest');
  });

  it('follow the enabled rules’ modes once accepted', () => {
    const accepted = settings({ autoSendAcknowledged: true, defaultMode: 'auto' });
    expect(sendingOf(accepted, [rule('a', 'auto'), rule('b', 'auto')])).toBe('auto');
    expect(sendingOf(accepted, [rule('a', 'auto'), rule('b', 'suggest')])).toBe('mixed');
    expect(sendingOf(accepted, [rule('a', 'suggest'), rule('b', 'auto', false)])).toBe('suggest');
  });

  it('without the rules, take the mode of new rules', () => {
    expect(sendingOf(settings({ autoSendAcknowledged: true, defaultMode: 'auto' }), null)).toBe('auto');
    expect(sendingOf(settings({ autoSendAcknowledged: true, defaultMode: 'suggest' }))).toBe('suggest');
  });
});
