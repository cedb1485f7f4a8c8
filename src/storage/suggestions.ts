import { appendActivity } from './activity.ts';
import type { AwayDb } from './db.ts';
import { normalizeHandle } from './incoming.ts';
import type { Suggestion } from './rows.ts';

/** One suggestion per thread: a newer one for the same thread replaces the older. */
export async function setSuggestion(db: AwayDb, suggestion: Suggestion): Promise<void> {
  await db.suggestions.put(suggestion);
}

export function getSuggestion(db: AwayDb, threadId: string): Promise<Suggestion | undefined> {
  return db.suggestions.get(threadId);
}

export function listSuggestions(db: AwayDb): Promise<Suggestion[]> {
  return db.suggestions.orderBy('threadId').toArray();
}

/**
 * Removes a thread's suggestion (sent, dismissed, or obsolete). With `messageId`, only when it is the
 * suggestion for that message, so clearing an old one never removes a newer one made meanwhile.
 */
export function clearSuggestion(db: AwayDb, threadId: string, messageId?: string): Promise<boolean> {
  return db.transaction('rw', db.suggestions, async () => {
    const current = await db.suggestions.get(threadId);
    if (!current || (messageId !== undefined && current.messageId !== messageId)) return false;
    await db.suggestions.delete(threadId);
    return true;
  });
}

/**
 * The user dismissed the suggestion for this message (popup or the bar in X's page): it goes away and
 * the log says so, in one transaction, like a reply cancelled by hand. False when it was already gone
 * or a newer suggestion replaced it (that one stays).
 */
export function dismissSuggestion(
  db: AwayDb,
  threadId: string,
  messageId: string,
  now: number,
): Promise<boolean> {
  return db.transaction('rw', [db.suggestions, db.incoming, db.activity], async () => {
    const current = await db.suggestions.get(threadId);
    if (!current || current.messageId !== messageId) return false;
    await db.suggestions.delete(threadId);
    const dm = await db.incoming.get([threadId, messageId]);
    await appendActivity(
      db,
      {
        at: now,
        kind: 'cancelled',
        threadId,
        messageId,
        contactHandle: dm ? normalizeHandle(dm.senderHandle) : '',
        text: current.text,
      },
      now,
    );
    return true;
  });
}
