import { beforeEach, describe, expect, it, vi } from 'vitest';
import { type ActionApi, badgeLook, flashBadge, paintBadge } from '../../../src/background/badge.ts';
import { clockNeed, createBadgeRefresher } from '../../../src/background/badge-state.ts';
import { DEFAULT_SETTINGS } from '../../../src/core/defaults.ts';
import type { SendJob } from '../../../src/core/types.ts';
import { putSettings } from '../../../src/storage/settings.ts';
import { freshDb, useEnglish } from '../support/ui-setup.ts';

vi.mock('webextension-polyfill', async () => {
  const { createBrowserMock } = await import('../support/browser-mock.ts');
  return { default: createBrowserMock() };
});

function fakeAction() {
  const state = { text: '', title: '', icon: {} as unknown, color: '' };
  const action = {
    setBadgeText: vi.fn(async ({ text }: { text: string | null }) => {
      state.text = text ?? '';
    }),
    setTitle: vi.fn(async ({ title }: { title: string | null }) => {
      state.title = title ?? '';
    }),
    setIcon: vi.fn(async ({ path }: { path?: unknown }) => {
      state.icon = path;
    }),
    setBadgeBackgroundColor: vi.fn(async ({ color }: { color: unknown }) => {
      state.color = String(color);
    }),
  };
  return { action: action as unknown as ActionApi, state, spies: action };
}

const until = (at: number) => `until-${at}`;

describe('badgeLook', () => {
  beforeEach(useEnglish);

  it('shows the grey icon and no count when not away and nothing waits', () => {
    const look = badgeLook({ away: false, awayUntil: null, waiting: 0, paused: false }, until);
    expect(look.text).toBe('');
    expect(look.title).toBe('Away for X — Not away');
    expect(look.icon['16']).toBe('/icons/icon-off-16.png');
  });

  it('shows the coloured icon, the end of away and the waiting count', () => {
    const look = badgeLook({ away: true, awayUntil: 42, waiting: 3, paused: false }, until);
    expect(look.text).toBe('3');
    expect(look.title).toBe('Away for X — Away until until-42 — 3 waiting');
    expect(look.icon['32']).toBe('/icons/icon-32.png');
  });

  it('caps the count and lets a failed self-check outrank it', () => {
    expect(badgeLook({ away: true, awayUntil: null, waiting: 150, paused: false }, until).text).toBe('99+');
    const paused = badgeLook({ away: true, awayUntil: null, waiting: 2, paused: true }, until);
    expect(paused.text).toBe('!');
    expect(paused.title).toContain('paused');
  });
});

describe('paintBadge and flashBadge', () => {
  beforeEach(useEnglish);

  it('paints every part of the button', async () => {
    const { action, state } = fakeAction();
    await paintBadge(action, badgeLook({ away: true, awayUntil: null, waiting: 1, paused: false }, until));
    expect(state).toMatchObject({ text: '1', title: 'Away for X — Away — 1 waiting' });
    expect(state.icon).toEqual({ '16': '/icons/icon-16.png', '32': '/icons/icon-32.png' });
  });

  it('says ON then restores the normal look', async () => {
    const { action, state } = fakeAction();
    const seen: string[] = [];
    const restore = vi.fn(async () => {
      state.text = 'restored';
    });
    await flashBadge(action, true, restore, async () => {
      seen.push(state.text, state.title);
    });
    expect(seen).toEqual(['ON', 'Away for X — Away']);
    expect(restore).toHaveBeenCalledOnce();
    expect(state.text).toBe('restored');
  });

  it('says OFF when away went off', async () => {
    const { action, state } = fakeAction();
    let shown = '';
    await flashBadge(
      action,
      false,
      async () => undefined,
      async () => {
        shown = state.text;
      },
    );
    expect(shown).toBe('OFF');
  });
});

describe('clockNeed', () => {
  const schedule = DEFAULT_SETTINGS.schedule;
  it('wakes at "until", every minute with weekly hours, never when off', () => {
    expect(clockNeed(schedule)).toBeNull();
    expect(clockNeed({ ...schedule, awayEnabled: true })).toBeNull();
    expect(clockNeed({ ...schedule, awayEnabled: true, awayUntil: 5_000 })).toEqual({ at: 5_000 });
    expect(clockNeed({ ...schedule, awayEnabled: true, useWeekly: true })).toEqual({ everyMinute: true });
  });
});

const job = (id: string, state: SendJob['state']): SendJob => ({
  id,
  threadId: '1-2',
  messageId: `m-${id}`,
  contactHandle: 'alice',
  text: 'hi',
  timing: { readMs: 0, thinkMs: 0, chunks: ['hi'], keyDelaysMs: [0], totalMs: 0 },
  dueAt: 10,
  state,
  attempts: 0,
  createdAt: 1,
  leaseTabId: null,
  leaseUntil: null,
});

describe('createBadgeRefresher', () => {
  beforeEach(useEnglish);

  it('reads away state, waiting jobs and suggestions from storage and sets the clock alarm', async () => {
    const db = freshDb();
    const now = Date.UTC(2026, 6, 1, 12);
    const settings = structuredClone(DEFAULT_SETTINGS);
    settings.uiLocale = 'en';
    settings.schedule = {
      ...settings.schedule,
      awayEnabled: true,
      awayUntil: now + 3_600_000,
      awaySince: now - 1,
    };
    expect((await putSettings(db, settings)).ok).toBe(true);
    await db.jobs.bulkPut([job('a', 'pending'), job('b', 'typing'), job('c', 'sent')]);
    await db.suggestions.put({
      threadId: '3-4',
      messageId: 'x',
      text: 't',
      ruleId: 'r',
      templateId: 'tp',
      createdAt: 1,
    });
    const { action, state } = fakeAction();
    const setClockAlarm = vi.fn(async () => undefined);
    const refresh = createBadgeRefresher({
      db: () => db,
      env: () => ({ timeZone: 'UTC' }),
      now: () => now,
      action,
      paused: async () => false,
      setClockAlarm,
    });
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({})));
    await refresh();
    vi.unstubAllGlobals();
    expect(state.text).toBe('3');
    expect(state.title).toMatch(/^Away for X — Away until .+ — 3 waiting$/);
    expect(state.icon).toEqual({ '16': '/icons/icon-16.png', '32': '/icons/icon-32.png' });
    expect(setClockAlarm).toHaveBeenCalledWith({ at: now + 3_600_000 });
  });

  it('shows not away once "until" has passed', async () => {
    const db = freshDb();
    const now = Date.UTC(2026, 6, 1, 12);
    const settings = structuredClone(DEFAULT_SETTINGS);
    settings.schedule = { ...settings.schedule, awayEnabled: true, awayUntil: now - 1, awaySince: now - 10 };
    await putSettings(db, settings);
    const { action, state } = fakeAction();
    vi.stubGlobal('fetch', async () => new Response('{}'));
    await createBadgeRefresher({
      db: () => db,
      env: () => ({ timeZone: 'UTC' }),
      now: () => now,
      action,
      paused: async () => true,
      setClockAlarm: async () => undefined,
    })();
    vi.unstubAllGlobals();
    expect(state.icon).toEqual({ '16': '/icons/icon-off-16.png', '32': '/icons/icon-off-32.png' });
    expect(state.text).toBe('!');
  });
});
