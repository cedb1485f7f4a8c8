import type { AwayDb } from './db.ts';
import { ensureSeeded, type SeedEnvironment } from './seed.ts';

/**
 * Deletes every row of every table (whatever tables later versions add: it goes by `db.tables`), then
 * seeds the first-run settings, templates and starter rule, in one transaction: either all of it is gone
 * and the defaults are back, or nothing changed. The defaults have away mode off.
 */
export function eraseEverything(db: AwayDb, env: SeedEnvironment): Promise<void> {
  return db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.clear();
    await ensureSeeded(db, env);
  });
}
