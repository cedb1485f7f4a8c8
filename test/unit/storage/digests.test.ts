import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AwayDb } from '../../../src/storage/db.ts';
import { dismissDigest, followAwayState, latestDigest } from '../../../src/storage/digests.ts';
import { recordIncoming } from '../../../src/storage/incoming.ts';
import { recordOwnMessage } from '../../../src/storage/own-messages.ts';
import { dm, freshDb } from '../support/fresh-db.ts';

const START = 1_750_000_000_000;
const MIN = 60_000;
let db: AwayDb;

beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.close());

describe('stored digest', () => {
  it('is built when away ends, kept until dismissed, and counts my own answers', async () => {
    expect(await followAwayState(db, true, START, START)).toBeNull();
    await recordIncoming(
      db,
      dm({ messageId: 'a1', threadId: '1-2', senderHandle: 'Alice', detectedAt: START + MIN }),
    );
    await recordIncoming(
      db,
      dm({ messageId: 'b1', threadId: '1-3', senderHandle: 'bob', detectedAt: START + 2 * MIN }),
    );
    await recordOwnMessage(
      db,
      {
        threadId: '1-3',
        messageId: 'm1',
        text: 'hi',
        detectedAt: START + 3 * MIN,
        live: true,
        answers: ['b1'],
      },
      START + 3 * MIN,
    );
    expect(await followAwayState(db, true, START + 4 * MIN, START)).toBeNull();
    const digest = await followAwayState(db, false, START + 5 * MIN, START);
    expect(digest?.entries.map((e) => [e.handle, e.waiting])).toEqual([
      ['bob', false],
      ['alice', true],
    ]);
    expect([digest?.from, digest?.to, digest?.waiting]).toEqual([START, START + 5 * MIN, 1]);
    // Still there on the next look (popup reopened, worker restarted), until dismissed.
    expect(await followAwayState(db, false, START + 6 * MIN, START)).toEqual(digest);
    await dismissDigest(db);
    expect(await latestDigest(db)).toBeNull();
    expect(await followAwayState(db, false, START + 7 * MIN, START)).toBeNull();
  });

  it('makes no digest of an away period in which nobody wrote, and keeps an unread one', async () => {
    await followAwayState(db, true, START, START);
    expect(await followAwayState(db, false, START + MIN, START)).toBeNull();
    expect(await latestDigest(db)).toBeNull();
    // A period with a message, then a quiet one: the first digest is still the one to read.
    await followAwayState(db, true, START + 2 * MIN, START + 2 * MIN);
    await recordIncoming(
      db,
      dm({ messageId: 'c1', threadId: '1-4', senderHandle: 'carol', detectedAt: START + 3 * MIN }),
    );
    const first = await followAwayState(db, false, START + 4 * MIN, START + 2 * MIN);
    expect(first?.entries).toHaveLength(1);
    await followAwayState(db, true, START + 5 * MIN, START + 5 * MIN);
    expect(await followAwayState(db, false, START + 6 * MIN, START + 5 * MIN)).toEqual(first);
  });
});
