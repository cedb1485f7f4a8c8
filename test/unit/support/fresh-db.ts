import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { IncomingDm } from '../../../src/core/types.ts';
import { type AwayDb, openDb } from '../../../src/storage/db.ts';

/** A database in its own in-memory IndexedDB, so tests never share state. */
export function freshDb(): AwayDb {
  return openDb('away-for-x-test', { indexedDB: new IDBFactory(), IDBKeyRange });
}

/** Several connections to one database, like two tabs and the worker of one browser profile. */
export function connections(count: number): AwayDb[] {
  const indexedDB = new IDBFactory();
  return Array.from({ length: count }, () => openDb('away-for-x-test', { indexedDB, IDBKeyRange }));
}

export function dm(overrides: Partial<IncomingDm> = {}): IncomingDm {
  return {
    messageId: '11111111-1111-4111-8111-111111111111',
    threadId: '100-200',
    threadKind: 'direct',
    senderId: '',
    senderHandle: 'alice',
    senderName: 'Alice',
    text: 'Hello there, are you around this week?',
    timeLabel: '10:42 AM',
    detectedAt: 1_750_000_000_000,
    source: 'thread',
    ...overrides,
  };
}
