import { describe, expect, it } from 'vitest';
import { memoryArea } from '../../../src/background/detection.ts';
import { RetryStore } from '../../../src/background/retries.ts';
import { recentSends, sendTimeOf } from '../../../src/background/sends.ts';
import { DAY_MS } from '../../../src/core/limits.ts';
import { freshDb } from '../support/fresh-db.ts';
import { Clock, scheduled, setUp } from '../support/sending.ts';

describe('automatic sends counted by the limits', () => {
  it('sent, typing and pending jobs of the last day count (pending ones at their planned time); the rest not', async () => {
    const db = freshDb();
    const clock = new Clock();
    await setUp(db, clock);
    const pending = await scheduled(db, clock, 'alice');
    const typing = await scheduled(db, clock, 'bob');
    const sent = await scheduled(db, clock, 'carol');
    const cancelled = await scheduled(db, clock, 'dave');
    const old = await scheduled(db, clock, 'erin');
    await db.jobs.update(typing.id, { state: 'typing' });
    await db.jobs.update(sent.id, { state: 'sent', sentAt: clock.now() + 1 });
    await db.jobs.update(cancelled.id, { state: 'cancelled' });
    await db.jobs.update(old.id, {
      state: 'sent',
      sentAt: clock.now() - DAY_MS - 1,
      dueAt: clock.now() - DAY_MS - 5,
    });

    const sends = await recentSends(db, clock.now());
    expect(sends.map((s) => s.contactHandle).sort()).toEqual(['alice', 'bob', 'carol']);
    expect(sends.find((s) => s.contactHandle === 'alice')).toEqual({
      at: sendTimeOf(pending),
      threadId: pending.threadId,
      contactHandle: 'alice',
      contactKey: '@alice',
      text: pending.text,
    });
    expect(sends.find((s) => s.contactHandle === 'carol')?.at).toBe(clock.now() + 1);
    expect(sendTimeOf(pending)).toBe(pending.dueAt + pending.timing.keyDelaysMs.reduce((a, b) => a + b, 0));
  });
});

describe('retry store', () => {
  it('keeps retries soonest first, ignores malformed entries and other keys, removes one', async () => {
    const area = memoryArea();
    const store = new RetryStore(area);
    await store.put({ threadId: '1-2', messageId: 'b', retryAt: 20 });
    await store.put({ threadId: '1-2', messageId: 'a', retryAt: 10 });
    await area.set({ 'retry:bad': { threadId: 1 }, chatTab: 5 });
    expect((await store.list()).map((r) => r.messageId)).toEqual(['a', 'b']);
    await store.remove({ threadId: '1-2', messageId: 'a' });
    expect((await store.list()).map((r) => r.messageId)).toEqual(['b']);
  });
});
