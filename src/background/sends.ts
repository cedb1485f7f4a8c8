import { keyOfJob } from '../core/contact-key.ts';
import { EXPIRE_MS } from '../core/job-lifecycle.ts';
import type { AutoSend } from '../core/limits.ts';
import { DAY_MS } from '../core/limits.ts';
import type { SendJob } from '../core/types.ts';
import type { AwayDb } from '../storage/db.ts';

/** Time the plan spends typing, from the first chunk to pressing send. */
function typingMs(job: Pick<SendJob, 'timing'>): number {
  return job.timing.keyDelaysMs.reduce((sum, ms) => sum + ms, 0);
}

/** When the reply leaves: when it did, or when the plan says it will. */
export function sendTimeOf(job: SendJob): number {
  return job.sentAt ?? job.dueAt + typingMs(job);
}

/**
 * Automatic sends that count against the limits: sent, being typed, or waiting, over the last day (a
 * pending job counts at its planned time, so a burst is capped before anything is typed). Jobs that were
 * cancelled, expired or failed sent nothing and do not count.
 */
export async function recentSends(db: AwayDb, now: number): Promise<AutoSend[]> {
  // A job is sent at the latest EXPIRE_MS after it was due, so older due times cannot be in the window.
  const jobs = await db.jobs
    .where('dueAt')
    .above(now - DAY_MS - EXPIRE_MS)
    .filter((job) => job.state === 'pending' || job.state === 'typing' || job.state === 'sent')
    .toArray();
  return jobs
    .map((job) => ({
      at: sendTimeOf(job),
      threadId: job.threadId,
      contactHandle: job.contactHandle,
      contactKey: keyOfJob(job),
      text: job.text,
    }))
    .filter((send) => send.at > now - DAY_MS);
}
