import { contactKey } from '../core/contact-key.ts';
import type { ThreadState } from '../core/types.ts';
import type { AwayDb } from './db.ts';
import { noteReplyTo } from './people.ts';

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
 * cooldown (under its key, `@handle` when none is given) both start from `at`. Both rows change together
 * or not at all.
 */
export function recordAutoReply(
  db: AwayDb,
  threadId: string,
  contactHandle: string,
  at: number,
  key: string = contactKey('', contactHandle),
): Promise<void> {
  return db.transaction('rw', [db.threads, db.people], async () => {
    const thread = await db.threads.get(threadId);
    await db.threads.put({
      threadId,
      firstSeenAt: thread?.firstSeenAt ?? at,
      lastIncomingAt: thread?.lastIncomingAt ?? null,
      lastAutoReplyAt: at,
    });
    await noteReplyTo(db, key, contactHandle, at);
  });
}
