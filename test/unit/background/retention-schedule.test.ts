import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  RETENTION_ALARM,
  type RetentionAlarms,
  registerRetention,
} from '../../../src/background/retention.ts';
import type { AwayDb } from '../../../src/storage/db.ts';
import { RETENTION_MS } from '../../../src/storage/retention.ts';
import { dm, freshDb } from '../support/fresh-db.ts';

const NOW = 1_760_000_000_000;

/** browser.alarms in memory: alarms by name, and the listeners, fired by hand. */
function fakeAlarms(existing: Record<string, { periodInMinutes?: number }> = {}) {
  const alarms = new Map(Object.entries(existing));
  const listeners: Array<(alarm: { name: string }) => void> = [];
  const api: RetentionAlarms = {
    get: vi.fn(async (name: string) => alarms.get(name)),
    create: vi.fn((name: string, info: { periodInMinutes: number }) => {
      alarms.set(name, info);
    }),
    onAlarm: { addListener: (callback) => listeners.push(callback) },
  };
  return {
    api,
    alarms,
    fire: (name: string) => {
      for (const listener of listeners) listener({ name });
    },
  };
}

let db: AwayDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.close());

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('registerRetention: once a day, from the worker', () => {
  it('creates the daily alarm when it is missing', async () => {
    const { api, alarms } = fakeAlarms();
    registerRetention({ db: () => db, now: () => NOW, alarms: api });
    await settle();
    expect(alarms.get(RETENTION_ALARM)).toEqual({ delayInMinutes: 1, periodInMinutes: 1440 });
  });

  it('leaves an existing daily alarm alone, so waking up does not push the next pass back', async () => {
    const { api } = fakeAlarms({ [RETENTION_ALARM]: { periodInMinutes: 1440 } });
    registerRetention({ db: () => db, now: () => NOW, alarms: api });
    await settle();
    expect(api.create).not.toHaveBeenCalled();
  });

  it('prunes when its alarm fires, and only then', async () => {
    const { api, fire } = fakeAlarms();
    await db.incoming.add(dm({ detectedAt: NOW - RETENTION_MS - 1 }));
    registerRetention({ db: () => db, now: () => NOW, alarms: api });
    fire('send-jobs');
    await settle();
    expect(await db.incoming.count()).toBe(1);
    fire(RETENTION_ALARM);
    await settle();
    expect(await db.incoming.count()).toBe(0);
  });

  it('logs a failed pass instead of throwing in the listener', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { api, fire } = fakeAlarms();
    db.close({ disableAutoOpen: true });
    registerRetention({ db: () => db, now: () => NOW, alarms: api });
    fire(RETENTION_ALARM);
    await settle();
    expect(error).toHaveBeenCalledWith('Away for X: pruning old data failed', expect.anything());
    error.mockRestore();
  });
});
