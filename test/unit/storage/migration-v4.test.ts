import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { getContact } from '../../../src/storage/contacts.ts';
import { openDb } from '../../../src/storage/db.ts';
import { recordIncoming } from '../../../src/storage/incoming.ts';
import { STORES_V1, STORES_V2, STORES_V3 } from '../../../src/storage/schema.ts';
import { dm } from '../support/fresh-db.ts';

const T0 = 1_750_000_000_000;

/** A profile as version 3 stored it: contacts keyed by handle. */
async function createV3(indexedDB: IDBFactory): Promise<void> {
  const v3 = new Dexie('away-for-x', { indexedDB, IDBKeyRange });
  v3.version(1).stores(STORES_V1);
  v3.version(2).stores(STORES_V2);
  v3.version(3).stores(STORES_V3);
  await v3.table('contacts').bulkAdd([
    { handle: 'alice', name: 'Alice', firstSeenAt: T0, lastRepliedAt: T0 + 50, silencedAt: null },
    { handle: 'stopper', name: 'S', firstSeenAt: T0, lastRepliedAt: null, silencedAt: T0 + 30 },
  ]);
  v3.close();
}

describe('schema migration v3 → v4: contacts keyed by X user id', () => {
  it('keeps every contact, under its handle, then merges it into its id when first seen with both', async () => {
    const indexedDB = new IDBFactory();
    await createV3(indexedDB);
    const db = openDb('away-for-x', { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(4);
    expect(db.tables.map((table) => table.name)).not.toContain('contacts');
    expect(await db.people.orderBy('key').toArray()).toEqual([
      {
        key: '@alice',
        id: '',
        handle: 'alice',
        handles: ['alice'],
        name: 'Alice',
        firstSeenAt: T0,
        lastRepliedAt: T0 + 50,
        silencedAt: null,
      },
      {
        key: '@stopper',
        id: '',
        handle: 'stopper',
        handles: ['stopper'],
        name: 'S',
        firstSeenAt: T0,
        lastRepliedAt: null,
        silencedAt: T0 + 30,
      },
    ]);

    // The stored silence and cooldown are found for the person, first by handle, then by id after a rename.
    await recordIncoming(
      db,
      dm({ senderId: '77', senderHandle: 'Stopper', threadId: '1-77', detectedAt: T0 + 99 }),
    );
    await recordIncoming(
      db,
      dm({ senderId: '88', senderHandle: 'alice', threadId: '1-88', detectedAt: T0 + 99 }),
    );
    expect(await db.people.get('@stopper')).toBeUndefined();
    expect(await getContact(db, 'stopper_new', '77')).toMatchObject({ key: '77', silencedAt: T0 + 30 });
    expect(await getContact(db, 'alice2', '88')).toMatchObject({
      key: '88',
      lastRepliedAt: T0 + 50,
      firstSeenAt: T0,
      handles: ['alice'],
    });
    expect(await db.people.count()).toBe(2);
    db.close();
  });
});
