import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SendJob } from '../../../src/core/types.ts';
import type { AwayDb } from '../../../src/storage/db.ts';
import {
  cancelJobs,
  getJob,
  listDueJobs,
  listJobs,
  nextDueAt,
  putJob,
  scheduleJob,
  updateJob,
} from '../../../src/storage/jobs.ts';
import { getLedgerEntry, reserve, settle } from '../../../src/storage/ledger.ts';
import { connections, freshDb } from './fresh-db.ts';

const T0 = 1_750_000_000_000;

const job = (id: string, extra: Partial<SendJob> = {}): SendJob => ({
  id,
  threadId: '1-2',
  messageId: `m-${id}`,
  contactHandle: 'alice',
  text: 'Away until Monday',
  timing: { readMs: 1000, thinkMs: 500, chunks: ['Away until Monday'], keyDelaysMs: [800], totalMs: 2300 },
  dueAt: T0 + 60_000,
  state: 'pending',
  attempts: 0,
  createdAt: T0,
  leaseTabId: null,
  leaseUntil: null,
  ...extra,
});

describe('ledger: exactly once', () => {
  let db: AwayDb;
  beforeEach(() => {
    db = freshDb();
  });
  afterEach(() => db.close());

  it('reserves a key once and names the holder to later callers', async () => {
    expect(await reserve(db, '1-2', 'm1', 'job-a', T0)).toEqual({ reserved: true });
    expect(await reserve(db, '1-2', 'm1', 'job-b', T0 + 1)).toEqual({
      reserved: false,
      holder: {
        threadId: '1-2',
        messageId: 'm1',
        jobId: 'job-a',
        state: 'reserved',
        reservedAt: T0,
        updatedAt: T0,
      },
    });
    expect(await reserve(db, '1-2', 'm2', 'job-b', T0)).toEqual({ reserved: true });
  });

  it('lets only the holder settle, and a settled key stays taken', async () => {
    await reserve(db, '1-2', 'm1', 'job-a', T0);
    expect(await settle(db, '1-2', 'm1', 'job-b', 'sent', T0 + 5)).toBe(false);
    expect(await settle(db, '1-2', 'm1', 'job-a', 'failed', T0 + 5)).toBe(true);
    expect(await getLedgerEntry(db, '1-2', 'm1')).toMatchObject({
      state: 'failed',
      jobId: 'job-a',
      updatedAt: T0 + 5,
    });
    expect((await reserve(db, '1-2', 'm1', 'job-c', T0 + 9)).reserved).toBe(false);
    expect(await settle(db, '1-2', 'unknown', 'job-a', 'sent', T0)).toBe(false);
  });
});

describe('ledger under concurrency: several connections race for the same message', () => {
  it('exactly one of 12 racers across 4 connections wins, every time', async () => {
    for (let round = 0; round < 5; round++) {
      const dbs = connections(4);
      const attempts = Array.from({ length: 12 }, (_, i) =>
        reserve(dbs[i % dbs.length]!, '1-2', `m${round}`, `job-${i}`, T0 + i),
      );
      const results = await Promise.all(attempts);
      const winners = results.flatMap((r, i) => (r.reserved ? [`job-${i}`] : []));
      expect(winners).toHaveLength(1);
      for (const result of results) if (!result.reserved) expect(result.holder.jobId).toBe(winners[0]);
      for (const db of dbs) db.close();
    }
  });

  it('scheduleJob from two connections stores exactly one job for the message', async () => {
    const [a, b] = connections(2) as [AwayDb, AwayDb];
    const results = await Promise.all([
      scheduleJob(a, job('x', { messageId: 'same' })),
      scheduleJob(b, job('y', { messageId: 'same' })),
    ]);
    expect(results.filter((r) => r.reserved)).toHaveLength(1);
    expect(await a.jobs.count()).toBe(1);
    const stored = (await a.jobs.toArray())[0];
    expect((await getLedgerEntry(a, '1-2', 'same'))?.jobId).toBe(stored?.id);
    a.close();
    b.close();
  });
});

describe('jobs', () => {
  let db: AwayDb;
  beforeEach(() => {
    db = freshDb();
  });
  afterEach(() => db.close());

  it('puts, gets and updates a job', async () => {
    await putJob(db, job('a'));
    expect(await getJob(db, 'a')).toEqual(job('a'));
    expect(await updateJob(db, 'a', { state: 'typing', leaseTabId: 7, attempts: 1 })).toBe(true);
    expect(await getJob(db, 'a')).toMatchObject({ state: 'typing', leaseTabId: 7, attempts: 1 });
    expect(await updateJob(db, 'nope', { state: 'sent' })).toBe(false);
  });

  it('lists due pending jobs, oldest due first, and the next due time', async () => {
    await putJob(db, job('late', { dueAt: T0 + 500 }));
    await putJob(db, job('early', { dueAt: T0 + 100 }));
    await putJob(db, job('future', { dueAt: T0 + 10_000 }));
    await putJob(db, job('done', { dueAt: T0, state: 'sent' }));
    expect((await listDueJobs(db, T0 + 500)).map((j) => j.id)).toEqual(['early', 'late']);
    expect(await nextDueAt(db)).toBe(T0 + 100);
    expect((await listJobs(db, ['sent', 'pending'])).map((j) => j.id)).toEqual([
      'done',
      'early',
      'late',
      'future',
    ]);
  });

  it('has no next due time without pending jobs', async () => {
    await putJob(db, job('done', { state: 'sent' }));
    expect(await nextDueAt(db)).toBeNull();
  });

  it('cancels pending jobs (away switched off) and keeps their ledger entries', async () => {
    await scheduleJob(db, job('a'));
    await scheduleJob(db, job('b', { state: 'typing', leaseTabId: 3 }));
    await scheduleJob(db, job('c', { state: 'sent' }));
    expect((await cancelJobs(db)).map((j) => j.id)).toEqual(['a']);
    expect((await cancelJobs(db, ['typing'])).map((j) => j.id)).toEqual(['b']);
    expect(await getJob(db, 'b')).toMatchObject({ state: 'cancelled', leaseTabId: null });
    expect(await getJob(db, 'c')).toMatchObject({ state: 'sent' });
    expect((await reserve(db, '1-2', 'm-a', 'again', T0)).reserved).toBe(false);
  });
});
