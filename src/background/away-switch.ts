import type { Schedule } from '../core/types.ts';
import type { MessageRouter } from '../messaging/router.ts';
import { refreshBadge, type SetAwayPayload, setAway } from '../messaging/ui.ts';
import { appendActivity } from '../storage/activity.ts';
import type { AwayDb } from '../storage/db.ts';
import { cancelJobs } from '../storage/jobs.ts';
import { type Environment, getSettings, updateSettings } from '../storage/settings.ts';
import { switchIsOn } from '../ui/away-state.ts';
import { cancelledEntry } from '../ui/cancelled-entry.ts';

export interface AwayDeps {
  db: () => AwayDb;
  env: () => Environment;
  now: () => number;
  /** Repaints the toolbar button. */
  refresh: () => Promise<void>;
}

/**
 * The schedule after the switch moved. `awaySince` restarts only when away really starts (from off or
 * ended): messages from before that are history, but changing "until" while away keeps it.
 */
export function nextSchedule(
  schedule: Schedule,
  enabled: boolean,
  until: number | null,
  now: number,
): Schedule {
  if (!enabled) return { ...schedule, awayEnabled: false, awayUntil: null };
  const wasOn = switchIsOn(schedule, now);
  return {
    ...schedule,
    awayEnabled: true,
    awayUntil: until,
    awaySince: wasOn ? (schedule.awaySince ?? now) : now,
  };
}

/**
 * Writes the switch, and when away goes off cancels every waiting or typing reply at once (invariant 6), logging
 * each so the user sees what did not go out. Throws when the settings could not be stored.
 */
export async function applyAway(
  deps: AwayDeps,
  { enabled, until }: SetAwayPayload,
): Promise<{ schedule: Schedule }> {
  const now = deps.now();
  if (enabled && until !== null && until <= now) throw new Error('setAway: "until" is not in the future');
  const db = deps.db();
  const outcome = await updateSettings(db, deps.env(), (settings) => ({
    ...settings,
    schedule: nextSchedule(settings.schedule, enabled, until, now),
  }));
  if (!outcome.ok)
    throw new Error(`setAway: settings refused (${outcome.problem.code} at ${outcome.problem.path})`);
  if (!enabled) {
    // The job being typed too: its tab learns it at its next pause and removes the text it typed.
    const cancelled = await cancelJobs(db, ['pending', 'typing']);
    for (const job of cancelled) {
      await appendActivity(db, cancelledEntry(job, now, 'awayOff'), now);
    }
  }
  await deps.refresh();
  return { schedule: outcome.value.schedule };
}

/** For the keyboard shortcut: flips the switch as the popup shows it. Returns the new state. */
export async function toggleAway(deps: AwayDeps): Promise<boolean> {
  const settings = await getSettings(deps.db(), deps.env());
  const next = !switchIsOn(settings.schedule, deps.now());
  await applyAway(deps, { enabled: next, until: null });
  return next;
}

export function registerAwaySwitch(router: MessageRouter, deps: AwayDeps): void {
  router.on(setAway, (payload) => applyAway(deps, payload)).on(refreshBadge, () => deps.refresh());
}
