import * as v from 'valibot';
import type { Settings } from '../core/types.ts';
import type { AwayDb } from './db.ts';
import { cancelWithoutConsent, jobTables } from './jobs.ts';
import { type Outcome, problemFromIssue } from './problems.ts';
import { SETTINGS_KEY } from './rows.ts';
import { defaultSettings, type Environment } from './settings-defaults.ts';
import { readSettings } from './settings-read.ts';
import { strictSettingsSchema } from './settings-schema.ts';

export { defaultSettings, type Environment };

/** Always valid settings: what is stored, repaired field by field, or the defaults. */
export async function getSettings(db: AwayDb, env: Environment): Promise<Settings> {
  const row = await db.settings.get(SETTINGS_KEY);
  return readSettings(row?.value, defaultSettings(env));
}

/** Stores settings after strict validation; a refused value leaves what is stored untouched. */
export async function putSettings(db: AwayDb, settings: Settings): Promise<Outcome<Settings>> {
  const parsed = v.safeParse(strictSettingsSchema, settings, { abortEarly: true });
  if (!parsed.success) return { ok: false, problem: problemFromIssue(parsed.issues[0]) };
  await db.settings.put({ key: SETTINGS_KEY, value: parsed.output });
  return { ok: true, value: parsed.output };
}

/**
 * Read, change, write in one transaction, so two pages toggling different switches at once both count.
 * `change` gets a copy and returns the new settings.
 */
export function updateSettings(
  db: AwayDb,
  env: Environment,
  change: (current: Settings) => Settings,
): Promise<Outcome<Settings>> {
  return db.transaction('rw', db.settings, async () => {
    return putSettings(db, change(await getSettings(db, env)));
  });
}

/**
 * `updateSettings` for the user's own choices (a settings form, the away switch). In the same transaction,
 * every reply waiting or being typed that the new settings no longer allow (away off, deny list, allow
 * list) is cancelled and logged: whatever ends the user's consent ends those replies at once.
 */
export function changeSettings(
  db: AwayDb,
  env: Environment,
  change: (current: Settings) => Settings,
  now: number,
): Promise<Outcome<Settings>> {
  return db.transaction('rw', [db.settings, ...jobTables(db)], async () => {
    const outcome = await updateSettings(db, env, change);
    if (outcome.ok) await cancelWithoutConsent(db, outcome.value, now);
    return outcome;
  });
}
