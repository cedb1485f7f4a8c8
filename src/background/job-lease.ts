import type { SendJob } from '../core/types.ts';
import type { AwayDb } from '../storage/db.ts';
import { LEASE_MS } from './send-config.ts';

/** Jobs that may still send something. */
export const ACTIVE_STATES = ['pending', 'typing'] as const;

export function isActive(job: SendJob): boolean {
  return job.state === 'pending' || job.state === 'typing';
}

export function leaseIsLive(job: SendJob, now: number): boolean {
  return job.leaseTabId !== null && job.leaseUntil !== null && job.leaseUntil > now;
}

/**
 * Gives the job to one tab. Read and write happen in one Dexie transaction, and IndexedDB runs
 * read-write transactions on the same store one after another, so of two dispatchers racing (an alarm and
 * a timer, or an old and a restarted worker) exactly one gets the lease; the other gets null.
 */
export function takeLease(db: AwayDb, jobId: string, tabId: number, now: number): Promise<SendJob | null> {
  return db.transaction('rw', db.jobs, async () => {
    const job = await db.jobs.get(jobId);
    if (!job || !isActive(job) || leaseIsLive(job, now)) return null;
    const leased: SendJob = { ...job, leaseTabId: tabId, leaseUntil: now + LEASE_MS };
    await db.jobs.put(leased);
    return leased;
  });
}

/**
 * Extends the lease of the tab that holds it, until `until`. Null when the tab does not hold it any more
 * or the job is over (sent, cancelled…): the tab must stop.
 */
export function renewLease(db: AwayDb, jobId: string, tabId: number, until: number): Promise<SendJob | null> {
  return db.transaction('rw', db.jobs, async () => {
    const job = await db.jobs.get(jobId);
    if (!job || !isActive(job) || job.leaseTabId !== tabId) return null;
    const renewed: SendJob = { ...job, leaseUntil: Math.max(job.leaseUntil ?? 0, until) };
    await db.jobs.put(renewed);
    return renewed;
  });
}

/** Frees one job's lease if `tabId` holds it (the tab refused the job or could not be reached). */
export function releaseLease(db: AwayDb, jobId: string, tabId: number): Promise<boolean> {
  return db.transaction('rw', db.jobs, async () => {
    const job = await db.jobs.get(jobId);
    if (!job || job.leaseTabId !== tabId) return false;
    await db.jobs.put({ ...job, leaseTabId: null, leaseUntil: null });
    return true;
  });
}

/** A page that (re)started runs nothing: every lease its tab held belonged to the page that is gone. */
export function releaseTabLeases(db: AwayDb, tabId: number): Promise<number> {
  return db.transaction('rw', db.jobs, async () => {
    const held = await db.jobs
      .where('state')
      .anyOf(ACTIVE_STATES)
      .filter((job) => job.leaseTabId === tabId)
      .toArray();
    await db.jobs.bulkPut(held.map((job) => ({ ...job, leaseTabId: null, leaseUntil: null })));
    return held.length;
  });
}

/** Tabs holding a live lease: each types one reply at a time. */
export async function busyTabs(db: AwayDb, now: number): Promise<Set<number>> {
  const jobs = await db.jobs.where('state').anyOf(ACTIVE_STATES).toArray();
  return new Set(jobs.filter((job) => leaseIsLive(job, now)).map((job) => job.leaseTabId as number));
}
