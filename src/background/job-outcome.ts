import type { SendJob } from '../core/types.ts';
import type { JobFinished } from '../messaging/sending.ts';
import { appendActivity } from '../storage/activity.ts';
import type { AwayDb } from '../storage/db.ts';
import { settle } from '../storage/ledger.ts';
import { recordAutoReply } from '../storage/threads.ts';
import { ACTIVE_STATES, isActive, leaseIsLive } from './job-lease.ts';
import { LEASE_MS, MAX_SEND_ATTEMPTS, POSTPONE_MS, retryBackoff } from './send-config.ts';

const released = { leaseTabId: null, leaseUntil: null } as const;

function activityOf(job: SendJob) {
  return {
    threadId: job.threadId,
    messageId: job.messageId,
    contactHandle: job.contactHandle,
    text: job.text,
  };
}

/** A job that ends without sending: its ledger entry says so, and the log says why. */
async function endJob(
  db: AwayDb,
  job: SendJob,
  state: 'failed' | 'expired' | 'cancelled',
  reason: string,
  now: number,
): Promise<void> {
  await db.jobs.put({ ...job, ...released, state, error: reason });
  if (state !== 'cancelled') await settle(db, job.threadId, job.messageId, job.id, 'failed', now);
  await appendActivity(
    db,
    { ...activityOf(job), at: now, kind: state === 'cancelled' ? 'cancelled' : 'failed', reason },
    now,
  );
}

const TABLES = (db: AwayDb) => [db.jobs, db.ledger, db.threads, db.contacts, db.activity];

/**
 * The tab is about to type: the job becomes `typing` (so a reload knows to look for a sent copy first),
 * counts an attempt and remembers the own rows with this text that were already there. False (do not
 * type) when the tab lost the lease, the job is over, or it used up its attempts.
 */
export function markStarted(
  db: AwayDb,
  jobId: string,
  tabId: number,
  ownRowsBefore: readonly string[],
  now: number,
): Promise<boolean> {
  return db.transaction('rw', TABLES(db), async () => {
    const job = await db.jobs.get(jobId);
    if (!job || !isActive(job) || job.leaseTabId !== tabId) return false;
    if (job.attempts >= MAX_SEND_ATTEMPTS) {
      await endJob(db, job, 'failed', job.error ?? 'notConfirmed', now);
      return false;
    }
    const seen = new Set([...(job.seenOwnRows ?? []), ...ownRowsBefore]);
    await db.jobs.put({
      ...job,
      state: 'typing',
      attempts: job.attempts + 1,
      seenOwnRows: [...seen],
      leaseUntil: now + LEASE_MS,
    });
    return true;
  });
}

/**
 * Records how a tab's attempt ended. A sent message is recorded whoever reports it (it is a fact, and it
 * stops any other attempt at its next pause); anything else only from the tab holding the lease.
 */
export function recordFinished(
  db: AwayDb,
  report: JobFinished,
  tabId: number,
  now: number,
): Promise<boolean> {
  return db.transaction('rw', TABLES(db), async () => {
    const job = await db.jobs.get(report.jobId);
    if (!job) return false;
    if (report.outcome === 'sent' || report.outcome === 'alreadySent') {
      if (job.state === 'sent') return true;
      // The moment send was pressed, not this report's (which comes after X confirmed): a reply arriving in
      // between must count as coming after ours, for the loop checks.
      const pressed = report.outcome === 'sent' ? report.pressedAt : undefined;
      const sentAt = Math.min(now, Math.max(job.createdAt, pressed ?? now));
      await db.jobs.put({ ...job, ...released, state: 'sent', sentAt });
      await settle(db, job.threadId, job.messageId, job.id, 'sent', now);
      await recordAutoReply(db, job.threadId, job.contactHandle, sentAt);
      await appendActivity(db, { ...activityOf(job), at: now, kind: 'sent' }, now);
      return true;
    }
    if (!isActive(job) || job.leaseTabId !== tabId) return false;
    if (report.outcome === 'failed') {
      if (job.attempts >= MAX_SEND_ATTEMPTS) {
        await endJob(db, job, 'failed', report.code, now);
      } else {
        const dueAt = now + retryBackoff(Math.max(1, job.attempts));
        await db.jobs.put({ ...job, ...released, state: 'pending', dueAt, error: report.code });
      }
    } else if (report.outcome === 'postponed') {
      await db.jobs.put({
        ...job,
        ...released,
        state: 'pending',
        dueAt: now + POSTPONE_MS,
        error: report.code,
      });
    } else {
      // Stopped at the worker's word (lease lost, or nothing to do any more): free it for the next pass.
      await db.jobs.put({ ...job, ...released, state: 'pending' });
    }
    return true;
  });
}

/** Active jobs past their deadline and not being typed right now are given up, with a log entry each. */
export function expireJobs(db: AwayDb, now: number): Promise<SendJob[]> {
  return db.transaction('rw', TABLES(db), async () => {
    const due = await db.jobs
      .where('state')
      .anyOf(ACTIVE_STATES)
      .filter((job) => job.expiresAt !== undefined && job.expiresAt <= now && !leaseIsLive(job, now))
      .toArray();
    // Waiting for the person to stop using the X tab until the end: the log says that, not "no tab".
    for (const job of due) {
      await endJob(db, job, 'expired', job.error === 'userBusy' ? 'expiredUserBusy' : 'expired', now);
    }
    return due;
  });
}

/**
 * Away is off: nothing automatic may happen (invariant 6). Every active job is cancelled, the one being
 * typed too; its tab learns it at its next pause and removes the text it typed.
 */
export function cancelActiveJobs(db: AwayDb, now: number): Promise<SendJob[]> {
  return db.transaction('rw', TABLES(db), async () => {
    const active = await db.jobs.where('state').anyOf(ACTIVE_STATES).toArray();
    for (const job of active) await endJob(db, job, 'cancelled', 'awayOff', now);
    return active;
  });
}
