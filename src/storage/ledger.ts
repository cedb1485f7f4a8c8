import type { AwayDb } from './db.ts';
import type { LedgerEntry, LedgerState } from './rows.ts';

export type ReserveResult = { reserved: true } | { reserved: false; holder: LedgerEntry };

/**
 * The exactly-once primitive: claims (threadId, messageId) for `jobId`. Only one caller ever gets
 * `reserved: true` for a key, whatever the number of tabs, workers or retries racing for it; the others
 * learn who holds it. Reserve before typing anything, never after.
 *
 * It relies on IndexedDB's unique primary key: `add` fails with ConstraintError when the key exists, and
 * that failure is atomic across connections, unlike a get-then-put.
 */
export async function reserve(
  db: AwayDb,
  threadId: string,
  messageId: string,
  jobId: string,
  at: number,
): Promise<ReserveResult> {
  const entry: LedgerEntry = { threadId, messageId, jobId, state: 'reserved', reservedAt: at, updatedAt: at };
  try {
    await db.ledger.add(entry);
    return { reserved: true };
  } catch (error) {
    if (!(error instanceof Error) || error.name !== 'ConstraintError') throw error;
    const holder = await db.ledger.get([threadId, messageId]);
    if (!holder) throw error;
    return { reserved: false, holder };
  }
}

/**
 * Records how the reservation ended. Only the job holding it may settle it, and a settled entry stays
 * reserved forever: a failed send is not retried by reserving again (retries belong to the same job).
 */
export function settle(
  db: AwayDb,
  threadId: string,
  messageId: string,
  jobId: string,
  state: Exclude<LedgerState, 'reserved'>,
  at: number,
): Promise<boolean> {
  return db.transaction('rw', db.ledger, async () => {
    const entry = await db.ledger.get([threadId, messageId]);
    if (!entry || entry.jobId !== jobId) return false;
    await db.ledger.put({ ...entry, state, updatedAt: at });
    return true;
  });
}

export function getLedgerEntry(
  db: AwayDb,
  threadId: string,
  messageId: string,
): Promise<LedgerEntry | undefined> {
  return db.ledger.get([threadId, messageId]);
}
