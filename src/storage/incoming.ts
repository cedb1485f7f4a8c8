import { normalizeHandle } from '../core/contact-key.ts';
import {
  findDuplicate,
  findLatePreview,
  INBOX_ID_PREFIX,
  isInboxId,
  PREVIEW_WINDOW_MS,
  previewShowsLatest,
} from '../core/preview-match.ts';
import type { IncomingDm } from '../core/types.ts';
import type { AwayDb } from './db.ts';
import { seeContact } from './people.ts';
import type { StoredIncoming, UndecidedDm } from './rows.ts';

export { normalizeHandle };

/**
 * Stores a detected DM once. Returns true when it is new, false when this (threadId, messageId) was already
 * stored or when it is another sighting of a message already stored (inbox preview ↔ thread row, see
 * preview-match.ts). Only a `true` result may lead to a decision, which is what keeps re-renders, reloads
 * and two open tabs from producing two replies.
 *
 * In the same transaction the thread row is created (its `firstSeenAt` is the baseline before which
 * everything is history) and the sender's contact row is created or its display name refreshed. A second
 * sighting is stored too (so a third is a no-op) but does not count as "they wrote again". A thread row
 * is one real message, so it may absorb any number of previews (X re-renders the inbox, another tab hashes
 * another time label); a preview stands for one message, so it absorbs one thread row, and a second real
 * message that starts alike is new. Two senders never share a message. A new DM also
 * gets an `undecided` row, removed with its decision's writes (see `claimDecision`).
 */
export function recordIncoming(db: AwayDb, dm: IncomingDm): Promise<boolean> {
  return db.transaction('rw', [db.incoming, db.threads, db.people, db.undecided], async () => {
    if (await db.incoming.get([dm.threadId, dm.messageId])) return false;
    const duplicate = isInboxId(dm.messageId)
      ? await findEarlierSighting(db, dm)
      : await previewOfRow(db, dm);
    await db.incoming.add(duplicate ? { ...dm, supersedes: duplicate.messageId } : { ...dm });
    // A thread row matching a preview always says so on it: that preview then matches no other row.
    if (duplicate && (duplicate.supersededBy === undefined || !isInboxId(dm.messageId))) {
      await db.incoming.update([duplicate.threadId, duplicate.messageId], { supersededBy: dm.messageId });
    }
    if (!duplicate) {
      await touchThread(db, dm);
      // Stays until the decision is logged: a worker stopped before that decides it on its next wake.
      await db.undecided.add({ threadId: dm.threadId, messageId: dm.messageId, detectedAt: dm.detectedAt });
    }
    await seeContact(db, { id: dm.senderId, handle: dm.senderHandle }, dm.senderName, dm.detectedAt);
    return duplicate === undefined;
  });
}

/**
 * The preview a thread row is another sighting of (preview-match.ts): one of its thread's previews that no
 * thread row matched yet, by the time rule, else by the late-row rule. Copies of a preview (the same
 * preview under another id) stand for their original, which is the one matched.
 */
async function previewOfRow(db: AwayDb, dm: IncomingDm): Promise<StoredIncoming | undefined> {
  // Previews sort together under the primary key: [thread, "inbox:"…] is one range, however old they are.
  const previews = await db.incoming
    .where(':id')
    .between([dm.threadId, INBOX_ID_PREFIX], [dm.threadId, `${INBOX_ID_PREFIX}\uffff`])
    .toArray();
  const open = previews.filter(
    (row) =>
      row.supersedes === undefined &&
      (row.supersededBy === undefined || isInboxId(row.supersededBy)) &&
      sameSender(dm, row),
  );
  return findDuplicate(dm, open) ?? findLatePreview(dm, open);
}

async function findEarlierSighting(db: AwayDb, dm: IncomingDm): Promise<StoredIncoming | undefined> {
  // Only sightings inside the window can match by the time rule: a range on the detectedAt index keeps
  // this cheap however long the history grows.
  const nearby = await db.incoming
    .where('detectedAt')
    .between(dm.detectedAt - PREVIEW_WINDOW_MS, dm.detectedAt + PREVIEW_WINDOW_MS, true, true)
    .filter((row) => row.threadId === dm.threadId)
    .toArray();
  const duplicate = findDuplicate(
    dm,
    nearby.filter((row) => sameSender(dm, row)),
  );
  if (duplicate) return duplicate;
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
