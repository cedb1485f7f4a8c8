import { describe, expect, it } from 'vitest';
import { buildDigest, type DigestMessage, followAway } from '../../../src/core/digest.ts';
import type { ActivityEntry } from '../../../src/core/types.ts';

const FROM = Date.UTC(2026, 11, 1, 9);
const TO = FROM + 8 * 3_600_000;
const MIN = 60_000;

const message = (
  threadId: string,
  messageId: string,
  at: number,
  handle = `h${threadId}`,
): DigestMessage => ({
  threadId,
  messageId,
  threadKind: 'direct',
  senderHandle: handle,
  senderName: `Name ${handle}`,
  detectedAt: at,
});

const log = (
  threadId: string,
  messageId: string,
  at: number,
  kind: ActivityEntry['kind'],
  extra: Partial<ActivityEntry> = {},
): ActivityEntry => ({ at, kind, threadId, messageId, contactHandle: `h${threadId}`, ...extra });

describe('digest: while you were away', () => {
  it('who wrote, what each got or why not, and who still waits for me; newest first', () => {
    const digest = buildDigest({
      from: FROM,
      to: TO,
      messages: [
        message('1-2', 'a1', FROM + 10 * MIN, 'Alice'),
        message('1-2', 'a2', FROM + 20 * MIN, 'Alice'),
        message('1-3', 'b1', FROM + 30 * MIN),
        message('1-4', 'c1', FROM + 40 * MIN),
        message('1-5', 'd1', FROM + 50 * MIN),
        // Before the period: not in it.
        message('1-6', 'old', FROM - MIN),
      ],
      activity: [
        log('1-2', 'a1', FROM + 10 * MIN, 'scheduled', { text: 'Away' }),
        log('1-2', 'a1', FROM + 12 * MIN, 'sent', { text: 'Away' }),
        log('1-2', 'a2', FROM + 20 * MIN, 'skipped', { reason: 'alreadyAnswered' }),
        log('1-3', 'b1', FROM + 30 * MIN, 'scheduled', { text: 'Away' }),
        log('1-3', 'b1', FROM + 31 * MIN, 'cancelled', { reason: 'answeredYourself', text: 'Away' }),
        log('1-4', 'c1', FROM + 40 * MIN, 'suggested', { text: 'Back soon' }),
        log('1-5', 'd1', FROM + 50 * MIN, 'skipped', { reason: 'stopWord' }),
      ],
      threads: [
        { threadId: '1-2', firstSeenAt: 0, lastIncomingAt: null, lastAutoReplyAt: FROM + 12 * MIN },
        {
          threadId: '1-3',
          firstSeenAt: 0,
          lastIncomingAt: null,
          lastAutoReplyAt: null,
          lastOwnAt: FROM + 31 * MIN,
        },
      ],
    });
    expect(digest.entries.map((e) => [e.threadId, e.outcome.kind, e.waiting])).toEqual([
      ['1-5', 'notReplied', true],
      ['1-4', 'suggested', true],
      ['1-3', 'notReplied', false],
      // Our automatic reply is not an answer from me.
      ['1-2', 'replied', true],
    ]);
    expect(digest.entries[3]).toMatchObject({ handle: 'alice', messages: 2, outcome: { text: 'Away' } });
    expect(digest.entries[2]?.outcome).toEqual({ kind: 'notReplied', reason: 'answeredYourself' });
    expect(digest.entries[0]?.outcome).toEqual({ kind: 'notReplied', reason: 'stopWord' });
    expect([digest.replied, digest.waiting]).toEqual([1, 3]);
  });

  it('my answer before their last message leaves them waiting', () => {
    const digest = buildDigest({
      from: FROM,
      to: TO,
      messages: [message('1-2', 'a1', FROM + 10 * MIN), message('1-2', 'a2', FROM + 30 * MIN)],
      activity: [],
      threads: [
        {
          threadId: '1-2',
          firstSeenAt: 0,
          lastIncomingAt: null,
          lastAutoReplyAt: null,
          lastOwnAt: FROM + 20 * MIN,
        },
      ],
    });
    expect(digest.entries[0]).toMatchObject({ waiting: true, outcome: { kind: 'nothing' } });
  });

  it('nobody wrote: an empty digest', () => {
    expect(buildDigest({ from: FROM, to: TO, messages: [], activity: [], threads: [] })).toEqual({
      from: FROM,
      to: TO,
      entries: [],
      replied: 0,
      waiting: 0,
    });
  });
});

describe('following the away state, with injected time', () => {
  it('a digest is due when away ends (switched off, "until" passed, or the schedule says present)', () => {
    const first = followAway(null, true, FROM + MIN, FROM);
    expect(first).toEqual({ watch: { away: true, since: FROM }, ended: null });
    expect(followAway(first.watch, true, FROM + 2 * MIN, FROM).watch).toBe(first.watch);
    expect(followAway(first.watch, false, TO, FROM)).toEqual({
      watch: { away: false, since: TO },
      ended: { from: FROM, to: TO },
    });
  });

  it('away starting opens a period without a digest; present from the start has none', () => {
    expect(followAway(null, false, FROM, null)).toEqual({ watch: { away: false, since: FROM }, ended: null });
    expect(followAway({ away: false, since: FROM }, true, TO, TO)).toEqual({
      watch: { away: true, since: TO },
      ended: null,
    });
  });
});
