import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, X_DAILY_DM_LIMIT } from '../../../src/core/defaults.ts';
import type { Settings } from '../../../src/core/types.ts';
import type { AwayDb } from '../../../src/storage/db.ts';
import { SETTINGS_KEY } from '../../../src/storage/rows.ts';
import { defaultSettings, getSettings, putSettings, updateSettings } from '../../../src/storage/settings.ts';
import { freshDb } from '../support/fresh-db.ts';

let db: AwayDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.close());

const env = { timeZone: 'Europe/Paris' };
const defaults = defaultSettings(env);
const store = (value: unknown) => db.settings.put({ key: SETTINGS_KEY, value });

describe('defaultSettings', () => {
  it("is core's defaults in the browser's time zone, as a copy", () => {
    expect(defaults).toEqual({
      ...DEFAULT_SETTINGS,
      schedule: { ...DEFAULT_SETTINGS.schedule, timeZone: 'Europe/Paris' },
    });
    defaults.allowList.push('x');
    expect(DEFAULT_SETTINGS.allowList).toEqual([]);
    defaults.allowList.pop();
  });

  it('falls back to UTC for a zone Intl does not know', () => {
    expect(defaultSettings({ timeZone: 'Mars/Olympus' }).schedule.timeZone).toBe('UTC');
  });
});

describe('getSettings: validated on read', () => {
  it('gives the defaults when nothing is stored', async () => {
    expect(await getSettings(db, env)).toEqual(defaults);
  });

  it('gives the defaults for a stored value that is not an object', async () => {
    for (const value of [null, 42, 'settings', [1, 2]]) {
      await store(value);
      expect(await getSettings(db, env)).toEqual(defaults);
    }
  });

  it('keeps valid fields and replaces only the corrupt or missing ones', async () => {
    await store({
      schedule: { awayEnabled: true, awayUntil: 'tomorrow', timeZone: 'Asia/Tokyo' },
      limits: { hourlyCap: 5, dailyCap: X_DAILY_DM_LIMIT + 1 },
      myName: 'Ann',
      answerGroups: 'yes',
      legacyField: 1,
    });
    const settings = await getSettings(db, env);
    expect(settings.schedule).toEqual({ ...defaults.schedule, awayEnabled: true, timeZone: 'Asia/Tokyo' });
    expect(settings.limits).toEqual({ ...defaults.limits, hourlyCap: 5 });
    expect(settings.myName).toBe('Ann');
    expect(settings.answerGroups).toBe(false);
    expect(settings).not.toHaveProperty('legacyField');
  });

  it('keeps the valid entries of a list with a damaged one, normalizing handles', async () => {
    await store({
      denyList: ['@Spammer', 42, 'not a handle!', 'bot_1'],
      schedule: {
        weekly: [
          { day: 1, startMinute: 540, endMinute: 1020 },
          { day: 9, startMinute: 0, endMinute: 60 },
          { day: 2, startMinute: 600, endMinute: 500 },
        ],
        holidays: [
          { from: '2026-08-01', to: '2026-08-15' },
          { from: '2026-02-30', to: '2026-03-01' },
        ],
      },
    });
    const settings = await getSettings(db, env);
    expect(settings.denyList).toEqual(['spammer', 'bot_1']);
    expect(settings.schedule.weekly).toEqual([{ day: 1, startMinute: 540, endMinute: 1020 }]);
    expect(settings.schedule.holidays).toEqual([{ from: '2026-08-01', to: '2026-08-15' }]);
  });

  it('repairs combinations towards the safe side', async () => {
    await store({
      defaultMode: 'auto',
      autoSendAcknowledged: false,
      timing: { minDelayMs: 9000, maxDelayMs: 10 },
    });
    const settings = await getSettings(db, env);
    expect(settings.defaultMode).toBe('suggest');
    expect(settings.timing).toEqual(defaults.timing);
    await store({ defaultMode: 'auto', autoSendAcknowledged: true });
    expect((await getSettings(db, env)).defaultMode).toBe('auto');
  });

  it('ignores inherited and __proto__ keys', async () => {
    await store(JSON.parse('{"__proto__": {"myName": "evil"}, "myHandle": "me"}'));
    const settings = await getSettings(db, env);
    expect(settings.myName).toBe('');
    expect(settings.myHandle).toBe('me');
    expect(({} as Record<string, unknown>).myName).toBeUndefined();
  });
});

describe('putSettings', () => {
  const valid: Settings = { ...defaults, myName: 'Ann', myHandle: 'ann' };

  it('stores valid settings, read back unchanged', async () => {
    expect(await putSettings(db, valid)).toEqual({ ok: true, value: valid });
    expect(await getSettings(db, env)).toEqual(valid);
  });

  it.each([
    [{ ...valid, dailyCap: 5 } as unknown as Settings, 'unknownKey', '/dailyCap'],
    [{ ...valid, limits: { ...valid.limits, dailyCap: 501 } }, 'invalidValue', '/limits/dailyCap'],
    [{ ...valid, myName: 7 } as unknown as Settings, 'wrongType', '/myName'],
    [{ ...valid, myName: 'x'.repeat(201) }, 'tooLong', '/myName'],
    [{ ...valid, defaultMode: 'auto' }, 'invalidValue', '/defaultMode'],
    [{ ...valid, timing: { minDelayMs: 10, maxDelayMs: 5 } }, 'invalidValue', '/timing/maxDelayMs'],
    [
      { ...valid, schedule: { ...valid.schedule, timeZone: 'Nowhere/Land' } },
      'invalidValue',
      '/schedule/timeZone',
    ],
  ] as const)('refuses %# with %s at %s and keeps what was stored', async (settings, code, path) => {
    await putSettings(db, valid);
    expect(await putSettings(db, settings)).toEqual({ ok: false, problem: { code, path } });
    expect(await getSettings(db, env)).toEqual(valid);
  });
});

describe('updateSettings', () => {
  it('applies concurrent changes to different fields without losing either', async () => {
    await Promise.all([
      updateSettings(db, env, (s) => ({ ...s, answerGroups: true })),
      updateSettings(db, env, (s) => ({ ...s, myName: 'Ann' })),
    ]);
    const settings = await getSettings(db, env);
    expect(settings.answerGroups).toBe(true);
    expect(settings.myName).toBe('Ann');
  });

  it('returns the problem and changes nothing when the result is invalid', async () => {
    const outcome = await updateSettings(db, env, (s) => ({ ...s, uiLocale: 'xx' as 'en' }));
    expect(outcome).toEqual({ ok: false, problem: { code: 'invalidValue', path: '/uiLocale' } });
    expect(await db.settings.count()).toBe(0);
  });
});
