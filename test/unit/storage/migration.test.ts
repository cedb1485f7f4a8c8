import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../src/storage/db.ts';
import { CURRENT_VERSION, mergeContactsByHandle, STORES_V1 } from '../../../src/storage/schema.ts';
import { listTemplates } from '../../../src/storage/templates.ts';

const T0 = 1_750_000_000_000;

/** Writes data the way the version 1 schema stored it, then closes that old connection. */
async function createV1(indexedDB: IDBFactory): Promise<void> {
  const v1 = new Dexie('away-for-x', { indexedDB, IDBKeyRange });
  v1.version(1).stores(STORES_V1);
  await v1.table('contacts').bulkAdd([
    { handle: 'Alice', name: 'Alice', firstSeenAt: T0 + 10, lastRepliedAt: T0 + 50, silencedAt: null },
    { handle: 'alice', name: 'alice', firstSeenAt: T0, lastRepliedAt: T0 + 20, silencedAt: T0 + 30 },
    { handle: 'Bob', name: 'Bob', firstSeenAt: T0, lastRepliedAt: null, silencedAt: null },
  ]);
  await v1.table('templates').bulkAdd([
    { id: 'b', name: 'B', body: 'Hello', locale: 'en', quickReply: true },
    { id: 'a', name: 'A', body: 'Salut', locale: 'fr', quickReply: false },
  ]);
  await v1
    .table('activity')
    .add({ at: T0, kind: 'sent', threadId: '1-2', messageId: 'm', contactHandle: 'Bob' });
  await v1
    .table('ledger')
    .add({ threadId: '1-2', messageId: 'm', jobId: 'j', state: 'sent', reservedAt: T0, updatedAt: T0 });
  v1.close();
}

describe('schema migration v1 → v2', () => {
  it('opens a version 1 database and transforms its data', async () => {
    const indexedDB = new IDBFactory();
    await createV1(indexedDB);
    const db = openDb('away-for-x', { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);

    // Version 4 then keeps them under `@handle` until they are seen with their X user id.
    expect(await db.people.orderBy('key').toArray()).toEqual([
      {
        key: '@alice',
        id: '',
        handle: 'alice',
        handles: ['alice'],
        name: 'Alice',
        firstSeenAt: T0,
        lastRepliedAt: T0 + 50,
        silencedAt: T0 + 30,
      },
      {
        key: '@bob',
        id: '',
        handle: 'bob',
        handles: ['bob'],
        name: 'Bob',
        firstSeenAt: T0,
        lastRepliedAt: null,
        silencedAt: null,
      },
    ]);
    // v1 listed templates by id: that order becomes their position.
    expect((await listTemplates(db)).map((t) => t.id)).toEqual(['a', 'b']);
    expect(await db.templates.orderBy('position').primaryKeys()).toEqual(['a', 'b']);
    expect((await db.activity.toArray())[0]?.contactHandle).toBe('bob');
    // Untouched tables keep their rows.
    expect(await db.ledger.get(['1-2', 'm'])).toMatchObject({ state: 'sent', jobId: 'j' });
    db.close();
  });

  it('a new database opens directly at the current version', async () => {
    const db = openDb('away-for-x', { indexedDB: new IDBFactory(), IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    db.close();
  });
});

describe('mergeContactsByHandle', () => {
  it('never loses a silence and never shortens a cooldown', () => {
    const merged = mergeContactsByHandle([
      { handle: 'X', name: '', firstSeenAt: 5, lastRepliedAt: null, silencedAt: 9 },
      { handle: 'x', name: 'Xena', firstSeenAt: 3, lastRepliedAt: 7, silencedAt: null },
    ]);
    expect(merged).toEqual([{ handle: 'x', name: 'Xena', firstSeenAt: 3, lastRepliedAt: 7, silencedAt: 9 }]);
  });
});
