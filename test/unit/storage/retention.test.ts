import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SendJob } from '../../../src/core/types.ts';
import type { AwayDb } from '../../../src/storage/db.ts';
import { recordIncoming } from '../../../src/storage/incoming.ts';
import { scheduleJob } from '../../../src/storage/jobs.ts';
import { pruneOldRows, RETENTION_MS } from '../../../src/storage/retention.ts';
import { dm, freshDb } from '../support/fresh-db.ts';

const DAY = 86_400_000;
const NOW = 1_760_000_000_000;
const OLD = NOW - RETENTION_MS - DAY;
const RECENT = NOW - 10 * DAY;

const job = (id: string, at: number, extra: Partial<SendJob> = {}): SendJob => ({
  id,
  threadId: `${id}-1`,
  messageId: `m-${id}`,
  contactHandle: 'alice',
  text: 'Away until Monday',
  timing: { readMs: 0, thinkMs: 0, chunks: ['Away until Monday'], keyDelaysMs: [0], totalMs: 0 },
  dueAt: at,
  state: 'sent',
  attempts: 1,
  createdAt: at,
  leaseTabId: null,
  leaseUntil: null,
  ...extra,
});

let db: AwayDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.close());

describe('pruneOldRows: 90 days of detected DMs and their records', () => {
  it('is 90 days', () => {
    expect(RETENTION_MS).toBe(90 * DAY);
  });

  it('deletes DMs detected before the cut-off and keeps the others, the boundary included', async () => {
    await db.incoming.bulkAdd([
      dm({ messageId: 'old', detectedAt: OLD }),
      dm({ messageId: 'edge', detectedAt: NOW - RETENTION_MS }),
      dm({ messageId: 'new', detectedAt: RECENT }),
    ]);
    const counts = await pruneOldRows(db, NOW);
    expect(counts.incoming).toBe(1);
    expect((await db.incoming.toArray()).map((row) => row.messageId).sort()).toEqual(['edge', 'new']);
  });

  it('deletes old ledger entries but never one that guards a pending or typing job', async () => {
    const entry = { threadId: '1-2', state: 'reserved' as const };
    await db.ledger.bulkAdd([
      {
        ...entry,
        messageId: 'settled',
        jobId: 'job-settled',
        state: 'sent',
        reservedAt: OLD,
        updatedAt: OLD,
      },
      { ...entry, messageId: 'recent', jobId: 'job-recent', reservedAt: RECENT, updatedAt: RECENT },
    ]);
    for (const state of ['pending', 'typing'] as const) {
      const waiting = job(`job-${state}`, OLD, { state, createdAt: OLD });
      expect(await scheduleJob(db, { job: waiting, entry: null, ledger: null })).toEqual({ reserved: true });
      await db.incoming.add(
        dm({ threadId: waiting.threadId, messageId: waiting.messageId, detectedAt: OLD }),
      );
      await db.threads.add({
        threadId: waiting.threadId,
        firstSeenAt: OLD,
        lastIncomingAt: OLD,
        lastAutoReplyAt: null,
      });
    }
    const counts = await pruneOldRows(db, NOW);
    expect(counts).toMatchObject({ ledger: 1, incoming: 0, threads: 0, jobs: 0 });
    const kept = (await db.ledger.toArray()).map((entry) => entry.jobId).sort();
    expect(kept).toEqual(['job-pending', 'job-recent', 'job-typing']);
    // Exactly once still holds for the waiting jobs: their messages cannot be reserved again.
    const twin = job('job-twin', NOW, {
      threadId: 'job-pending-1',
      messageId: 'm-job-pending',
      state: 'pending',
    });
    const again = await scheduleJob(db, { job: twin, entry: null, ledger: null });
    expect(again.reserved).toBe(false);
  });

  it('deletes threads quiet since the cut-off, and keeps any with a recent sight, DM or reply', async () => {
    await db.threads.bulkAdd([
      { threadId: 'quiet', firstSeenAt: OLD, lastIncomingAt: OLD, lastAutoReplyAt: OLD },
      { threadId: 'never-wrote', firstSeenAt: OLD, lastIncomingAt: null, lastAutoReplyAt: null },
      { threadId: 'wrote', firstSeenAt: OLD, lastIncomingAt: RECENT, lastAutoReplyAt: null },
      { threadId: 'answered', firstSeenAt: OLD, lastIncomingAt: OLD, lastAutoReplyAt: RECENT },
      { threadId: 'seen', firstSeenAt: RECENT, lastIncomingAt: null, lastAutoReplyAt: null },
    ]);
    expect((await pruneOldRows(db, NOW)).threads).toBe(2);
    expect((await db.threads.toArray()).map((thread) => thread.threadId).sort()).toEqual([
      'answered',
      'seen',
      'wrote',
    ]);
  });

  it('deletes finished jobs and suggestions from before the cut-off', async () => {
    await db.jobs.bulkAdd([
      job('sent-old', OLD),
      job('cancelled-old', OLD, { state: 'cancelled' }),
      job('failed-old', OLD, { state: 'failed' }),
      job('sent-recent', RECENT),
      job('pending-old', OLD, { state: 'pending' }),
    ]);
    const suggestion = { messageId: 'm', text: 'Hi', ruleId: 'r', templateId: 't' };
    await db.suggestions.bulkAdd([
      { ...suggestion, threadId: 'old', createdAt: OLD },
      { ...suggestion, threadId: 'recent', createdAt: RECENT },
    ]);
    const counts = await pruneOldRows(db, NOW);
    expect(counts).toMatchObject({ jobs: 3, suggestions: 1 });
    expect((await db.jobs.toArray()).map((row) => row.id).sort()).toEqual(['pending-old', 'sent-recent']);
    expect((await db.suggestions.toArray()).map((row) => row.threadId)).toEqual(['recent']);
  });

  it('never touches contacts (stop words, long cooldowns) nor the activity log', async () => {
    await db.people.add({
      key: '@bob',
      id: '',
      handle: 'bob',
      handles: ['bob'],
      name: 'Bob',
      firstSeenAt: OLD,
      lastRepliedAt: OLD,
      silencedAt: OLD,
    });
    await db.activity.add({ at: OLD, kind: 'sent', threadId: '1-2', messageId: 'm', contactHandle: 'bob' });
    await pruneOldRows(db, NOW);
    expect(await db.people.get('@bob')).toMatchObject({ silencedAt: OLD });
    expect(await db.activity.count()).toBe(1);
  });

  it('keeps a recent message a duplicate of itself: the same report is still refused', async () => {
    expect(await recordIncoming(db, dm({ detectedAt: RECENT }))).toBe(true);
    await pruneOldRows(db, NOW);
    expect(await recordIncoming(db, dm({ detectedAt: RECENT + 1 }))).toBe(false);
  });

  it('has nothing left to do on a second run', async () => {
    await db.incoming.add(dm({ detectedAt: OLD }));
    await db.threads.add({
      threadId: '100-200',
      firstSeenAt: OLD,
      lastIncomingAt: OLD,
      lastAutoReplyAt: null,
    });
    expect(await pruneOldRows(db, NOW)).toEqual({
      incoming: 1,
      ledger: 0,
      threads: 1,
      jobs: 0,
      suggestions: 0,
    });
    expect(await pruneOldRows(db, NOW)).toEqual({
      incoming: 0,
      ledger: 0,
      threads: 0,
      jobs: 0,
      suggestions: 0,
    });
  });
});
