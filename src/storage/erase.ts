import type { AwayDb } from './db.ts';
import { eraseJobs } from './jobs.ts';
import { ensureSeeded, type SeedEnvironment } from './seed.ts';

/**
 * Deletes every row of every table (whatever tables later versions add: it goes by `db.tables`), then
 * seeds the first-run settings, templates and starter rule, in one transaction: either all of it is gone
 * and the defaults are back, or nothing changed. The defaults have away mode off.
 */
export function eraseEverything(db: AwayDb, env: SeedEnvironment): Promise<void> {
  return db.transaction('rw', db.tables, async () => {
    // Jobs and the ledger through their owner, which is the only writer of both.
    const owned = new Set<string>([db.jobs.name, db.ledger.name]);
    await eraseJobs(db);
    for (const table of db.tables) if (!owned.has(table.name)) await table.clear();
    await ensureSeeded(db, env);
  });
}
