import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../src/storage/db.ts';
import { claimDecision, listUndecided, recordIncoming } from '../../../src/storage/incoming.ts';
import { CURRENT_VERSION, STORES_V2 } from '../../../src/storage/schema.ts';
import { dm, freshDb } from '../support/fresh-db.ts';

describe('undecided DMs', () => {
  it('a DM stored as new waits for its decision; a second sighting adds nothing', async () => {
    const db = freshDb();
    const message = dm();
    expect(await recordIncoming(db, message)).toBe(true);
    expect(await recordIncoming(db, message)).toBe(false);
    // The inbox preview of the same message is stored, but it is not a new DM to decide.
    const preview = dm({ messageId: 'inbox:abc', source: 'inbox', text: 'Hello there, are you aro…' });
    expect(await recordIncoming(db, preview)).toBe(false);
    expect(await listUndecided(db)).toEqual([
      { threadId: message.threadId, messageId: message.messageId, detectedAt: message.detectedAt },
    ]);
  });

  it('lists the oldest first', async () => {
    const db = freshDb();
    await recordIncoming(db, dm({ messageId: 'late', threadId: '1-2', detectedAt: 20 }));
    await recordIncoming(db, dm({ messageId: 'early', threadId: '3-4', detectedAt: 10 }));
    expect((await listUndecided(db)).map((row) => row.messageId)).toEqual(['early', 'late']);
  });

  it('is claimed once: the second claim is refused', async () => {
    const db = freshDb();
    const message = dm();
    await recordIncoming(db, message);
    const claim = () => db.transaction('rw', db.undecided, () => claimDecision(db, message));
    const results = await Promise.all([claim(), claim()]);
    expect(results.sort()).toEqual([false, true]);
    expect(await db.undecided.count()).toBe(0);
  });

  it('a claim rolled back with its transaction leaves the DM waiting', async () => {
    const db = freshDb();
    const message = dm();
    await recordIncoming(db, message);
    await expect(
      db.transaction('rw', db.undecided, async () => {
        await claimDecision(db, message);
        throw new Error('the decision failed');
      }),
    ).rejects.toThrow('the decision failed');
    expect(await db.undecided.count()).toBe(1);
  });
});

describe('schema migration v2 → v3', () => {
  it('adds an empty undecided table and keeps every stored DM as decided', async () => {
    const indexedDB = new IDBFactory();
    const v2 = new Dexie('away-for-x', { indexedDB, IDBKeyRange });
    v2.version(2).stores(STORES_V2);
    await v2.table('incoming').add(dm());
    v2.close();

    const db = openDb('away-for-x', { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(CURRENT_VERSION).toBeGreaterThanOrEqual(3);
    expect(await db.incoming.toArray()).toEqual([dm()]);
    expect(await db.undecided.count()).toBe(0);
    // The new table works: its index on detectedAt is there.
    await recordIncoming(db, dm({ messageId: 'new', threadId: '5-6' }));
    expect(await db.undecided.where('detectedAt').equals(dm().detectedAt).count()).toBe(1);
    db.close();
  });
});
