import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  getContact,
  listSilencedContacts,
  silenceContact,
  unsilenceContact,
} from '../../../src/storage/contacts.ts';
import type { AwayDb } from '../../../src/storage/db.ts';
import { recordIncoming } from '../../../src/storage/incoming.ts';
import { baselineThread, getThread, recordAutoReply } from '../../../src/storage/threads.ts';
import { dm, freshDb } from '../support/fresh-db.ts';

let db: AwayDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.close());

const T0 = 1_750_000_000_000;

describe('contacts', () => {
  it('silences an existing contact, keeping the first silencing time, and unsilences', async () => {
    await recordIncoming(db, dm());
    await silenceContact(db, '@Alice', T0 + 1);
    await silenceContact(db, 'alice', T0 + 2);
    expect((await getContact(db, 'ALICE'))?.silencedAt).toBe(T0 + 1);
    expect(await unsilenceContact(db, '@alice')).toBe(true);
    expect((await getContact(db, 'alice'))?.silencedAt).toBeNull();
    expect((await getContact(db, 'alice'))?.name).toBe('Alice');
  });

  it('silences a handle that never wrote', async () => {
    expect(await silenceContact(db, 'Bob', T0)).toEqual([
      {
        key: '@bob',
        id: '',
        handle: 'bob',
        handles: ['bob'],
        name: '',
        firstSeenAt: T0,
        lastRepliedAt: null,
        silencedAt: T0,
      },
    ]);
    expect(await unsilenceContact(db, 'nobody')).toBe(false);
  });

  it('lists silenced contacts by handle', async () => {
    await silenceContact(db, 'zed', T0);
    await silenceContact(db, 'amy', T0);
    await recordIncoming(db, dm({ senderHandle: 'carl' }));
    expect((await listSilencedContacts(db)).map((c) => c.handle)).toEqual(['amy', 'zed']);
  });
});

describe('threads', () => {
  it('sets a baseline once and never moves it', async () => {
    expect(await baselineThread(db, '1-2', T0)).toEqual({
      threadId: '1-2',
      firstSeenAt: T0,
      lastIncomingAt: null,
      lastAutoReplyAt: null,
    });
    expect((await baselineThread(db, '1-2', T0 + 999)).firstSeenAt).toBe(T0);
    await recordIncoming(db, dm({ threadId: '1-2', detectedAt: T0 + 5 }));
    expect(await getThread(db, '1-2')).toMatchObject({ firstSeenAt: T0, lastIncomingAt: T0 + 5 });
  });

  it('records an automatic reply on the thread and the contact together', async () => {
    await recordIncoming(db, dm());
    await recordAutoReply(db, '100-200', '@ALICE', T0 + 100);
    expect(await getThread(db, '100-200')).toMatchObject({ firstSeenAt: T0, lastAutoReplyAt: T0 + 100 });
    expect(await getContact(db, 'alice')).toMatchObject({
      name: 'Alice',
      firstSeenAt: T0,
      lastRepliedAt: T0 + 100,
    });
  });

  it('records an automatic reply for an unknown thread and contact', async () => {
    await recordAutoReply(db, '7-8', 'dan', T0);
    expect(await getThread(db, '7-8')).toEqual({
      threadId: '7-8',
      firstSeenAt: T0,
      lastIncomingAt: null,
      lastAutoReplyAt: T0,
    });
    expect(await getContact(db, 'dan')).toMatchObject({ lastRepliedAt: T0, silencedAt: null });
  });
});
