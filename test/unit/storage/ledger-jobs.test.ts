import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/core/defaults.ts';
import { type NewJob, scheduleStep } from '../../../src/core/job-lifecycle.ts';
import type { Settings } from '../../../src/core/types.ts';
import type { AwayDb } from '../../../src/storage/db.ts';
import {
  cancelContactJobs,
  cancelJob,
  cancelWithoutConsent,
  checkBeforeSend,
  eraseJobs,
  listJobs,
  markStarted,
  recordFinished,
  scheduleJob,
  takeLease,
} from '../../../src/storage/jobs.ts';
import { connections, freshDb } from '../support/fresh-db.ts';

const T0 = 1_750_000_000_000;

const step = (id: string, extra: Partial<NewJob> = {}) =>
  scheduleStep(
    {
      id,
      threadId: '1-2',
      messageId: `m-${id}`,
      contactHandle: 'alice',
      text: 'Away until Monday',
      timing: {
        readMs: 1000,
        thinkMs: 500,
        chunks: ['Away until Monday'],
        keyDelaysMs: [800],
        totalMs: 2300,
      },
      dueAt: T0 + 60_000,
      ...extra,
    },
    T0,
  );

const away: Settings = {
  ...DEFAULT_SETTINGS,
  schedule: { ...DEFAULT_SETTINGS.schedule, awayEnabled: true, awaySince: T0 - 1 },
};

/** A job scheduled, leased to tab 3 and being typed there. */
async function typing(db: AwayDb, id: string, extra: Partial<NewJob> = {}) {
  await scheduleJob(db, step(id, extra));
  await takeLease(db, id, 3, T0);
  expect(await markStarted(db, id, 3, [], T0)).toBe(true);
}

describe('ledger: exactly once', () => {
  let db: AwayDb;
  beforeEach(() => {
    db = freshDb();
  });
  afterEach(() => db.close());

  it('reserves a message once, stores and logs its job, and names the holder to later callers', async () => {
    expect(await scheduleJob(db, step('a', { messageId: 'm1' }))).toEqual({ reserved: true });
    expect(await scheduleJob(db, step('b', { messageId: 'm1' }))).toEqual({
      reserved: false,
      holder: {
        threadId: '1-2',
        messageId: 'm1',
        jobId: 'a',
        state: 'reserved',
        reservedAt: T0,
        updatedAt: T0,
      },
    });
    expect((await db.jobs.toArray()).map((job) => job.id)).toEqual(['a']);
    expect(await db.activity.toArray()).toMatchObject([{ kind: 'scheduled', messageId: 'm1' }]);
  });

  it('a settled message stays taken, sent or failed', async () => {
    await typing(db, 'a');
    await recordFinished(db, { jobId: 'a', outcome: 'sent' }, 3, T0 + 5);
    expect(await db.ledger.get(['1-2', 'm-a'])).toMatchObject({
      state: 'sent',
      jobId: 'a',
      updatedAt: T0 + 5,
    });
    expect((await scheduleJob(db, step('c', { messageId: 'm-a' }))).reserved).toBe(false);
  });
});

describe('ledger under concurrency: several connections race for the same message', () => {
  it('exactly one of 12 racers across 4 connections wins, every time, and the others learn who', async () => {
    for (let round = 0; round < 5; round++) {
      const dbs = connections(4);
      const attempts = Array.from({ length: 12 }, (_, i) =>
        scheduleJob(dbs[i % dbs.length]!, step(`job-${i}`, { messageId: `m${round}` })),
      );
      const results = await Promise.all(attempts);
      const winners = results.flatMap((r, i) => (r.reserved ? [`job-${i}`] : []));
      expect(winners).toHaveLength(1);
      for (const result of results) if (!result.reserved) expect(result.holder.jobId).toBe(winners[0]);
      expect(await dbs[0]!.jobs.count()).toBe(1);
      for (const db of dbs) db.close();
    }
  });
});

