import { type AwayWatch, buildDigest, type Digest, type DigestMessage, followAway } from '../core/digest.ts';
import type { AwayDb } from './db.ts';

/** The digest of the last away period, kept until the user dismisses it. */
export interface LatestDigestRow {
  id: 'latest';
  digest: Digest;
  dismissed: boolean;
}

/** The away state the worker saw last, to notice when away ends. */
export interface AwayWatchRow {
  id: 'watch';
  watch: AwayWatch;
}

export type DigestRow = LatestDigestRow | AwayWatchRow;

/** Everything stored about the period, for core's `buildDigest`. */
async function digestOf(db: AwayDb, from: number, to: number): Promise<Digest> {
  const incoming = await db.incoming.where('detectedAt').between(from, to, true, true).toArray();
  // An inbox preview and the row it previewed are one message: the later-seen copy points at the other.
  const messages: DigestMessage[] = incoming.filter((dm) => dm.supersedes === undefined);
  const activity = await db.activity.where('at').between(from, to, true, true).toArray();
  const threads = await db.threads.bulkGet([...new Set(messages.map((m) => m.threadId))]);
  return buildDigest({
    from,
    to,
    messages,
    activity,
    threads: threads.filter((thread) => thread !== undefined),
  });
}

/**
 * Follows the away state (the badge's refresh calls it whenever it may have changed): when away has just
 * ended, the period's digest is built and kept, undismissed, unless nobody wrote. Returns the digest to
 * show, or null.
 */
export function followAwayState(
  db: AwayDb,
  away: boolean,
  now: number,
  awaySince: number | null,
): Promise<Digest | null> {
  return db.transaction('rw', [db.digests, db.incoming, db.activity, db.threads], async () => {
    const stored = (await db.digests.get('watch')) as AwayWatchRow | undefined;
    const step = followAway(stored?.watch ?? null, away, now, awaySince);
    if (step.watch !== stored?.watch) await db.digests.put({ id: 'watch', watch: step.watch });
    if (step.ended) {
      const digest = await digestOf(db, step.ended.from, step.ended.to);
      // Nobody wrote: nothing to tell, and an earlier digest not yet read stays the one shown.
      if (digest.entries.length === 0) return latestDigest(db);
      await db.digests.put({ id: 'latest', digest, dismissed: false });
      return digest;
    }
    return latestDigest(db);
  });
}

/** The digest still to show (not dismissed), or null. */
export async function latestDigest(db: AwayDb): Promise<Digest | null> {
  const row = (await db.digests.get('latest')) as LatestDigestRow | undefined;
  return row && !row.dismissed ? row.digest : null;
}

/** The user read it: it is no longer shown (nor summed up on the toolbar button). */
export function dismissDigest(db: AwayDb): Promise<void> {
  return db.transaction('rw', db.digests, async () => {
    const row = (await db.digests.get('latest')) as LatestDigestRow | undefined;
    if (row && !row.dismissed) await db.digests.put({ ...row, dismissed: true });
  });
}
