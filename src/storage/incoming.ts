import type { IncomingDm } from '../core/types.ts';
import type { AwayDb } from './db.ts';
import { findDuplicate, isInboxId, PREVIEW_WINDOW_MS, previewShowsLatest } from './preview-match.ts';
import type { StoredIncoming, UndecidedDm } from './rows.ts';

/** X handles are case-insensitive; contacts and lists use the lower-case form. */
export function normalizeHandle(handle: string): string {
  return handle.replace(/^@/, '').toLowerCase();
}

/**
 * Stores a detected DM once. Returns true when it is new, false when this (threadId, messageId) was already
 * stored or when it is another sighting of a message already stored (inbox preview ↔ thread row, see
 * preview-match.ts). Only a `true` result may lead to a decision, which is what keeps re-renders, reloads
 * and two open tabs from producing two replies.
 *
 * In the same transaction the thread row is created (its `firstSeenAt` is the baseline before which
 * everything is history) and the sender's contact row is created or its display name refreshed. A second
 * sighting is stored too (so a third is a no-op) but does not count as "they wrote again". A new DM also
 * gets an `undecided` row, removed with its decision's writes (see `claimDecision`).
 */
export function recordIncoming(db: AwayDb, dm: IncomingDm): Promise<boolean> {
  return db.transaction('rw', [db.incoming, db.threads, db.contacts, db.undecided], async () => {
    if (await db.incoming.get([dm.threadId, dm.messageId])) return false;
    const duplicate = await findEarlierSighting(db, dm);
    await db.incoming.add(duplicate ? { ...dm, supersedes: duplicate.messageId } : { ...dm });
    if (duplicate && duplicate.supersededBy === undefined) {
      await db.incoming.update([duplicate.threadId, duplicate.messageId], { supersededBy: dm.messageId });
    }
    if (!duplicate) {
      await touchThread(db, dm);
      // Stays until the decision is logged: a worker stopped before that decides it on its next wake.
      await db.undecided.add({ threadId: dm.threadId, messageId: dm.messageId, detectedAt: dm.detectedAt });
    }
    await touchContact(db, dm);
    return duplicate === undefined;
  });
}

async function findEarlierSighting(db: AwayDb, dm: IncomingDm): Promise<StoredIncoming | undefined> {
  // Only sightings inside the window can match by the time rule: a range on the detectedAt index keeps
  // this cheap however long the history grows.
  const nearby = await db.incoming
    .where('detectedAt')
    .between(dm.detectedAt - PREVIEW_WINDOW_MS, dm.detectedAt + PREVIEW_WINDOW_MS, true, true)
    .filter((row) => row.threadId === dm.threadId)
    .toArray();
  const eligible = canBeDuplicatedBy(dm);
  const duplicate = findDuplicate(dm, nearby.filter(eligible));
  if (duplicate || !isInboxId(dm.messageId)) return duplicate;
  // The latest-message rule (preview-match.ts): the thread's newest known message, however old.
  const thread = await db.threads.get(dm.threadId);
  if (thread?.lastIncomingAt == null) return undefined;
  const latest = await db.incoming
    .where('detectedAt')
    .equals(thread.lastIncomingAt)
    .filter((row) => row.threadId === dm.threadId && row.supersedes === undefined)
    .first();
  return latest && sameSender(dm, latest) && previewShowsLatest(dm.text, latest) ? latest : undefined;
}

function sameSender(a: { senderHandle: string }, b: { senderHandle: string }): boolean {
  const [x, y] = [normalizeHandle(a.senderHandle), normalizeHandle(b.senderHandle)];
  return x === '' || y === '' || x === y;
}

/**
 * A thread row is one real message, so it may absorb any number of inbox previews (X re-renders the inbox
 * and the preview may be hashed again). An inbox preview stands for one message, so once it absorbed a
 * thread row (or is itself a copy) it absorbs nothing more: a second real message that starts alike is new.
 * Rows from two different senders are never the same message.
 */
function canBeDuplicatedBy(dm: IncomingDm): (row: StoredIncoming) => boolean {
  return (row) => {
    if (!sameSender(dm, row)) return false;
    if (isInboxId(row.messageId)) return row.supersededBy === undefined && row.supersedes === undefined;
    return true;
  };
}

async function touchThread(db: AwayDb, dm: IncomingDm): Promise<void> {
  const thread = await db.threads.get(dm.threadId);
  if (!thread) {
    await db.threads.add({
      threadId: dm.threadId,
      firstSeenAt: dm.detectedAt,
      lastIncomingAt: dm.detectedAt,
      lastAutoReplyAt: null,
    });
  } else if (thread.lastIncomingAt === null || thread.lastIncomingAt < dm.detectedAt) {
    await db.threads.update(dm.threadId, { lastIncomingAt: dm.detectedAt });
  }
}

async function touchContact(db: AwayDb, dm: IncomingDm): Promise<void> {
  const handle = normalizeHandle(dm.senderHandle);
  // Some rows (e.g. a deleted account) show no handle; there is nobody to keep state for.
  if (handle === '') return;
  const contact = await db.contacts.get(handle);
  if (!contact) {
    await db.contacts.add({
      handle,
      name: dm.senderName,
      firstSeenAt: dm.detectedAt,
      lastRepliedAt: null,
      silencedAt: null,
    });
  } else if (dm.senderName !== '' && contact.name !== dm.senderName) {
    await db.contacts.update(handle, { name: dm.senderName });
  }
}

/**
 * Marks a DM as decided, inside the caller's transaction (which must include `db.undecided`). False when
 * it was decided already (or was never waiting): the caller must then write nothing, which is what keeps
 * two wakes deciding the same DM from acting twice.
 */
export async function claimDecision(
  db: AwayDb,
  dm: Pick<IncomingDm, 'threadId' | 'messageId'>,
): Promise<boolean> {
  const key: [string, string] = [dm.threadId, dm.messageId];
  if ((await db.undecided.get(key)) === undefined) return false;
  await db.undecided.delete(key);
  return true;
}

/** DMs whose decision was cut off, oldest first. */
export function listUndecided(db: AwayDb): Promise<UndecidedDm[]> {
  return db.undecided.orderBy('detectedAt').toArray();
}
