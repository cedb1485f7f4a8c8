import { ACTIVE_STATES } from '../core/job-lifecycle.ts';
import { ACTIVITY_MAX_AGE_MS } from './activity.ts';
import type { AwayDb } from './db.ts';
import { listJobs, pruneJobs } from './jobs.ts';

/**
 * How long detected DMs (with their full text) and the records about them are kept: 90 days, like the
 * activity log. That is far beyond every window a decision looks back over: the caps and the minimum gap
 * look at the last 24 h, the default cooldown at 4 days. Longer cooldowns (up to 365 days) and stop words
 * live in `people` (the contacts), which is never pruned, so no limit is ever relaxed by pruning.
 */
export const RETENTION_MS = ACTIVITY_MAX_AGE_MS;

export interface PruneCounts {
  incoming: number;
  ledger: number;
  threads: number;
  jobs: number;
  suggestions: number;
}

const messageKey = (row: { threadId: string; messageId: string }) => `${row.threadId}\u0000${row.messageId}`;

/**
 * Deletes what is older than `maxAgeMs`, in one transaction:
 * - `incoming`: DMs detected before the cut-off (a range on the `detectedAt` index);
 * - `ledger`: entries last updated before it. Exactly-once does not need them any more: the page reports
 *   only messages that arrive after it loaded (its baseline), never a 90-day-old one;
 * - `threads`: threads with nothing (first sight, incoming DM, automatic reply) since the cut-off. A new
 *   message in one starts a fresh row, whose baseline is that message (the contact's cooldown is kept in
 *   `people`, which is not pruned);
 * - finished `jobs` due before it, and `suggestions` made before it.
 * Whatever belongs to a pending or typing job is kept, however old: its ledger entry is what stops a
 * second send. `people` (stop words, cooldowns) and the activity log (pruned on append) are not touched.
 * `ledger`, `threads` and `suggestions` have no time index, so they are scanned: a few thousand rows once
 * a day, cheaper than a schema version for an index.
 */
export function pruneOldRows(db: AwayDb, now: number, maxAgeMs: number = RETENTION_MS): Promise<PruneCounts> {
  const cutoff = now - maxAgeMs;
  const tables = [db.incoming, db.ledger, db.threads, db.jobs, db.suggestions];
  return db.transaction('rw', tables, async () => {
    const active = await listJobs(db, ACTIVE_STATES);
    const activeKeys = new Set(active.map(messageKey));
    const activeThreads = new Set(active.map((job) => job.threadId));

    const incoming = await db.incoming
      .where('detectedAt')
      .below(cutoff)
      .filter((row) => !activeKeys.has(messageKey(row)))
      .delete();
    const threads = await db.threads
      .filter(
        (thread) =>
          Math.max(thread.firstSeenAt, thread.lastIncomingAt ?? 0, thread.lastAutoReplyAt ?? 0) < cutoff &&
          !activeThreads.has(thread.threadId),
      )
      .delete();
    // Jobs and the ledger are written by their owner only.
    const { ledger, jobs } = await pruneJobs(db, cutoff, active);
    const suggestions = await db.suggestions.filter((suggestion) => suggestion.createdAt < cutoff).delete();
    return { incoming, ledger, threads, jobs, suggestions };
  });
}
