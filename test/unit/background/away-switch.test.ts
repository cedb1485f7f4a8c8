import { describe, expect, it, vi } from 'vitest';
import {
  applyAway,
  nextSchedule,
  registerAwaySwitch,
  toggleAway,
} from '../../../src/background/away-switch.ts';
import { registerCommands, TOGGLE_AWAY_COMMAND } from '../../../src/background/commands.ts';
import { DEFAULT_SETTINGS } from '../../../src/core/defaults.ts';
import type { SendJob } from '../../../src/core/types.ts';
import { MessageRouter } from '../../../src/messaging/router.ts';
import { setAway } from '../../../src/messaging/ui.ts';
import { getSettings } from '../../../src/storage/settings.ts';
import { freshDb } from '../support/ui-setup.ts';

vi.mock('webextension-polyfill', () => ({ default: {} }));

const NOW = Date.UTC(2026, 6, 1, 12);
const env = () => ({ timeZone: 'UTC' });

function deps() {
  const db = freshDb();
  const refresh = vi.fn(async () => undefined);
  return { db, refresh, away: { db: () => db, env, now: () => NOW, refresh } };
}

const job = (id: string, state: SendJob['state']): SendJob => ({
  id,
  threadId: '1-2',
  messageId: `m-${id}`,
  contactHandle: 'alice',
  text: 'hello',
  timing: { readMs: 0, thinkMs: 0, chunks: ['hello'], keyDelaysMs: [0], totalMs: 0 },
  dueAt: NOW + 60_000,
  state,
  attempts: 0,
  createdAt: NOW - 1,
  leaseTabId: null,
  leaseUntil: null,
});

describe('nextSchedule', () => {
  const off = DEFAULT_SETTINGS.schedule;
  it('starts awaySince when away starts, keeps it when only "until" changes', () => {
    const on = nextSchedule(off, true, null, NOW);
    expect(on).toMatchObject({ awayEnabled: true, awayUntil: null, awaySince: NOW });
    expect(nextSchedule(on, true, NOW + 5_000, NOW + 1_000)).toMatchObject({
      awayUntil: NOW + 5_000,
      awaySince: NOW,
    });
  });

  it('restarts awaySince when the previous away had ended by itself', () => {
    const ended = { ...off, awayEnabled: true, awayUntil: NOW - 10, awaySince: NOW - 100 };
    expect(nextSchedule(ended, true, null, NOW).awaySince).toBe(NOW);
  });

  it('clears "until" when switched off', () => {
    const on = { ...off, awayEnabled: true, awayUntil: NOW + 10, awaySince: NOW };
    expect(nextSchedule(on, false, null, NOW)).toMatchObject({ awayEnabled: false, awayUntil: null });
  });
});

describe('applyAway', () => {
  it('stores the switch and refreshes the badge', async () => {
    const { db, refresh, away } = deps();
    const answer = await applyAway(away, { enabled: true, until: NOW + 3_600_000 });
    expect(answer.schedule).toMatchObject({ awayEnabled: true, awayUntil: NOW + 3_600_000, awaySince: NOW });
    expect((await getSettings(db, env())).schedule.awayUntil).toBe(NOW + 3_600_000);
    expect(refresh).toHaveBeenCalledOnce();
  });

  it('cancels pending replies at once when away goes off, and logs each (invariant 6)', async () => {
    const { db, away } = deps();
    await applyAway(away, { enabled: true, until: null });
    await db.jobs.bulkPut([job('a', 'pending'), job('b', 'pending'), job('c', 'sent')]);
    await applyAway(away, { enabled: false, until: null });
    const states = Object.fromEntries((await db.jobs.toArray()).map((j) => [j.id, j.state]));
    expect(states).toEqual({ a: 'cancelled', b: 'cancelled', c: 'sent' });
    const log = await db.activity.toArray();
    expect(log.map((entry) => [entry.kind, entry.reason, entry.messageId])).toEqual([
      ['cancelled', 'awayOff', 'm-a'],
      ['cancelled', 'awayOff', 'm-b'],
    ]);
  });

  it('leaves pending replies alone when away stays on', async () => {
    const { db, away } = deps();
    await db.jobs.put(job('a', 'pending'));
    await applyAway(away, { enabled: true, until: NOW + 1_000 });
    expect((await db.jobs.get('a'))?.state).toBe('pending');
  });

  it('refuses an end in the past and stores nothing', async () => {
    const { db, refresh, away } = deps();
    await expect(applyAway(away, { enabled: true, until: NOW - 1 })).rejects.toThrow(/future/);
    expect((await getSettings(db, env())).schedule.awayEnabled).toBe(false);
    expect(refresh).not.toHaveBeenCalled();
  });
});

describe('toggleAway and the shortcut', () => {
  it('flips the switch each time', async () => {
    const { db, away } = deps();
    expect(await toggleAway(away)).toBe(true);
    expect((await getSettings(db, env())).schedule.awayEnabled).toBe(true);
    expect(await toggleAway(away)).toBe(false);
    expect((await getSettings(db, env())).schedule.awayEnabled).toBe(false);
  });

  it('turns away back on when the last away had ended by itself', async () => {
    const { db, away } = deps();
    await applyAway({ ...away, now: () => NOW - 10_000 }, { enabled: true, until: NOW - 5_000 });
    expect(await toggleAway(away)).toBe(true);
    expect((await getSettings(db, env())).schedule).toMatchObject({ awayEnabled: true, awayUntil: null });
  });

  it('runs the toggle and announces the result only for toggle-away', async () => {
    let listener: ((command: string) => void) | undefined;
    const onCommand = { addListener: (fn: (command: string) => void) => (listener = fn) };
    const toggle = vi.fn(async () => true);
    const announce = vi.fn(async () => undefined);
    registerCommands(onCommand as never, { toggle, announce });
    listener?.('something-else');
    expect(toggle).not.toHaveBeenCalled();
    listener?.(TOGGLE_AWAY_COMMAND);
    await vi.waitFor(() => expect(announce).toHaveBeenCalledWith(true));
  });
});

describe('the setAway message', () => {
  it('is handled through the router, with the payload validated', async () => {
    const { db, away } = deps();
    const router = new MessageRouter('me');
    registerAwaySwitch(router, away);
    const answer = await router.dispatch(
      { type: setAway.name, payload: { enabled: true, until: null } },
      { id: 'me' },
    );
    expect(answer).toMatchObject({ schedule: { awayEnabled: true } });
    expect((await getSettings(db, env())).schedule.awayEnabled).toBe(true);
    await expect(
      router.dispatch({ type: setAway.name, payload: { enabled: 'yes', until: null } }, { id: 'me' }),
    ).rejects.toThrow(/Invalid/);
  });
});
