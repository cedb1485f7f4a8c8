import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ActivityEntry } from '../../../src/core/types.ts';
import {
  ACTIVITY_MAX_AGE_MS,
  ACTIVITY_MAX_ENTRIES,
  ACTIVITY_MAX_TEXT,
  appendActivity,
  queryActivity,
} from '../../../src/storage/activity.ts';
import type { AwayDb } from '../../../src/storage/db.ts';
import { freshDb } from '../support/fresh-db.ts';

let db: AwayDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.close());

const T0 = 1_750_000_000_000;

const entry = (at: number, extra: Partial<ActivityEntry> = {}): Omit<ActivityEntry, 'id'> => ({
  at,
  kind: 'detected',
  threadId: '1-2',
  messageId: `m${at}`,
  contactHandle: 'alice',
  text: 'hello',
  ...extra,
});

describe('appendActivity', () => {
  it('stores the entry with an id, a lower-case handle and a shortened text', async () => {
    const id = await appendActivity(db, entry(T0, { contactHandle: 'Alice', text: 'x'.repeat(2000) }), T0);
    const stored = await db.activity.get(id);
    expect(stored?.contactHandle).toBe('alice');
    expect(stored?.text).toHaveLength(ACTIVITY_MAX_TEXT);
    expect(stored?.text?.endsWith('…')).toBe(true);
  });

  it('keeps only the newest 5,000 entries', async () => {
    await db.activity.bulkAdd(
      Array.from({ length: ACTIVITY_MAX_ENTRIES }, (_, i) => entry(T0 + i) as ActivityEntry),
    );
    await appendActivity(db, entry(T0 + ACTIVITY_MAX_ENTRIES), T0 + ACTIVITY_MAX_ENTRIES);
    expect(await db.activity.count()).toBe(ACTIVITY_MAX_ENTRIES);
    const oldest = await db.activity.orderBy('at').first();
    expect(oldest?.at).toBe(T0 + 1);
  });

  it('drops entries older than 90 days', async () => {
    await appendActivity(db, entry(T0), T0);
    await appendActivity(db, entry(T0 + 1000), T0 + 1000);
    await appendActivity(db, entry(T0 + ACTIVITY_MAX_AGE_MS + 500), T0 + ACTIVITY_MAX_AGE_MS + 500);
    expect((await db.activity.toArray()).map((e) => e.at)).toEqual([
      T0 + 1000,
      T0 + ACTIVITY_MAX_AGE_MS + 500,
    ]);
  });
});

describe('queryActivity', () => {
  beforeEach(async () => {
    await appendActivity(db, entry(T0 + 1, { kind: 'detected', text: 'Are you free for lunch?' }), T0);
    await appendActivity(
      db,
      entry(T0 + 2, { kind: 'skipped', reason: 'cooldown', contactHandle: 'bob' }),
      T0,
    );
    await appendActivity(db, entry(T0 + 3, { kind: 'sent', text: 'Away until Monday', threadId: '3-4' }), T0);
    await appendActivity(db, entry(T0 + 3, { kind: 'failed', reason: 'composerMissing' }), T0);
  });

  it('lists newest first', async () => {
    const { entries, next } = await queryActivity(db);
    expect(entries.map((e) => e.kind)).toEqual(['failed', 'sent', 'skipped', 'detected']);
    expect(next).toBeNull();
  });

  it('filters by kind, contact and thread', async () => {
    expect((await queryActivity(db, { kinds: ['sent', 'skipped'] })).entries.map((e) => e.kind)).toEqual([
      'sent',
      'skipped',
    ]);
    expect((await queryActivity(db, { contactHandle: '@Bob' })).entries.map((e) => e.kind)).toEqual([
      'skipped',
    ]);
    expect((await queryActivity(db, { threadId: '3-4' })).entries.map((e) => e.kind)).toEqual(['sent']);
  });

  it('searches all words, ignoring case, in text, handle and reason', async () => {
    expect((await queryActivity(db, { search: 'LUNCH free' })).entries.map((e) => e.kind)).toEqual([
      'detected',
    ]);
    expect((await queryActivity(db, { search: '@bob' })).entries.map((e) => e.kind)).toEqual(['skipped']);
    expect((await queryActivity(db, { search: 'cooldown' })).entries.map((e) => e.kind)).toEqual(['skipped']);
    expect((await queryActivity(db, { search: 'lunch monday' })).entries).toEqual([]);
  });

  it('pages without gaps or repeats, also across entries with the same time', async () => {
    const seen: string[] = [];
    let page = await queryActivity(db, { limit: 1 });
    for (;;) {
      seen.push(...page.entries.map((e) => e.kind));
      if (!page.next) break;
      page = await queryActivity(db, { limit: 1, after: page.next });
    }
    expect(seen).toEqual(['failed', 'sent', 'skipped', 'detected']);
  });
});
