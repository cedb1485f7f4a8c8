import { type AwayDb, openDb } from '../storage/db.ts';
import type { Environment } from '../storage/settings.ts';

let current: AwayDb | undefined;

/** The extension pages' one database handle (opened lazily by Dexie on the first query). */
export function uiDb(): AwayDb {
  current ??= openDb();
  return current;
}

/** Tests give each case its own database. */
export function setUiDb(db: AwayDb): void {
  current = db;
}

/** The browser's own time zone: what the defaults use until the user picks one. */
export function uiEnv(): Environment {
  return { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone };
}
