import type { ActivityEntry, ActivityKind } from '../core/types.ts';
import type { AwayDb } from './db.ts';

/** The log keeps the newest 5,000 entries of the last 90 days: enough to explain, small enough to scan. */
export const ACTIVITY_MAX_ENTRIES = 5_000;
export const ACTIVITY_MAX_AGE_MS = 90 * 86_400_000;
/** Entries quote DM text; a quote is for recognising the message, not for archiving it. */
export const ACTIVITY_MAX_TEXT = 500;

/**
 * Appends an entry and prunes in the same transaction. Pruning is two key-range deletes (by auto-increment
 * id and by the `at` index), which touch nothing when there is nothing to delete, so it stays cheap.
 */
export function appendActivity(db: AwayDb, entry: Omit<ActivityEntry, 'id'>, now: number): Promise<number> {
  const stored: Omit<ActivityEntry, 'id'> = { ...entry, contactHandle: entry.contactHandle.toLowerCase() };
  if (stored.text !== undefined && stored.text.length > ACTIVITY_MAX_TEXT) {
    stored.text = `${stored.text.slice(0, ACTIVITY_MAX_TEXT - 1)}…`;
  }
  return db.transaction('rw', db.activity, async () => {
    const id = await db.activity.add(stored as ActivityEntry);
    // Ids grow with every append, so everything at or below id - MAX is outside the newest MAX.
    await db.activity
      .where(':id')
      .belowOrEqual(id - ACTIVITY_MAX_ENTRIES)
      .delete();
    await db.activity
      .where('at')
      .below(now - ACTIVITY_MAX_AGE_MS)
      .delete();
    return id;
  });
}

export interface ActivityQuery {
  kinds?: readonly ActivityKind[];
  contactHandle?: string;
  threadId?: string;
  /** Case-insensitive words, all of which must appear in the text, handle or reason. */
  search?: string;
  /** Continue after this entry (the last one of the previous page). */
  after?: { at: number; id: number };
  limit?: number;
}

export interface ActivityPage {
  entries: ActivityEntry[];
  /** Pass as `after` for the next page; null when this was the last. */
  next: { at: number; id: number } | null;
}

function matches(query: ActivityQuery): (entry: ActivityEntry) => boolean {
  const words = (query.search ?? '').toLocaleLowerCase().split(/\s+/u).filter(Boolean);
  const handle = query.contactHandle?.replace(/^@/, '').toLowerCase();
  const { after } = query;
  return (entry) => {
    if (after && (entry.at > after.at || (entry.at === after.at && (entry.id ?? 0) >= after.id)))
      return false;
    if (query.kinds && !query.kinds.includes(entry.kind)) return false;
    if (handle !== undefined && entry.contactHandle !== handle) return false;
    if (query.threadId !== undefined && entry.threadId !== query.threadId) return false;
    if (words.length === 0) return true;
    const haystack = `${entry.text ?? ''} @${entry.contactHandle} ${entry.reason ?? ''}`.toLocaleLowerCase();
    return words.every((word) => haystack.includes(word));
  };
}

/** Newest first, filtered, one page at a time (the log is bounded, so a filtered scan is fine). */
export async function queryActivity(db: AwayDb, query: ActivityQuery = {}): Promise<ActivityPage> {
  const limit = Math.max(1, Math.min(query.limit ?? 50, 500));
  const start = query.after
    ? db.activity.where('at').belowOrEqual(query.after.at)
    : db.activity.orderBy('at');
  const entries = await start
    .reverse()
    .filter(matches(query))
    .limit(limit + 1)
    .toArray();
  const page = entries.slice(0, limit);
  const last = page.at(-1);
  return { entries: page, next: entries.length > limit && last ? { at: last.at, id: last.id ?? 0 } : null };
}
