import { type AwayDb, openDb } from '../storage/db.ts';

// Kept here too for the pages and the worker that import it with the database handle; code that must not
// load Dexie imports it from env.ts.
export { uiEnv } from './env.ts';

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
