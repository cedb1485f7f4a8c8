import { isStopWord } from '../core/loops.ts';
import type { IncomingDm } from '../core/types.ts';
import { appendActivity } from '../storage/activity.ts';
import type { AwayDb } from '../storage/db.ts';
import { claimDecision, listUndecided, normalizeHandle } from '../storage/incoming.ts';

/**
 * How old a DM whose decision was cut off may be and still be decided. Younger, it is decided as if it had
 * just arrived (its reply delay then runs from now, with every limit and the history rule applied).
 * Older, it is logged as skipped (`decisionInterrupted`) instead: the worker was down long enough (the
 * browser closed, typically) that the user may have answered it by hand meanwhile, and a reply that comes
 * long after the message no longer reads as an away notice. A message holding a stop word is decided
 * however old it is: that decision answers nothing, it silences the person who asked.
 */
export const UNDECIDED_FRESH_MS = 10 * 60_000;

export interface RecoveryDeps {
  db: AwayDb;
  now(): number;
  /** Decides one DM the usual way: through the serial queue and `decideAndAct`, which claims it. */
  decide(dm: IncomingDm): Promise<unknown>;
}

export interface RecoveryCounts {
  /** Handed to `decide` (which does nothing if the DM's own decision claimed it first). */
  decided: number;
  /** Logged as `decisionInterrupted`. */
  tooLate: number;
}

/**
 * Runs on every worker wake: each DM stored as new but never decided (the worker stopped between storing
 * and deciding it) is decided now, or logged as too late. Exactly once however wakes and arrivals race:
 * both paths claim the DM's `undecided` row in the transaction that writes their outcome.
 */
export async function recoverUndecided(deps: RecoveryDeps): Promise<RecoveryCounts> {
  const { db } = deps;
  const counts: RecoveryCounts = { decided: 0, tooLate: 0 };
  for (const row of await listUndecided(db)) {
    const dm = await db.incoming.get([row.threadId, row.messageId]);
    const now = deps.now();
    // A "stop" is kept however late: its decision (stopWord, first of all checks) only silences.
    if (dm !== undefined && (now - dm.detectedAt <= UNDECIDED_FRESH_MS || isStopWord(dm.text))) {
      await deps.decide(dm);
      counts.decided++;
    } else if (await logTooLate(db, row, dm, now)) {
      counts.tooLate++;
    }
  }
  return counts;
}

/** Too old to answer (or its DM row is gone, erased meanwhile): claimed and logged, nothing sent. */
function logTooLate(
  db: AwayDb,
  row: { threadId: string; messageId: string },
  dm: IncomingDm | undefined,
  now: number,
): Promise<boolean> {
  return db.transaction('rw', [db.undecided, db.activity], async () => {
    if (!(await claimDecision(db, row))) return false;
    if (dm === undefined) return false;
    await appendActivity(
      db,
      {
        at: now,
        kind: 'skipped',
        threadId: dm.threadId,
        messageId: dm.messageId,
        contactHandle: normalizeHandle(dm.senderHandle),
        reason: 'decisionInterrupted',
        text: dm.text,
      },
      now,
    );
    return true;
  });
}
