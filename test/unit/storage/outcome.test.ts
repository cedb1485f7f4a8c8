import { describe, expect, it } from 'vitest';
import {
  EXPIRE_MS,
  MAX_SEND_ATTEMPTS,
  POSTPONE_MS,
  RETRY_BACKOFF_MS,
} from '../../../src/core/job-lifecycle.ts';
import { getContact } from '../../../src/storage/contacts.ts';
import { cancelJob, expireJobs, markStarted, recordFinished, takeLease } from '../../../src/storage/jobs.ts';
import { changeSettings } from '../../../src/storage/settings.ts';
import { getThread } from '../../../src/storage/threads.ts';
import { freshDb } from '../support/fresh-db.ts';
import { Clock, ENV, scheduled, setUp } from '../support/sending.ts';

async function leased(tab = 5) {
  const db = freshDb();
  const clock = new Clock();
  await setUp(db, clock);
  const job = await scheduled(db, clock);
  await takeLease(db, job.id, tab, clock.now());
  return { db, clock, job };
}

describe('job outcomes', () => {
  it('typing starts: state typing, one attempt counted, the rows already there remembered', async () => {
    const { db, clock, job } = await leased();
    expect(await markStarted(db, job.id, 6, [], clock.now())).toBe(false);
    expect(await markStarted(db, job.id, 5, ['old-1'], clock.now())).toBe(true);
    expect(await db.jobs.get(job.id)).toMatchObject({ state: 'typing', attempts: 1, seenOwnRows: ['old-1'] });
  });

  it('sent: job sent, ledger sent, thread and contact know it (cooldowns start), logged', async () => {
    const { db, clock, job } = await leased();
    await markStarted(db, job.id, 5, [], clock.now());
    clock.advance(3_000);
    expect(await recordFinished(db, { jobId: job.id, outcome: 'sent', rowId: 'r1' }, 5, clock.now())).toBe(
      true,
    );
    expect(await db.jobs.get(job.id)).toMatchObject({ state: 'sent', sentAt: clock.now(), leaseTabId: null });
    expect(await db.ledger.get([job.threadId, job.messageId])).toMatchObject({ state: 'sent' });
    expect((await getThread(db, job.threadId))?.lastAutoReplyAt).toBe(clock.now());
    expect((await getContact(db, 'alice'))?.lastRepliedAt).toBe(clock.now());
    expect((await db.activity.toArray()).map((e) => e.kind)).toEqual(['scheduled', 'sent']);
    // Reported twice (a retried report): recorded once.
    expect(
      await recordFinished(db, { jobId: job.id, outcome: 'alreadySent', rowId: 'r1' }, 5, clock.now()),
    ).toBe(true);
    expect((await db.activity.toArray()).filter((e) => e.kind === 'sent')).toHaveLength(1);
  });

  it('the send counts from when it was pressed, not from when X confirmed it', async () => {
    const { db, clock, job } = await leased();
    await markStarted(db, job.id, 5, [], clock.now());
    const pressedAt = clock.now() + 1_000;
    clock.advance(1_600);
    await recordFinished(db, { jobId: job.id, outcome: 'sent', rowId: 'r1', pressedAt }, 5, clock.now());
    expect((await db.jobs.get(job.id))?.sentAt).toBe(pressedAt);
    expect((await getThread(db, job.threadId))?.lastAutoReplyAt).toBe(pressedAt);
    // A time from the future (a confused clock) is never believed.
    const other = await scheduled(db, clock, 'bob');
    await recordFinished(
      db,
      { jobId: other.id, outcome: 'sent', rowId: 'r2', pressedAt: clock.now() + 60_000 },
      5,
      clock.now(),
    );
    expect((await db.jobs.get(other.id))?.sentAt).toBe(clock.now());
  });

  it('a sent report counts even from a tab that lost the lease, and even after a cancel: it is a fact', async () => {
    const { db, clock, job } = await leased();
    await cancelJob(db, job.id, clock.now());
    expect(await recordFinished(db, { jobId: job.id, outcome: 'sent', rowId: 'r1' }, 9, clock.now())).toBe(
      true,
    );
    expect((await db.jobs.get(job.id))?.state).toBe('sent');
  });

  it('other reports only count from the holder', async () => {
    const { db, clock, job } = await leased();
    expect(
      await recordFinished(db, { jobId: job.id, outcome: 'failed', code: 'sendFailed' }, 9, clock.now()),
    ).toBe(false);
    expect((await db.jobs.get(job.id))?.leaseTabId).toBe(5);
  });

  it('postponed: back to pending, due again a little later, lease free', async () => {
    const { db, clock, job } = await leased();
    await recordFinished(db, { jobId: job.id, outcome: 'postponed', code: 'userBusy' }, 5, clock.now());
    expect(await db.jobs.get(job.id)).toMatchObject({
      state: 'pending',
      dueAt: clock.now() + POSTPONE_MS,
      leaseTabId: null,
      leaseUntil: null,
      error: 'userBusy',
    });
  });

  it('failures retry with backoff, then give up after the last attempt, logged with the code', async () => {
    const { db, clock, job } = await leased();
    for (let attempt = 1; attempt <= MAX_SEND_ATTEMPTS; attempt++) {
      await takeLease(db, job.id, 5, clock.now());
      expect(await markStarted(db, job.id, 5, [], clock.now())).toBe(true);
      await recordFinished(db, { jobId: job.id, outcome: 'failed', code: 'sendFailed' }, 5, clock.now());
      const stored = await db.jobs.get(job.id);
      if (attempt < MAX_SEND_ATTEMPTS) {
        const backoff = RETRY_BACKOFF_MS[Math.min(attempt, RETRY_BACKOFF_MS.length) - 1];
        expect(stored).toMatchObject({ state: 'pending', attempts: attempt, dueAt: clock.now() + backoff! });
        clock.t = stored!.dueAt;
      } else {
        expect(stored).toMatchObject({ state: 'failed', attempts: MAX_SEND_ATTEMPTS, error: 'sendFailed' });
      }
    }
    expect(await db.ledger.get([job.threadId, job.messageId])).toMatchObject({ state: 'failed' });
    expect((await db.activity.toArray()).filter((e) => e.kind === 'failed')).toMatchObject([
      { reason: 'sendFailed' },
    ]);
  });

  it('an attempt cut short with no attempts left ends the job instead of typing again', async () => {
    const { db, clock, job } = await leased();
    await db.jobs.update(job.id, { attempts: MAX_SEND_ATTEMPTS, state: 'typing', error: 'notConfirmed' });
    expect(await markStarted(db, job.id, 5, [], clock.now())).toBe(false);
    expect(await db.jobs.get(job.id)).toMatchObject({ state: 'failed' });
  });

  it('stopped by the worker: the lease is freed for the next pass', async () => {
    const { db, clock, job } = await leased();
    await markStarted(db, job.id, 5, [], clock.now());
    await recordFinished(db, { jobId: job.id, outcome: 'stopped' }, 5, clock.now());
    expect(await db.jobs.get(job.id)).toMatchObject({ state: 'pending', leaseTabId: null });
  });

  it('expiry gives up jobs past their deadline unless a tab is typing them right now', async () => {
    const { db, clock, job } = await leased();
    const other = await scheduled(db, clock, 'bob');
    clock.t = Math.max(job.expiresAt!, other.expiresAt!);
    expect(other.expiresAt).toBe(other.dueAt + EXPIRE_MS);
    // The first one is leased right now (its lease was just renewed): it is not expired under the typist.
    await db.jobs.update(job.id, { leaseUntil: clock.now() + 5_000 });
    const expired = await expireJobs(db, clock.now());
    expect(expired.map((j) => j.id)).toEqual([other.id]);
    expect((await db.jobs.get(other.id))?.state).toBe('expired');
    expect(await db.ledger.get([other.threadId, other.messageId])).toMatchObject({ state: 'failed' });
    expect((await db.activity.toArray()).filter((e) => e.kind === 'failed')).toMatchObject([
      { reason: 'expired', contactHandle: 'bob' },
    ]);
  });

  it('a job that waited for the user until its deadline says so in the log (item 9)', async () => {
    const { db, clock, job } = await leased();
    await recordFinished(db, { jobId: job.id, outcome: 'postponed', code: 'userBusy' }, 5, clock.now());
    clock.t = job.expiresAt!;
    expect((await expireJobs(db, clock.now())).map((j) => j.id)).toEqual([job.id]);
    expect((await db.jobs.get(job.id))?.state).toBe('expired');
    expect((await db.activity.toArray()).filter((e) => e.kind === 'failed')).toMatchObject([
      { reason: 'expiredUserBusy' },
    ]);
  });

  it('away off cancels waiting and typing jobs, logged with awayOff', async () => {
    const { db, clock, job } = await leased();
    await markStarted(db, job.id, 5, [], clock.now());
    const other = await scheduled(db, clock, 'bob');
    await changeSettings(
      db,
      ENV,
      (s) => ({ ...s, schedule: { ...s.schedule, awayEnabled: false } }),
      clock.now(),
    );
    const cancelled = await db.jobs.where('state').equals('cancelled').toArray();
    expect(cancelled.map((j) => j.id).sort()).toEqual([job.id, other.id].sort());
    expect((await db.jobs.toArray()).map((j) => j.state)).toEqual(['cancelled', 'cancelled']);
    expect((await db.activity.toArray()).filter((e) => e.kind === 'cancelled').map((e) => e.reason)).toEqual([
      'awayOff',
      'awayOff',
    ]);
  });
});
