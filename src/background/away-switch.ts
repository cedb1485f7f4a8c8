import type { Schedule } from '../core/types.ts';
import type { MessageRouter } from '../messaging/router.ts';
import { refreshBadgeSchema, setAwaySchema } from '../messaging/schemas/ui.ts';
import { refreshBadge, type SetAwayPayload, setAway } from '../messaging/ui.ts';
import { switchIsOn } from '../shared/away-state.ts';
import type { AwayDb } from '../storage/db.ts';
import { changeSettings, type Environment, getSettings } from '../storage/settings.ts';

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
 * Writes the switch, and when away goes off cancels every waiting or typing reply at once (invariant 6),
 * logging each so the user sees what did not go out, all in one transaction (changeSettings). The reply
 * being typed too: its tab learns it at its next pause and removes the text it typed. Throws when the
 * settings could not be stored.
 */
export async function applyAway(
  deps: AwayDeps,
  { enabled, until }: SetAwayPayload,
): Promise<{ schedule: Schedule }> {
  const now = deps.now();
  if (enabled && until !== null && until <= now) throw new Error('setAway: "until" is not in the future');
  const db = deps.db();
  const outcome = await changeSettings(
    db,
    deps.env(),
    (settings) => ({ ...settings, schedule: nextSchedule(settings.schedule, enabled, until, now) }),
    now,
  );
  if (!outcome.ok)
    throw new Error(`setAway: settings refused (${outcome.problem.code} at ${outcome.problem.path})`);
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
  router
    .on(setAway, setAwaySchema, (payload) => applyAway(deps, payload))
    .on(refreshBadge, refreshBadgeSchema, () => deps.refresh());
}
