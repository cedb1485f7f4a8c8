import type { ThreadState } from '../core/types.ts';
import type { AwayDb } from './db.ts';
import { normalizeHandle } from './incoming.ts';

export function getThread(db: AwayDb, threadId: string): Promise<ThreadState | undefined> {
  return db.threads.get(threadId);
}

/**
 * Marks the moment the extension first saw a thread, when it has no baseline yet: every message in it
 * before that moment is history and is never answered. An existing baseline is never moved.
 */
export function baselineThread(db: AwayDb, threadId: string, at: number): Promise<ThreadState> {
  return db.transaction('rw', db.threads, async () => {
    const existing = await db.threads.get(threadId);
    if (existing) return existing;
    const thread: ThreadState = { threadId, firstSeenAt: at, lastIncomingAt: null, lastAutoReplyAt: null };
    await db.threads.add(thread);
    return thread;
  });
}

/**
 * Notes an automatic message that went out: the thread's "one per away period" and the contact's
 * cooldown both start from `at`. Both rows change together or not at all.
 */
export function recordAutoReply(
  db: AwayDb,
  threadId: string,
  contactHandle: string,
  at: number,
): Promise<void> {
  const handle = normalizeHandle(contactHandle);
  return db.transaction('rw', [db.threads, db.contacts], async () => {
    const thread = await db.threads.get(threadId);
    await db.threads.put({
      threadId,
      firstSeenAt: thread?.firstSeenAt ?? at,
      lastIncomingAt: thread?.lastIncomingAt ?? null,
      lastAutoReplyAt: at,
    });
    if (handle === '') return;
    const contact = await db.contacts.get(handle);
    await db.contacts.put({
      handle,
      name: contact?.name ?? '',
      firstSeenAt: contact?.firstSeenAt ?? at,
      lastRepliedAt: at,
      silencedAt: contact?.silencedAt ?? null,
    });
  });
}
