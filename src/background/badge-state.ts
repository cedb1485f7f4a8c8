import { liveQuery } from 'dexie';
import type { Digest } from '../core/digest.ts';
import { isAway } from '../core/schedule.ts';
import type { Schedule, Settings } from '../core/types.ts';
import { formatDateTime, loadLocale } from '../shared/i18n.ts';
import type { AwayDb } from '../storage/db.ts';
import { type Environment, getSettings } from '../storage/settings.ts';
import { type ActionApi, type BadgeFacts, badgeLook, paintBadge } from './badge.ts';

export interface BadgeDeps {
  db: () => AwayDb;
  env: () => Environment;
  now: () => number;
  action: ActionApi;
  /** True when some X tab's adapter self-check failed (kept in storage.session by detection). */
  paused: () => Promise<boolean>;
  /**
   * Follows the away state; returns the digest of the last away period while it is not dismissed
   * (storage/digests.ts). Absent: no digest.
   */
  digest?: (away: boolean, now: number, awaySince: number | null) => Promise<Digest | null>;
  /** Keeps one alarm that wakes the worker when the away state may change by the clock alone. */
  setClockAlarm: (when: { at: number } | { everyMinute: true } | null) => Promise<void>;
}

/** Database facts only, so a live query can watch exactly these tables. */
export async function readStoredFacts(db: AwayDb, env: Environment) {
  const settings = await getSettings(db, env);
  const jobs = await db.jobs.where('state').anyOf(['pending', 'typing']).count();
  const suggestions = await db.suggestions.count();
  // Read so that dismissing the digest repaints the tooltip.
  await db.digests.get('latest');
  return { settings, waiting: jobs + suggestions };
}

/** When the away state can change without any write: at "until", or at every minute with weekly hours. */
export function clockNeed(schedule: Schedule): { at: number } | { everyMinute: true } | null {
  if (!schedule.awayEnabled) return null;
  if (schedule.useWeekly) return { everyMinute: true };
  return schedule.awayUntil !== null ? { at: schedule.awayUntil } : null;
}

/**
 * Returns `refresh`: reads everything and paints. Refreshes run one after another, so a slow one can
 * never paint over a newer one.
 */
export function createBadgeRefresher(
  deps: BadgeDeps,
): (stored?: { settings: Settings; waiting: number }) => Promise<void> {
  let queue: Promise<void> = Promise.resolve();
  const run = async (stored?: { settings: Settings; waiting: number }) => {
    const { settings, waiting } = stored ?? (await readStoredFacts(deps.db(), deps.env()));
    await loadLocale(settings.uiLocale);
    const now = deps.now();
    const away = isAway(settings.schedule, now);
    const digest = await deps.digest?.(away, now, settings.schedule.awaySince);
    const facts: BadgeFacts = {
      digest: digest ?? null,
      away,
      awayUntil: settings.schedule.awayUntil,
      waiting,
      paused: await deps.paused(),
    };
    const zone = { timeZone: settings.schedule.timeZone };
    await paintBadge(
      deps.action,
      badgeLook(facts, (at) => formatDateTime(at, zone)),
    );
    await deps.setClockAlarm(clockNeed(settings.schedule));
  };
  return (stored) => {
    queue = queue
      .then(() => run(stored))
      .catch((error: unknown) => console.error('Badge refresh failed', error));
    return queue;
  };
}

/** Follows the database from any context (Dexie broadcasts writes), for as long as the worker is awake. */
export function watchStoredFacts(
  db: () => AwayDb,
  env: () => Environment,
  refresh: ReturnType<typeof createBadgeRefresher>,
): () => void {
  const subscription = liveQuery(() => readStoredFacts(db(), env())).subscribe({
    next: (stored) => void refresh(stored),
    error: (error: unknown) => console.error('Badge watch failed', error),
  });
  return () => subscription.unsubscribe();
}
