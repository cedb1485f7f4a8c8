import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type AwayDb, openDb } from '../../../src/storage/db.ts';
import { eraseEverything } from '../../../src/storage/erase.ts';
import { ensureSeeded } from '../../../src/storage/seed.ts';
import { freshDb } from '../support/fresh-db.ts';
import { fillEveryTable, snapshot } from '../support/full-db.ts';

const env = { locale: 'fr' as const, timeZone: 'Europe/Paris' };

let db: AwayDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.close());

/** What a profile holds right after installation. */
async function installed(): Promise<Record<string, unknown[]>> {
  const fresh = openDb('just-installed', { indexedDB: new IDBFactory(), IDBKeyRange });
  await ensureSeeded(fresh, env);
  const rows = await snapshot(fresh);
  fresh.close();
  return rows;
}

describe('eraseEverything', () => {
  it('knows every table of the schema', () => {
    // A new table must be looked at here: erasing goes by db.tables, and so does this test.
    expect(db.tables.map((table) => table.name).sort()).toEqual([
      'activity',
      'digests',
      'incoming',
      'jobs',
      'ledger',
      'people',
      'rules',
      'settings',
      'suggestions',
      'templates',
      'threads',
      'undecided',
    ]);
  });

  it('leaves every table empty except the first-run settings, templates and rule', async () => {
    await fillEveryTable(db);
    await eraseEverything(db, env);
    const after = await snapshot(db);
    expect(after).toEqual(await installed());
    for (const name of [
      'incoming',
      'ledger',
      'jobs',
      'activity',
      'people',
      'threads',
      'suggestions',
      'undecided',
      'digests',
    ]) {
      expect(after[name], name).toEqual([]);
    }
    expect(after.settings).toHaveLength(1);
    expect(after.rules?.length).toBeGreaterThan(0);
    expect(after.templates?.length).toBeGreaterThan(0);
  });

  it('puts away mode off', async () => {
    await fillEveryTable(db);
    await eraseEverything(db, env);
    const [row] = await db.settings.toArray();
    expect(row?.value).toMatchObject({ myName: '', schedule: { awayEnabled: false, awayUntil: null } });
  });

  it('changes nothing when it cannot finish', async () => {
    await fillEveryTable(db);
    const before = await snapshot(db);
    vi.spyOn(db.settings, 'add').mockRejectedValue(new Error('disk full'));
    await expect(eraseEverything(db, env)).rejects.toThrow('disk full');
    expect(await snapshot(db)).toEqual(before);
  });
});
