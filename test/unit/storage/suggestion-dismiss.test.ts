import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AwayDb } from '../../../src/storage/db.ts';
import { dismissSuggestion, getSuggestion, setSuggestion } from '../../../src/storage/suggestions.ts';
import { freshDb } from '../support/fresh-db.ts';

let db: AwayDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.close());

const NOW = Date.UTC(2026, 11, 4, 22);
const suggestion = (messageId: string, text = 'Back Monday') => ({
  threadId: '1-2',
  messageId,
  text,
  ruleId: 'away-default',
  templateId: 'away-en',
  createdAt: NOW - 1000,
});

describe('dismissing a suggestion (the popup or the bar in X’s page)', () => {
  it('removes it and logs it in the same step, with the person who wrote', async () => {
    await db.incoming.add({
      messageId: 'm1',
      threadId: '1-2',
      threadKind: 'direct',
      senderHandle: '@Alice',
      senderName: 'Alice',
      text: 'Hi',
      timeLabel: '10:00',
      detectedAt: NOW - 2000,
      source: 'thread',
    } as never);
    await setSuggestion(db, suggestion('m1'));
    expect(await dismissSuggestion(db, '1-2', 'm1', NOW)).toBe(true);
    expect(await getSuggestion(db, '1-2')).toBeUndefined();
    const log = await db.activity.toArray();
    expect(log).toEqual([
      expect.objectContaining({
        at: NOW,
        kind: 'cancelled',
        threadId: '1-2',
        messageId: 'm1',
        contactHandle: 'alice',
        text: 'Back Monday',
      }),
    ]);
  });

  it('leaves a newer suggestion alone and logs nothing when the one dismissed is gone', async () => {
    await setSuggestion(db, suggestion('m2', 'Newer'));
    expect(await dismissSuggestion(db, '1-2', 'm1', NOW)).toBe(false);
    expect((await getSuggestion(db, '1-2'))?.text).toBe('Newer');
    expect(await dismissSuggestion(db, '9-9', 'm1', NOW)).toBe(false);
    expect(await db.activity.count()).toBe(0);
  });
});
