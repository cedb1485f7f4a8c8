import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PREVIEW_WINDOW_MS } from '../../../src/core/preview-match.ts';
import type { AwayDb } from '../../../src/storage/db.ts';
import { normalizeHandle, recordIncoming } from '../../../src/storage/incoming.ts';
import { dm, freshDb } from '../support/fresh-db.ts';

let db: AwayDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.close());

const T0 = 1_750_000_000_000;

describe('recordIncoming', () => {
  it('stores a DM once: true the first time, false afterwards', async () => {
    expect(await recordIncoming(db, dm())).toBe(true);
    expect(await recordIncoming(db, dm({ detectedAt: T0 + 5000 }))).toBe(false);
    expect(await db.incoming.count()).toBe(1);
  });

  it('counts each of many concurrent reports of the same DM once', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => recordIncoming(db, dm())));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('creates the thread with the first sighting as baseline and advances lastIncomingAt only', async () => {
    await recordIncoming(db, dm());
    await recordIncoming(db, dm({ messageId: 'm2', detectedAt: T0 + 60_000 }));
    await recordIncoming(db, dm({ messageId: 'm0', detectedAt: T0 - 60_000 }));
    expect(await db.threads.get('100-200')).toEqual({
      threadId: '100-200',
      firstSeenAt: T0,
      lastIncomingAt: T0 + 60_000,
      lastAutoReplyAt: null,
    });
  });

  it('creates the contact by lower-case handle and refreshes its display name', async () => {
    await recordIncoming(db, dm({ senderHandle: '@Alice' }));
    await recordIncoming(db, dm({ messageId: 'm2', senderHandle: 'ALICE', senderName: 'Alice B.' }));
    expect(await db.people.toArray()).toEqual([
      {
        key: '@alice',
        id: '',
        handle: 'alice',
        handles: ['alice'],
        name: 'Alice B.',
        firstSeenAt: T0,
        lastRepliedAt: null,
        silencedAt: null,
      },
    ]);
  });

  it('keeps no contact for a sender without a handle', async () => {
    expect(await recordIncoming(db, dm({ senderHandle: '' }))).toBe(true);
    expect(await db.people.count()).toBe(0);
  });

  it('writes nothing when the transaction fails', async () => {
    db.threads.hook('creating', () => {
      throw new Error('disk full');
    });
    await expect(recordIncoming(db, dm())).rejects.toThrow('disk full');
    expect(await db.incoming.count()).toBe(0);
    expect(await db.people.count()).toBe(0);
  });
});

