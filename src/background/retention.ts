import type { AwayDb } from '../storage/db.ts';
import { type PruneCounts, pruneOldRows } from '../storage/retention.ts';

export const RETENTION_ALARM = 'retention';
const DAY_MINUTES = 24 * 60;

/** The part of `browser.alarms` retention uses. */
export interface RetentionAlarms {
  get(name: string): Promise<{ periodInMinutes?: number } | undefined>;
  create(name: string, info: { delayInMinutes: number; periodInMinutes: number }): void | Promise<void>;
  onAlarm: { addListener(callback: (alarm: { name: string }) => void): void };
}

export interface RetentionDeps {
  db: () => AwayDb;
  now: () => number;
  alarms: RetentionAlarms;
}

/** One pruning pass (storage/retention.ts); a failure is logged and the next day's pass tries again. */
export async function runRetention(deps: RetentionDeps): Promise<PruneCounts | null> {
  try {
    return await pruneOldRows(deps.db(), deps.now());
  } catch (error) {
    console.error('Away for X: pruning old data failed', error);
    return null;
  }
}

/**
 * Prunes detected DMs and their records once a day. The listener is added synchronously on every wake-up,
 * so the alarm that woke the worker is received; the alarm itself is created when missing (first install,
 * or a browser that dropped it), first a minute later so it stays out of the start-up rush.
 */
export function registerRetention(deps: RetentionDeps): void {
  deps.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETENTION_ALARM) void runRetention(deps);
  });
  void ensureAlarm(deps.alarms).catch((error: unknown) =>
    console.error('Away for X: retention alarm not set', error),
  );
}

async function ensureAlarm(alarms: RetentionAlarms): Promise<void> {
  if ((await alarms.get(RETENTION_ALARM))?.periodInMinutes === DAY_MINUTES) return;
  await alarms.create(RETENTION_ALARM, { delayInMinutes: 1, periodInMinutes: DAY_MINUTES });
}