describe('cancelling: every path through the owner, logged in the same transaction', () => {
  let db: AwayDb;
  beforeEach(() => {
    db = freshDb();
  });
  afterEach(() => db.close());

  it('the user cancels one waiting or typing reply; a finished one is gone already', async () => {
    await scheduleJob(db, step('a'));
    await typing(db, 'b');
    await scheduleJob(db, step('c'));
    await cancelJob(db, 'c', T0);
    expect(await cancelJob(db, 'a', T0 + 1)).toBe(true);
    expect(await cancelJob(db, 'b', T0 + 1)).toBe(true);
    expect(await cancelJob(db, 'c', T0 + 1)).toBe(false);
    expect(await cancelJob(db, 'nope', T0 + 1)).toBe(false);
    expect((await listJobs(db, ['cancelled'])).map((job) => [job.id, job.leaseTabId])).toEqual([
      ['a', null],
      ['b', null],
      ['c', null],
    ]);
    const log = (await db.activity.toArray()).filter((entry) => entry.kind === 'cancelled');
    expect(log.map((entry) => [entry.messageId, entry.reason, entry.text])).toEqual([
      ['m-c', undefined, 'Away until Monday'],
      ['m-a', undefined, 'Away until Monday'],
      ['m-b', undefined, 'Away until Monday'],
    ]);
    // The ledger keeps them reserved: a cancelled message is never answered later.
    expect((await scheduleJob(db, step('again', { messageId: 'm-a' }))).reserved).toBe(false);
  });

  it('away off cancels them all; a stop or a silence only that person’s', async () => {
    await scheduleJob(db, step('a'));
    await scheduleJob(db, step('b', { contactHandle: 'bob' }));
    await typing(db, 'c', { contactHandle: 'bob' });
    expect(
      (await cancelContactJobs(db, { key: '@bob', handles: ['bob'] }, T0, 'stopWord')).map((job) => job.id),
    ).toEqual(['b', 'c']);
    const off = { ...away, schedule: { ...away.schedule, awayEnabled: false } };
    expect((await cancelWithoutConsent(db, off, T0)).map((job) => job.id)).toEqual(['a']);
    const log = (await db.activity.toArray()).filter((entry) => entry.kind === 'cancelled');
    expect(log.map((entry) => [entry.contactHandle, entry.reason])).toEqual([
      ['bob', 'stopWord'],
      ['bob', 'stopWord'],
      ['alice', 'awayOff'],
    ]);
  });

  it('what the settings and contacts no longer allow is cancelled with its reason; the rest stays', async () => {
    for (const [id, handle] of [
      ['a', 'alice'],
      ['b', 'bob'],
      ['c', 'carol'],
      ['d', 'dave'],
    ] as const) {
      await scheduleJob(db, step(id, { contactHandle: handle, threadId: `1-${id.charCodeAt(0)}` }));
    }
    await db.people.add({
      key: '@carol',
      id: '',
      handle: 'carol',
      handles: ['carol'],
      name: '',
      firstSeenAt: T0,
      lastRepliedAt: null,
      silencedAt: T0,
    });
    const settings = { ...away, denyList: ['bob'], allowList: ['bob', 'carol', 'alice'] };
    const cancelled = await cancelWithoutConsent(db, settings, T0);
    expect(cancelled.map((job) => [job.id, job.error])).toEqual([
      ['b', 'denyListed'],
      ['c', 'silenced'],
      ['d', 'notAllowListed'],
    ]);
    expect((await listJobs(db, ['pending'])).map((job) => job.id)).toEqual(['a']);
    const off = { ...away, schedule: { ...away.schedule, awayUntil: T0 } };
    expect((await cancelWithoutConsent(db, off, T0)).map((job) => job.error)).toEqual(['awayOff']);
  });

  it('right before send: yes only for the typing tab with consent intact; a lost consent cancels', async () => {
    await typing(db, 'a');
    expect(await checkBeforeSend(db, away, 'a', 3, T0 + 10)).toBe(true);
    expect(await checkBeforeSend(db, away, 'a', 4, T0 + 10)).toBe(false);
    expect(await checkBeforeSend(db, away, 'nope', 3, T0 + 10)).toBe(false);
    expect((await listJobs(db, ['typing'])).map((job) => job.id)).toEqual(['a']);
    expect(await checkBeforeSend(db, { ...away, denyList: ['alice'] }, 'a', 3, T0 + 10)).toBe(false);
    expect(await db.jobs.get('a')).toMatchObject({ state: 'cancelled', leaseTabId: null });
    expect((await db.activity.toArray()).at(-1)).toMatchObject({ kind: 'cancelled', reason: 'denyListed' });
    // A pending job (not typing) is never pressed either.
    await scheduleJob(db, step('b'));
    await takeLease(db, 'b', 3, T0);
    expect(await checkBeforeSend(db, away, 'b', 3, T0 + 10)).toBe(false);
  });

  it('erasing leaves no job and no reservation', async () => {
    await typing(db, 'a');
    await eraseJobs(db);
    expect(await db.jobs.count()).toBe(0);
    expect(await db.ledger.count()).toBe(0);
  });
});

describe('jobs', () => {
  let db: AwayDb;
  beforeEach(() => {
    db = freshDb();
  });
  afterEach(() => db.close());

  it('lists jobs in some states by due time', async () => {
    await scheduleJob(db, step('late', { dueAt: T0 + 500 }));
    await scheduleJob(db, step('early', { dueAt: T0 + 100 }));
    await typing(db, 'typing', { dueAt: T0 + 300 });
    await scheduleJob(db, step('gone', { dueAt: T0 }));
    await cancelJob(db, 'gone', T0);
    expect((await listJobs(db, ['pending', 'typing'])).map((job) => job.id)).toEqual([
      'early',
      'typing',
      'late',
    ]);
    expect((await listJobs(db, ['cancelled'])).map((job) => job.id)).toEqual(['gone']);
  });
});