describe('recordIncoming: inbox preview and thread row are one message', () => {
  const preview = dm({ messageId: 'inbox:abc', source: 'inbox', text: 'Hello there, are you aro…' });

  it('a thread row after its preview is not new, and the two are linked', async () => {
    expect(await recordIncoming(db, preview)).toBe(true);
    expect(await recordIncoming(db, dm({ detectedAt: T0 + 60_000 }))).toBe(false);
    const thread = await db.incoming.get(['100-200', dm().messageId]);
    const inbox = await db.incoming.get(['100-200', 'inbox:abc']);
    expect(thread?.supersedes).toBe('inbox:abc');
    expect(inbox?.supersededBy).toBe(dm().messageId);
    // Seen again after a re-render: still not new.
    expect(await recordIncoming(db, dm({ detectedAt: T0 + 120_000 }))).toBe(false);
  });

  it('a preview after its thread row is not new', async () => {
    await recordIncoming(db, dm());
    expect(await recordIncoming(db, { ...preview, detectedAt: T0 + 30_000 })).toBe(false);
    expect((await db.incoming.get(['100-200', 'inbox:abc']))?.supersedes).toBe(dm().messageId);
  });

  it('a re-hashed preview of an already linked thread row is not new either', async () => {
    await recordIncoming(db, preview);
    await recordIncoming(db, dm());
    expect(await recordIncoming(db, { ...preview, messageId: 'inbox:def', detectedAt: T0 + 1000 })).toBe(
      false,
    );
  });

  it('accepts previews cut without ellipsis, with "...", or with other spacing', async () => {
    await recordIncoming(db, { ...preview, text: 'Hello  there,\nare you ...' });
    expect(await recordIncoming(db, dm())).toBe(false);
  });

  it('an exact full-length preview matches', async () => {
    await recordIncoming(db, { ...preview, text: dm().text });
    expect(await recordIncoming(db, dm())).toBe(false);
  });

  it('a thread row seen long after its preview is still that message (one message, however late)', async () => {
    await recordIncoming(db, preview);
    expect(await recordIncoming(db, dm({ detectedAt: T0 + PREVIEW_WINDOW_MS + 1 }))).toBe(false);
    expect(await recordIncoming(db, dm({ messageId: 'm-3h', detectedAt: T0 + 3 * 3_600_000 }))).toBe(true);
    expect((await db.incoming.get(['100-200', dm().messageId]))?.supersedes).toBe('inbox:abc');
  });

  it('late, a short preview only matches the same text; a long one matches what it starts', async () => {
    const late = T0 + 2 * 3_600_000;
    await recordIncoming(db, { ...preview, messageId: 'inbox:ok', text: 'ok' });
    expect(
      await recordIncoming(db, dm({ messageId: 'm1', text: 'ok, and one more thing', detectedAt: late })),
    ).toBe(true);
    expect(await recordIncoming(db, dm({ messageId: 'm2', text: 'ok', detectedAt: late + 1 }))).toBe(false);
  });

  it('late, a different text is a different message', async () => {
    await recordIncoming(db, preview);
    expect(await recordIncoming(db, dm({ text: 'Something else', detectedAt: T0 + 3_600_000 }))).toBe(true);
  });

  it('several messages seen first in the inbox, their rows much later: each one is one message', async () => {
    const late = T0 + 3_600_000;
    await recordIncoming(db, { ...preview, messageId: 'inbox:1', text: 'First question, about the flat' });
    await recordIncoming(db, {
      ...preview,
      messageId: 'inbox:2',
      text: 'Second question, about the car',
      detectedAt: T0 + 1_000,
    });
    const first = dm({ messageId: 'r1', text: 'First question, about the flat', detectedAt: late });
    const second = dm({ messageId: 'r2', text: 'Second question, about the car', detectedAt: late + 5 });
    expect(await recordIncoming(db, first)).toBe(false);
    expect(await recordIncoming(db, second)).toBe(false);
  });

  it('a preview seen again with a new id (another tab, another time label), then its row: one message', async () => {
    await recordIncoming(db, preview);
    await recordIncoming(db, { ...preview, messageId: 'inbox:other-tab', detectedAt: T0 + 60_000 });
    expect(await recordIncoming(db, dm({ detectedAt: T0 + 120_000 }))).toBe(false);
  });

  it('matches at exactly the window edge', async () => {
    await recordIncoming(db, preview);
    expect(await recordIncoming(db, dm({ detectedAt: T0 + PREVIEW_WINDOW_MS }))).toBe(false);
  });

  it('is a different message when the text does not start with the preview', async () => {
    await recordIncoming(db, preview);
    expect(await recordIncoming(db, dm({ text: 'Something else entirely' }))).toBe(true);
  });

  it('is a different message in another thread or from another sender', async () => {
    await recordIncoming(db, preview);
    expect(await recordIncoming(db, dm({ threadId: '100-300' }))).toBe(true);
    expect(await recordIncoming(db, dm({ messageId: 'm-bob', senderHandle: 'bob' }))).toBe(true);
  });

  it('one preview absorbs only one thread message', async () => {
    await recordIncoming(db, { ...preview, text: 'ok' });
    expect(await recordIncoming(db, dm({ messageId: 'm1', text: 'ok' }))).toBe(false);
    expect(await recordIncoming(db, dm({ messageId: 'm2', text: 'ok' }))).toBe(true);
  });

  it('prefers the longest matching preview', async () => {
    await recordIncoming(db, { ...preview, messageId: 'inbox:short', text: 'Hello…' });
    await recordIncoming(db, preview);
    await recordIncoming(db, dm());
    expect((await db.incoming.get(['100-200', dm().messageId]))?.supersedes).toBe('inbox:abc');
  });

  it('an empty preview only matches an empty message', async () => {
    await recordIncoming(db, { ...preview, text: '' });
    expect(await recordIncoming(db, dm())).toBe(true);
    expect(await recordIncoming(db, dm({ messageId: 'm-photo', text: '' }))).toBe(false);
  });
});

describe('recordIncoming: a later preview of the newest message is that message again', () => {
  const HOUR = 3_600_000;
  const preview = (id: string, text: string, at: number) =>
    dm({ messageId: `inbox:${id}`, source: 'inbox', text, detectedAt: at });

  it('a preview hours after its thread row (new id, X changed the time label) is not new', async () => {
    await recordIncoming(db, dm());
    expect(await recordIncoming(db, preview('2h', 'Hello there, are you…', T0 + 2 * HOUR))).toBe(false);
    expect((await db.incoming.get(['100-200', 'inbox:2h']))?.supersedes).toBe(dm().messageId);
  });

  it('the same preview with a new id hours later is not new', async () => {
    expect(await recordIncoming(db, preview('5m', 'See you soon…', T0))).toBe(true);
    expect(await recordIncoming(db, preview('3h', 'See you soon...', T0 + 3 * HOUR))).toBe(false);
  });

  it('a preview of an older message is a new message, which then is the newest', async () => {
    await recordIncoming(db, dm({ messageId: 'a', text: 'First question' }));
    await recordIncoming(db, dm({ messageId: 'b', text: 'Second question', detectedAt: T0 + 1000 }));
    expect(await recordIncoming(db, preview('x', 'First question', T0 + HOUR))).toBe(true);
    expect(await recordIncoming(db, preview('y', 'Second que…', T0 + 2 * HOUR))).toBe(true);
  });

  it('a second sighting does not count as them writing again', async () => {
    await recordIncoming(db, dm());
    await recordIncoming(db, preview('later', 'Hello there', T0 + HOUR));
    expect((await db.threads.get('100-200'))?.lastIncomingAt).toBe(T0);
  });
});

describe('normalizeHandle', () => {
  it('drops the @ and lower-cases', () => {
    expect(normalizeHandle('@Jack_Dorsey')).toBe('jack_dorsey');
  });
});
