import type { JobState, SendJob } from '../core/types.ts';
import type { AwayDb } from './db.ts';
import type { ReserveResult } from './ledger.ts';
import { reserve } from './ledger.ts';

/**
 * Reserves the job's (threadId, messageId) in the ledger and stores the job, in one transaction: either
 * this job owns the message and exists, or another one already owns it and nothing was written.
 */
export function scheduleJob(db: AwayDb, job: SendJob): Promise<ReserveResult> {
  return db.transaction('rw', [db.ledger, db.jobs], async () => {
    const result = await reserve(db, job.threadId, job.messageId, job.id, job.createdAt);
    if (result.reserved) await db.jobs.add(job);
    return result;
  });
}

export function putJob(db: AwayDb, job: SendJob): Promise<string> {
  return db.jobs.put(job);
}

export function getJob(db: AwayDb, id: string): Promise<SendJob | undefined> {
  return db.jobs.get(id);
}

/** Applies `changes` to a job; false when it does not exist. */
export async function updateJob(
  db: AwayDb,
  id: string,
  changes: Partial<Omit<SendJob, 'id'>>,
): Promise<boolean> {
  return (await db.jobs.update(id, changes)) === 1;
}

/** Pending jobs whose time has come, oldest due first. */
export function listDueJobs(db: AwayDb, now: number): Promise<SendJob[]> {
  return db.jobs
    .where('dueAt')
    .belowOrEqual(now)
    .filter((job) => job.state === 'pending')
    .toArray();
}

/** Jobs in any of `states`, by due time: for the popup and for rebuilding alarms after a restart. */
export function listJobs(db: AwayDb, states: readonly JobState[]): Promise<SendJob[]> {
  return db.jobs.where('state').anyOf(states).sortBy('dueAt');
}

/** When the next pending job is due, for the one alarm the worker keeps; null when none is pending. */
export async function nextDueAt(db: AwayDb): Promise<number | null> {
  const pending = await listJobs(db, ['pending']);
  return pending[0]?.dueAt ?? null;
}

/**
 * Cancels every job in `states` (by default the pending ones: switching away off must stop them at once).
 * Returns the cancelled jobs. Their ledger entries stay, so a cancelled message is never answered later.
 */
export function cancelJobs(db: AwayDb, states: readonly JobState[] = ['pending']): Promise<SendJob[]> {
  return db.transaction('rw', db.jobs, async () => {
    const jobs = await db.jobs.where('state').anyOf(states).toArray();
    const cancelled = jobs.map((job) => ({
      ...job,
      state: 'cancelled' as const,
      leaseTabId: null,
      leaseUntil: null,
    }));
    await db.jobs.bulkPut(cancelled);
    return cancelled;
  });
}
