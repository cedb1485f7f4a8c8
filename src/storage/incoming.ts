import type { IncomingDm } from '../core/types.ts';
import type { AwayDb } from './db.ts';
import { findDuplicate, isInboxId } from './preview-match.ts';
import type { StoredIncoming } from './rows.ts';

/** X handles are case-insensitive; contacts and lists use the lower-case form. */
export function normalizeHandle(handle: string): string {
  return handle.replace(/^@/, '').toLowerCase();
}

/**
 * Stores a detected DM once. Returns true when it is new, false when this (threadId, messageId) was already
 * stored or when it is the other sighting of a message already stored (inbox preview ↔ thread row, see
 * preview-match.ts). Only a `true` result may lead to a decision, which is what keeps re-renders, reloads
 * and two open tabs from producing two replies.
 *
 * In the same transaction the thread row is created (its `firstSeenAt` is the baseline before which
 * everything is history) and the sender's contact row is created or its display name refreshed.
 */
export function recordIncoming(db: AwayDb, dm: IncomingDm): Promise<boolean> {
  return db.transaction('rw', [db.incoming, db.threads, db.contacts], async () => {
    if (await db.incoming.get([dm.threadId, dm.messageId])) return false;

    const sameThread = await db.incoming.where('threadId').equals(dm.threadId).toArray();
    const duplicate = findDuplicate(dm, sameThread.filter(canBeDuplicatedBy(dm)));
    const row: StoredIncoming = duplicate ? { ...dm, supersedes: duplicate.messageId } : { ...dm };
    await db.incoming.add(row);
    if (duplicate && duplicate.supersededBy === undefined) {
      await db.incoming.update([duplicate.threadId, duplicate.messageId], { supersededBy: dm.messageId });
    }

    await touchThread(db, dm);
    await touchContact(db, dm);
    return duplicate === undefined;
  });
}

/**
 * A thread row is one real message, so it may absorb any number of inbox previews (X re-renders the inbox
 * and the preview may be hashed again). An inbox preview stands for one message, so once it absorbed a
 * thread row (or is itself a copy) it absorbs nothing more: a second real message that starts alike is new.
 * Rows from two different senders are never the same message.
 */
function canBeDuplicatedBy(dm: IncomingDm): (row: StoredIncoming) => boolean {
  const sender = normalizeHandle(dm.senderHandle);
  return (row) => {
    const rowSender = normalizeHandle(row.senderHandle);
    if (sender !== '' && rowSender !== '' && sender !== rowSender) return false;
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
